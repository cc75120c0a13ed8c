/**
 * Item keys are spelt in one place, functions/adapters/keys.ts (issue 14): every other adapter builds keys through
 * its builders, so a key's shape changes in one file and a list, a migration or a cursor check cannot drift from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../local/paths';

const adapters = 'functions/adapters';
const keysModule = `${adapters}/keys.ts`;

const adapterSources = (): string[] =>
  readdirSync(join(repositoryRoot, adapters), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${adapters}/${name}`);

/** What spells a key: a literal `pk:`/`sk:`/`gsiNpk:`/`gsiNsk:` value, an upper-case `PREFIX#`, or a `…}#…` / `#~` composition. */
const keySpellings = [
  /\b(?:pk|sk|gsi\d(?:pk|sk))\s*:\s*['"`]/,
  /['"`][A-Z][A-Z-]*#/,
  /`[^`\n]*\}#/,
  /#~/,
];

const spellingsIn = (file: string): string[] =>
  readFileSync(join(repositoryRoot, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (keySpellings.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : []));

describe('item keys', () => {
  it('are spelt in keys.ts only: no other adapter writes a key value of its own', () => {
    const elsewhere = adapterSources()
      .filter((file) => file !== keysModule)
      .flatMap(spellingsIn);
    expect(elsewhere).toEqual([]);
  });

  it('are found where they are spelt (a check that finds nothing in keys.ts could not fail)', () => {
    const found = spellingsIn(keysModule).join('\n');
    expect(found).toContain('APPLICATION#');
    expect(found).toContain('gsi1sk');
    expect(adapterSources()).toContain(`${adapters}/entities/application.ts`);
  });
});
