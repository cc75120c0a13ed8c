/**
 * Dependencies point one way: the core is pure domain logic that takes its dependencies as parameters, so it imports
 * neither infrastructure (infra/) nor adapters nor the HTTP layer; and the HTTP layer maps domain errors only,
 * because the adapters translate DynamoDB's failures (functions/adapters/dynamo-errors.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../local/paths';

const sources = (folder: string): string[] =>
  readdirSync(join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));

/** Every module a file imports (static, dynamic and type-only), as a path from the repository root or a package name. */
const importsOf = (file: string): string[] =>
  [...readFileSync(join(repositoryRoot, file), 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map(
    ([, specifier]) => (specifier!.startsWith('.') ? relative(repositoryRoot, resolve(repositoryRoot, dirname(file), specifier!)) : specifier!),
  );

const dynamoErrorNames =
  /ConditionalCheckFailed|TransactionCanceled|TransactionConflict|ProvisionedThroughput|ThrottlingException|RequestLimitExceeded|TransactionInProgress|IdempotentParameterMismatch|CancellationReasons/;

describe('the direction of dependencies', () => {
  it('keeps the core free of infrastructure, adapters and the HTTP layer', () => {
    const outward = sources('functions/core').flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(infra|functions\/(adapters|http|web))(\/|$)/.test(target) || target.startsWith('@aws-sdk/'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(outward).toEqual([]);
  });

  it('keeps DynamoDB out of the HTTP layer: no DynamoDB modules, no DynamoDB error names', () => {
    const files = sources('functions/http');
    const imports = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => /dynamo/i.test(target))
        .map((target) => `${file} imports ${target}`),
    );
    const names = files.filter((file) => dynamoErrorNames.test(readFileSync(join(repositoryRoot, file), 'utf8')));
    expect(imports).toEqual([]);
    expect(names).toEqual([]);
  });

  it('reads the imports it checks (a check that finds no imports could not fail)', () => {
    expect(importsOf('functions/core/catalogue.ts')).toContain('schemas/application');
    expect(sources('functions/http')).toContain('functions/http/problem.ts');
  });
});
