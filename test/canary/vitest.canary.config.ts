// The real suite's config (global setup and all) running only the canary, which must fail.
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/canary/*.canary.ts'] },
});
