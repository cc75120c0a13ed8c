/**
 * Setup file of every project: tees this worker's console and stdout/stderr
 * into the run's capture folder, for the personal-data log audit (log-audit.ts).
 * Runs before each test file; a console or stream is only wrapped once.
 */
import { captureDirVariable, teeConsole, teeStreams, workerCaptureFile } from './log-audit';

const dir = process.env[captureDirVariable];
if (dir) {
  const file = workerCaptureFile(dir);
  teeStreams(file);
  teeConsole(file);
}
