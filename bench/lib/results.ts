/**
 * bench/RESULTS.md: a header about the latest run, then one section per part
 * between markers. A partial run (`npm run bench -- latency`) rewrites only its
 * own section and keeps the others as they were; every section says when and on
 * what it was measured, so figures from different runs are never mistaken for one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../../local/paths';

export const partIds = ['cold', 'first', 'latency', 'throughput', 'uploads', 'portal', 'worklist', 'drafts'] as const;
export type PartId = (typeof partIds)[number];

/** Section headings, numbered in the order of the architecture's budgets. */
export const partTitles: Record<PartId, string> = {
  cold: '1. Bundle size and cold import',
  first: '1b. Cold start to the first answer',
  latency: '2. Warm latency of one submission',
  throughput: '3. Throughput through the local gateway, nothing lost',
  uploads: '4. Evidence uploads: end of upload to clean, locally',
  portal: '5. Portal pages against the JSON API, and the first page',
  worklist: '6. The staff work list page against the API call it is built on',
  drafts: '7. A draft save against a bare conditional PutItem',
};

/** What a part hands back: its markdown section, heading included. */
export interface Section {
  readonly id: PartId;
  readonly markdown: string;
}

export const resultsFile = join(repositoryRoot, 'bench', 'RESULTS.md');

export const machine = () => ({
  node: process.version,
  cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: cpus().length,
  platform: `${platform()} ${arch()}`,
});

/** The line under each section heading: when and where these figures were taken. */
export const measuredOn = (): string => {
  const { node, cpu, cores, platform } = machine();
  // The load average shows whether something else was competing for the cores at the start.
  return `_Measured ${new Date().toISOString()} · Node ${node} · ${cpu} · ${cores} cores · ${platform} · load average ${loadavg()[0]!.toFixed(2)} at the start_`;
};

export const table = (headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [headers, headers.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

const begin = (id: PartId) => `<!-- bench:${id} -->`;
const end = (id: PartId) => `<!-- /bench:${id} -->`;

const previousSections = (): Map<PartId, string> => {
  const kept = new Map<PartId, string>();
  if (!existsSync(resultsFile)) return kept;
  const text = readFileSync(resultsFile, 'utf8');
  for (const id of partIds) {
    const from = text.indexOf(begin(id));
    const to = text.indexOf(end(id));
    if (from >= 0 && to > from) kept.set(id, text.slice(from + begin(id).length, to).trim());
  }
  return kept;
};

export const writeResults = (ran: readonly Section[], command: string): void => {
  const sections = previousSections();
  for (const section of ran) sections.set(section.id, section.markdown.trim());
  const { node, cpu, cores, platform } = machine();
  const header = [
    '# Benchmark results',
    '',
    `Written by \`${command}\` on ${new Date().toISOString()} (parts run: ${ran.map((section) => section.id).join(', ') || 'none'}).`,
    `Machine: Node ${node}, ${cpu}, ${cores} cores (\`os.cpus().length\`), ${platform}.`,
    'A partial run rewrites only its own section; each section carries the date and machine it was measured on.',
    'How to run and what each part does: `bench/README.md`.',
  ].join('\n');
  const body = partIds
    .filter((id) => sections.has(id))
    .map((id) => `${begin(id)}\n${sections.get(id)}\n${end(id)}`)
    .join('\n\n');
  writeFileSync(resultsFile, `${header}\n\n${body}\n`);
};
