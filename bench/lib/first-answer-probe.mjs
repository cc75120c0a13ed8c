// Runs in a fresh `node` per sample (plain JS, no loader): the cold start to the first answer. Imports one bundle,
// as Lambda's runtime does, then calls its handler once with the event the parent prepared (a JSON file), and prints
// {"importMs", "answerMs", "cpuMs", "importCpuMs", "result", "calls"}: answerMs runs from before the import to the
// handler's answer, so work a bundle moves from import to its first call still counts. `calls` are the requests the
// process sent (every request here goes to a local server on loopback), in order, with the round trips that ran at
// the same time grouped, so a bare client can make the same calls (bench/baseline/replay.ts). Recording is the same
// small wrapper in the function's and the baseline's process, so it costs both alike.
import { ClientRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const calls = [];
let inFlight = 0;
let group = 0;
const end = ClientRequest.prototype.end;
ClientRequest.prototype.end = function (...args) {
  const [chunk] = args;
  const body = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.alloc(0);
  // A request sent while none is in flight starts a new group; one sent while another waits runs beside it.
  if (inFlight === 0) group += 1;
  inFlight += 1;
  this.once('close', () => (inFlight -= 1));
  calls.push({
    group,
    method: this.method,
    path: this.path,
    target: String(this.getHeader('x-amz-target') ?? ''),
    contentType: String(this.getHeader('content-type') ?? ''),
    body: body.toString('base64'),
  });
  return end.apply(this, args);
};

const context = { awsRequestId: 'bench-first-answer', functionName: 'bench', getRemainingTimeInMillis: () => 10_000 };
const cpuBefore = process.cpuUsage();
const started = performance.now();
const module = await import(pathToFileURL(bundle).href);
const importMs = performance.now() - started;
const importCpu = process.cpuUsage(cpuBefore);
if (typeof module.handler !== 'function') throw new Error(`${bundle} exports no handler`);
const result = await module.handler(event, context);
const answerMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
ClientRequest.prototype.end = end;
// What the parent checks: the status (HTTP), the failures (batches), and the errors a bare replay met.
const summary = result && typeof result === 'object' ? { statusCode: result.statusCode, batchItemFailures: result.batchItemFailures, replayErrors: result.replayErrors } : {};
// The last line of stdout: a handler's own log lines (JSON on stdout, as on Lambda) come before it.
process.stdout.write(
  '\n' +
  JSON.stringify({ importMs, answerMs, cpuMs: (cpu.user + cpu.system) / 1000, importCpuMs: (importCpu.user + importCpu.system) / 1000, result: summary, calls }),
);
// Keep-alive sockets would hold the process open; the answer is in.
process.exit(0);
