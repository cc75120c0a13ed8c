import { defineConfig } from 'vitest/config';

/**
 * The schema specs alone, for the static-mutant run over `schemas/` (stryker.schemas-static.json). A static
 * mutant (a change to a module-level schema, regex or message table) needs every covering test file re-imported,
 * so this run keeps to the specs that state what the schemas accept: they alone must notice each change.
 */
export default defineConfig({
  test: {
    include: [
      'tests/unit/form-primitives.test.ts',
      'tests/unit/request-schemas.test.ts',
      'tests/unit/messages.test.ts',
      'tests/unit/personal-code.test.ts',
      'tests/unit/application-schema.test.ts',
    ],
  },
});
