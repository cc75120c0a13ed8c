// Runs in a fresh `node` per sample (plain JS, no loader): times importing one bundle, as Lambda's
// runtime does at a cold start, and prints {"wallMs": …, "cpuMs": …}. CPU time (user + system, all
// threads) is what a busy machine cannot inflate; Lambda, with a fraction of a vCPU, pays in proportion
// to it. The environment comes from the parent. `--warm-icu` first initialises ICU's time-zone data,
// to show how much of an import that costs.
import { pathToFileURL } from 'node:url';

const [bundle, ...flags] = process.argv.slice(2);
if (flags.includes('--warm-icu')) new Intl.DateTimeFormat('en', { timeZone: 'Europe/Riga' }).format(0);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const module = await import(pathToFileURL(bundle).href);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
if (typeof module.handler !== 'function') throw new Error(`${bundle} exports no handler`);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
// The SDK clients created at import hold no sockets yet, but do not wait on anything else either.
process.exit(0);
