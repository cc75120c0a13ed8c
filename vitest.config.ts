import { defineConfig } from 'vitest/config';
import { offlineAwsEnvironment } from './local/offline-aws.ts';

// Keep the SDK off the network and off the instance-metadata endpoint in every test.
const offlineAws = { ...offlineAwsEnvironment };

export default defineConfig({
  test: {
    env: offlineAws,
    // Every project: the portal built from the current sources (not kept in git), then capture all output, and fail
    // the run if personal data reached it (tests/support/log-audit.ts).
    globalSetup: ['tests/support/build-web.global-setup.ts', 'tests/support/log-audit.global-setup.ts'],
    setupFiles: ['tests/support/log-capture.setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // The portal in Debian's Chromium on the browser specs' own local stack (tests/browser/global-setup.ts).
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
      },
      {
        extends: true,
        // Hostile input on every route: FUZZ_RUNS cases per route (500; `npm run fuzz` 10 000).
        test: {
          name: 'fuzz',
          include: ['tests/fuzz/**/*.test.ts'],
          globalSetup: ['tests/fuzz/global-setup.ts'],
          setupFiles: ['tests/fuzz/setup.ts'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
