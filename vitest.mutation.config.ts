import { defineConfig } from 'vitest/config';

/**
 * The unit project alone, for `npm run mutation` (Stryker): pure tests, no local servers, no log capture (a mutant
 * run writes nothing personal; the audit belongs to `npm test`).
 */
export default defineConfig({
  test: {
    env: {
      AWS_REGION: 'eu-north-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    include: ['tests/unit/**/*.test.ts'],
    // Mutant runs share two busy cores with other work: a slow run is not a failing one.
    testTimeout: 30_000,
  },
});
