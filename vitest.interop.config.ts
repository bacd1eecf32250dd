// Interop suite (npm run test:interop): the CalDAV path against a real Radicale; needs the radicale package.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/interop/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The process zone is far from the provider's, so a day read in the wrong zone shows.
    env: { TZ: 'Pacific/Chatham' },
  },
});
