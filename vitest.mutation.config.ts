import { defineConfig } from 'vitest/config';
import { offlineAwsEnvironment } from './local/offline-aws';

/**
 * The unit project alone, for `npm run mutation` (Stryker): pure tests, no local servers, no log capture (a mutant
 * run writes nothing personal; the audit belongs to `npm test`).
 */
export default defineConfig({
  test: {
    env: { ...offlineAwsEnvironment },
    // The portal's templates and theme are build output, not in git: built for the sandbox's run as for npm test.
    globalSetup: ['tests/support/build-web.global-setup.ts'],
    include: ['tests/unit/**/*.test.ts'],
    // The README's tree spec reads the whole checkout; Stryker's sandbox leaves out bench/ (ignorePatterns), so it
    // would fail the dry run, and it judges no mutated code.
    exclude: ['tests/unit/readme-tree.test.ts'],
    // Mutant runs share two busy cores with other work: a slow run is not a failing one.
    testTimeout: 30_000,
  },
});
