/**
 * `npm test`: runs Vitest, then insists the personal-data log audit ran and found nothing.
 *
 * The audit runs in the last global teardown (log-audit.global-setup.ts); if Vitest gives up on its teardown, or a
 * worker dies, it never runs and nothing would say so. So the audit writes its verdict to a file named here, and a
 * run without a clean verdict fails, whatever Vitest's own exit code was.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { auditResultVariable, type AuditVerdict } from './log-audit';

const verdictFile = join(tmpdir(), `siva-log-audit-${process.pid}-${Date.now()}.json`);
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

const child = spawn(process.execPath, [vitest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, [auditResultVariable]: verdictFile },
});

const judge = (vitestCode: number): number => {
  if (!existsSync(verdictFile)) {
    console.error('\nLog audit DID NOT RUN (no verdict was written): the run cannot be trusted to be free of personal data.');
    return 1;
  }
  const verdict = JSON.parse(readFileSync(verdictFile, 'utf8')) as AuditVerdict;
  rmSync(verdictFile, { force: true });
  if (verdict.status !== 'clean') {
    console.error(`\nLog audit verdict: ${verdict.status} (${verdict.findings} finding(s) in ${verdict.files} file(s)).`);
    return 1;
  }
  console.error(`\nLog audit: ${verdict.bytes} bytes in ${verdict.files} capture file(s), no personal data.`);
  return vitestCode;
};

child.on('exit', (code, signal) => {
  process.exitCode = judge(code ?? (signal ? 1 : 0));
});
