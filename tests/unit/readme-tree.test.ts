/**
 * The README's "How it is built" describes the tree as it is: every path it names exists, and every folder a
 * newcomer needs (each top-level folder, each shared folder of functions/, and the folders one level inside the
 * main ones) is named there. A move that forgets the README fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/routes';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## How it is built'), readme.indexOf('\n## ', readme.indexOf('## How it is built') + 1));

/** Generated or local-only folders, as .gitignore lists them, and git's own. */
const notSource = new Set(['node_modules', 'cdk.out', '.local', 'coverage', 'dist', 'reports', '.stryker-tmp', '.git']);
const foldersIn = (folder: string): string[] =>
  readdirSync(join(root, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !notSource.has(entry.name))
    .map((entry) => `${folder === '.' ? '' : `${folder}/`}${entry.name}/`);

/** The Lambda folders (functions/<name>/), which the README names together as a pattern. */
const lambdaFolders = new Set(Object.values(functions).map((definition) => definition.entry.replace(/[^/]+$/, '')));
const topLevel = foldersIn('.').map((folder) => folder.replace(/\/$/, ''));

/** `<name>` in a named path stands for every Lambda's folder name. */
const expand = (path: string): string[] =>
  path.includes('<name>') ? [...lambdaFolders].map((folder) => path.replace('functions/<name>/', folder)) : [path];

/**
 * Every path the section names. A backticked name in a table row that does not start at the root (`contracts.ts`,
 * `unit/`) is inside that row's folder; anything else path-like starts at the repository root.
 */
const namedPaths = (): string[] => {
  const paths = new Set<string>();
  const isRooted = (token: string) => topLevel.includes(token.split('/')[0]!);
  const looksLikePath = (token: string) => /^[\w.<>-]+(\/[\w.<>-]+)*\/?$/.test(token) && (token.endsWith('/') || /\.\w+$/.test(token));
  for (const line of section.split('\n')) {
    const tokens = [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    const rowFolder = line.startsWith('| `') && tokens[0]?.endsWith('/') ? tokens[0] : undefined;
    for (const token of tokens) {
      // In a row, a single folder (`unit/`, `infra/`) is inside the row's folder even when a top-level one has its name.
      const single = /^[^/]+\/?$/.test(token);
      if (rowFolder && token !== rowFolder && looksLikePath(token) && (single || !isRooted(token))) paths.add(`${rowFolder}${token}`);
      else if (isRooted(token)) paths.add(token);
    }
    // Paths in the diagram and the prose, not backticked.
    for (const match of line.matchAll(/(?<![\w/<])((?:functions|schemas|infra|local|tests|bench|docs)\/[\w./-]*\w\/?)(?![\w<])/g)) paths.add(match[1]!);
  }
  return [...paths];
};

describe('the README\'s "How it is built"', () => {
  it('names only paths that exist', () => {
    const missing = namedPaths()
      .flatMap(expand)
      .filter((path) => !existsSync(join(root, path)) || (path.endsWith('/') && !statSync(join(root, path)).isDirectory()));
    expect(missing).toEqual([]);
  });

  it('names every top-level folder, every shared folder of functions/ and the folders inside the main ones', () => {
    const named = new Set(namedPaths().map((path) => (path.endsWith('/') || /\.\w+$/.test(path) ? path : `${path}/`)));
    const wanted = [
      ...foldersIn('.'),
      ...foldersIn('functions').filter((folder) => !lambdaFolders.has(folder) || folder === 'functions/web/'),
      ...['functions/core', 'functions/core/templates', 'schemas', 'infra', 'local', 'tests', 'bench'].flatMap(foldersIn),
    ];
    expect(wanted.filter((folder) => !named.has(folder) && !(folder.startsWith('functions/') && lambdaFolders.has(folder) && named.has('functions/<name>/')))).toEqual([]);
  });

  it('finds the paths it checks (the section is where the test looks)', () => {
    expect(namedPaths()).toEqual(expect.arrayContaining(['infra/routes.ts', 'functions/core/', 'schemas/api/contracts.ts']));
  });
});
