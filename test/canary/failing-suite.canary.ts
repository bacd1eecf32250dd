// A CI canary: the file throws while loading, so no test runs, which must give a non-zero exit.
import { expect, it } from 'vitest';

function loadFixture(): never {
  throw new Error('canary: a suite that cannot load');
}

loadFixture();

it('is never collected', () => {
  expect(1).toBe(1);
});
