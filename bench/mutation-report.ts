/**
 * bench/MUTATION.md's tables from Stryker's JSON report (reports/mutation/mutation.json, written by
 * `npm run mutation`): score per folder and per file, and the surviving mutants by file.
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage); static mutants are ignored
 * (stryker.config.json: ignoreStatic) and counted apart.
 *
 *   npx tsx bench/mutation-report.ts [full.json [later-subset.json …]]   → markdown on stdout
 *
 * A later report replaces an earlier one file by file: a full run, then re-runs of the files worked on since.
 */
import { readFileSync } from 'node:fs';

interface Mutant {
  readonly mutatorName: string;
  readonly status: string;
  readonly replacement?: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface Report {
  readonly files: Record<string, { readonly source: string; readonly mutants: readonly Mutant[] }>;
}

const reports = (process.argv.length > 2 ? process.argv.slice(2) : ['reports/mutation/mutation.json']).map(
  (path) => JSON.parse(readFileSync(path, 'utf8')) as Report,
);
const report: Report = { files: Object.assign({}, ...reports.map(({ files }) => files)) };

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  errors: number;
}
const tally = (mutants: readonly Mutant[]): Tally => {
  const count = (...statuses: string[]) => mutants.filter(({ status }) => statuses.includes(status)).length;
  return {
    killed: count('Killed', 'Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    ignored: count('Ignored'),
    errors: count('CompileError', 'RuntimeError'),
  };
};
const score = ({ killed, survived, noCoverage }: Tally) => {
  const valid = killed + survived + noCoverage;
  return valid === 0 ? '—' : `${((100 * killed) / valid).toFixed(1)} %`;
};
const row = (name: string, t: Tally) => `| ${name} | ${score(t)} | ${t.killed} | ${t.survived} | ${t.noCoverage} | ${t.ignored} |`;
const header = ['| | score | killed | survived | no coverage | static (ignored) |', '| --- | --- | --- | --- | --- | --- |'];

const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
const folderOf = (path: string) => path.split('/').slice(0, -1).join('/');
const folders = [...new Set(files.map(([path]) => folderOf(path)))];
const all = files.flatMap(([, file]) => file.mutants);
/** A folder with subfolders also as a whole (`functions/core/**`): the goal is set per folder, subfolders included. */
const trees = folders.filter((folder) => folders.some((other) => other.startsWith(`${folder}/`)));
const under = (tree: string) => files.filter(([path]) => path.startsWith(`${tree}/`)).flatMap(([, file]) => file.mutants);

const lines = [
  '### Per folder',
  '',
  ...header,
  ...folders.map((folder) => row(`\`${folder}\``, tally(files.filter(([path]) => folderOf(path) === folder).flatMap(([, file]) => file.mutants)))),
  ...trees.map((tree) => row(`\`${tree}/**\` (with subfolders)`, tally(under(tree)))),
  row('**all**', tally(all)),
  '',
  '### Per file',
  '',
  ...header,
  ...files.map(([path, file]) => row(`\`${path}\``, tally(file.mutants))),
  '',
  '### Surviving mutants',
  '',
  ...files.flatMap(([path, file]) => {
    const survivors = file.mutants.filter(({ status }) => status === 'Survived');
    if (survivors.length === 0) return [];
    const sourceLines = file.source.split('\n');
    return [
      `<details><summary><code>${path}</code>: ${survivors.length}</summary>`,
      '',
      ...survivors.map(({ mutatorName, replacement, location: { start } }) =>
        `- ${start.line}:${start.column} ${mutatorName}: \`${(sourceLines[start.line - 1] ?? '').trim().slice(0, 100).replace(/`/g, "'")}\`${replacement ? ` → \`${replacement.slice(0, 60).replace(/`/g, "'").replace(/\n/g, ' ')}\`` : ''}`,
      ),
      '',
      '</details>',
      '',
    ];
  }),
];
console.log(lines.join('\n'));
