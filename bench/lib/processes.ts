/**
 * Child processes and cleanup. Every part runs in its own process (handler
 * modules read their environment once at import, so parts with different local
 * servers cannot share one), and everything a part starts is stopped in reverse
 * order: on success, on error, on Ctrl-C / SIGTERM, and when its parent goes away.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from '../../local/paths';
import { measuredOn, type PartId, type Section } from './results';

type Stop = () => unknown;

export class Cleanup {
  private readonly steps: { readonly what: string; readonly stop: Stop }[] = [];

  add(what: string, stop: Stop): void {
    this.steps.push({ what, stop });
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.stop();
      } catch (error) {
        console.error(`cleanup: stopping ${step.what} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/** Runs a TypeScript file of this repository in a child Node process with an IPC channel; `quiet` pipes its output. */
export const forkTypeScript = (file: string, args: readonly string[] = [], options: { quiet?: boolean } = {}): ChildProcess =>
  fork(join(repositoryRoot, file), [...args], {
    cwd: repositoryRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', options.quiet ? 'pipe' : 'inherit', 'ipc'],
  });

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));

/** SIGTERM (the child cleans up), then SIGKILL if it is still there after `graceMs`. */
export const stopChild = async (child: ChildProcess, graceMs = 10_000): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
};

/** The first message the child sends; rejects if it exits without one. */
export const firstMessage = <T>(child: ChildProcess, what: string): Promise<T> =>
  new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code, signal) => reject(new Error(`${what} exited (${signal ?? `code ${code}`}) without a result`)));
  });

/**
 * The body of a child process started with `forkTypeScript`: runs `work` with a
 * cleanup scope, sends its result to the parent (or just exits when run directly),
 * and always stops what `work` registered before exiting.
 */
export const runChild = <T>(what: string, work: (cleanup: Cleanup) => Promise<T>, report: (result: T) => void): void => {
  const cleanup = new Cleanup();
  let exiting = false;
  // The first of the result, an error or a signal wins; later ones find the cleanup under way.
  const exit = async (code: number, result?: T) => {
    if (exiting) return;
    exiting = true;
    await cleanup.run();
    if (result !== undefined && process.send) process.send(result as object, () => process.exit(code));
    else process.exit(code);
  };
  process.once('SIGINT', () => void exit(130));
  process.once('SIGTERM', () => void exit(143));
  process.once('disconnect', () => void exit(1));

  work(cleanup).then(
    (result) => {
      if (!exiting) report(result);
      return exit(0, result);
    },
    (error: unknown) => {
      if (!exiting) console.error(`${what} failed:`, error);
      return exit(1);
    },
  );
};

/** In a forked child: the first message from the parent. */
export const messageFromParent = <T>(): Promise<T> => {
  if (!process.send) throw new Error('not started by a parent process (no IPC channel)');
  return new Promise((done) => process.once('message', (message) => done(message as T)));
};

/**
 * Entry of a bench part: measures, prints its section, and hands it to bench/run.ts.
 * `measured` is the section's date-and-machine line, taken as the part starts.
 */
export const runPart = (id: PartId, measure: (cleanup: Cleanup, measured: string) => Promise<string>): void =>
  runChild<Section>(
    `bench part "${id}"`,
    async (cleanup) => ({ id, markdown: await measure(cleanup, measuredOn()) }),
    (section) => console.log(`\n${section.markdown}\n`),
  );
