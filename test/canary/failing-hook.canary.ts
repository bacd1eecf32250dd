// A CI canary: every test passes but a hook throws, which must still give a non-zero exit.
import { afterAll, expect, it } from 'vitest';

afterAll(() => {
  throw new Error('canary: a failing hook');
});

it('passes, so only the hook fails', () => {
  expect(1).toBe(1);
});
