/**
 * Root global setup of every project: tees the main process's output (where
 * the global setups' servers log) and, once the last project has torn down,
 * audits everything captured for personal data (see log-audit.ts).
 *
 * Vitest runs a root global setup once per project and once for the root, and
 * tears them down in an order of its own; a count of users in the process
 * makes the audit run once, after every other teardown. A throwing teardown
 * does not change Vitest's exit code, so the audit sets it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCapture, auditResultVariable, captureDirVariable, mainCaptureFile, teeStreams, type AuditVerdict } from './log-audit';

interface AuditState {
  readonly dir: string;
  readonly untee: () => void;
  users: number;
}

const stateKey = Symbol.for('siva-eservices.log-audit');
const processState = globalThis as typeof globalThis & { [stateKey]?: AuditState };

const begin = (): AuditState => {
  const dir = mkdtempSync(join(tmpdir(), 'siva-log-capture-'));
  return { dir, untee: teeStreams(join(dir, mainCaptureFile)), users: 0 };
};

/** The verdict for audited-vitest.ts, which fails a run that has none (the audit never ran). */
const recordVerdict = (verdict: AuditVerdict) => {
  const file = process.env[auditResultVariable];
  if (file) writeFileSync(file, JSON.stringify(verdict));
};

const finish = ({ dir, untee }: AuditState) => {
  untee();
  const { files, bytes, findings } = auditCapture(dir);
  const empty = files === 0 || bytes === 0;
  recordVerdict({ status: empty ? 'nothing-captured' : findings.length > 0 ? 'personal-data-found' : 'clean', files, bytes, findings: findings.length });
  if (empty) {
    console.error(`\nLog audit: nothing was captured in ${dir}; the capture is broken, so the run cannot be trusted.`);
    process.exitCode = 1;
    return;
  }
  if (findings.length > 0) {
    const lines = findings.slice(0, 20).map(({ file, line, what }) => `  ${file}:${line}: ${what}`);
    console.error(
      [
        `\nLog audit FAILED: personal data in ${findings.length} captured log line(s).`,
        ...lines,
        ...(findings.length > lines.length ? [`  … and ${findings.length - lines.length} more`] : []),
        `The captured output is kept in ${dir} (it holds test data only).`,
      ].join('\n'),
    );
    process.exitCode = 1;
    return;
  }
  rmSync(dir, { recursive: true, force: true });
};

export default function setup() {
  const state = (processState[stateKey] ??= begin());
  state.users += 1;
  process.env[captureDirVariable] = state.dir;
  return () => {
    state.users -= 1;
    if (state.users > 0) return;
    delete processState[stateKey];
    finish(state);
  };
}
