/**
 * `npm run bench [-- cold|latency|throughput …]`: runs the chosen parts (all by
 * default), each in a child process of its own, one after the other, and
 * writes bench/RESULTS.md after each part, so an interrupted run keeps what it
 * measured. Exits 1 if a part failed to run; targets missed are reported, not
 * treated as failures.
 */
import type { ChildProcess } from 'node:child_process';
import { coldFunctionFilter } from './lib/bundles';
import { firstMessage, forkTypeScript, stopChild } from './lib/processes';
import { partIds, partTitles, resultsFile, writeResults, type PartId, type Section } from './lib/results';

const partFiles: Record<PartId, string> = {
  cold: 'bench/cold-import.ts',
  first: 'bench/first-answer.ts',
  latency: 'bench/warm-latency.ts',
  throughput: 'bench/throughput.ts',
  uploads: 'bench/upload-scan.ts',
  portal: 'bench/portal-pages.ts',
  worklist: 'bench/work-list-page.ts',
  drafts: 'bench/draft-save.ts',
};

const requested = process.argv.slice(2);
const unknown = requested.filter((arg) => !(partIds as readonly string[]).includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Usage: npm run bench [-- ${partIds.join(' | ')} …]`);
  process.exit(2);
}
const selected = partIds.filter((id) => requested.length === 0 || requested.includes(id));
const command = `npm run bench${requested.length ? ` -- ${selected.join(' ')}` : ''}`;

let current: ChildProcess | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    // Stop the running part (it stops what it started); keep RESULTS.md as it was for that part.
    interrupted = true;
    if (current) await stopChild(current);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

const ran: Section[] = [];
let failed = false;
for (const id of selected) {
  console.log(`\n=== bench: ${id} ===`);
  current = forkTypeScript(partFiles[id]);
  try {
    ran.push(await firstMessage<Section>(current, `Part "${id}"`));
  } catch (error) {
    if (interrupted) break;
    failed = true;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(reason);
    ran.push({ id, markdown: `## ${partTitles[id]}\n\n**This part failed on ${new Date().toISOString()}**: ${reason}. See the console output of \`${command}\`.` });
  }
  await stopChild(current);
  current = undefined;
  // A cold part restricted to a few functions is a look, not the record: printed, RESULTS.md left as it is.
  if (coldFunctionFilter()) console.log(ran.at(-1)?.markdown);
  else writeResults(ran, command);
}
// When interrupted, the signal handler exits once the part has stopped.
if (!interrupted) {
  console.log(`\nbench: ${coldFunctionFilter() ? 'printed (BENCH_COLD_FUNCTIONS set), RESULTS.md untouched' : `wrote ${resultsFile}`}${failed ? ' (a part failed)' : ''}`);
  process.exit(failed ? 1 : 0);
}
