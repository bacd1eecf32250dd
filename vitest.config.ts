// Test runner: one real PostgreSQL per run, a fresh database per test file.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A real Radicale is a system package: npm run test:interop runs those (vitest.interop.config.ts).
    exclude: [...configDefaults.exclude, 'test/interop/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'Pacific/Chatham' },
  },
});
