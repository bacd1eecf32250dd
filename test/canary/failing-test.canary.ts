// The CI canary: a test that must fail, so CI can prove a red test gives a non-zero exit.
import { expect, it } from 'vitest';

it('fails on purpose (run only by .ci/run, which expects a non-zero exit)', () => {
  expect(1).toBe(2);
});
