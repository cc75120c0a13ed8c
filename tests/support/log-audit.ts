/**
 * The personal-data log audit. Every line the test run writes, in the test
 * workers and in the main process that hosts the global setups (where the
 * shared local stack's gateway, stream poller and notifier run), is teed into
 * files under one temporary folder. When the run ends, those lines are searched
 * for the canary values of fixtures.ts and for anything shaped like a valid
 * Latvian personal code; a hit fails the run.
 *
 * Wiring: log-audit.global-setup.ts (root globalSetup, main process) and
 * log-capture.setup.ts (setupFiles, every test file).
 */
import { appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { checkPersonalCode } from '../../schemas/personal-code';
import { canary } from './fixtures';

/** Where the audit writes its verdict, when the run was started by audited-vitest.ts (`npm test`). */
export const auditResultVariable = 'SIVA_LOG_AUDIT_RESULT';

export interface AuditVerdict {
  readonly status: 'clean' | 'personal-data-found' | 'nothing-captured';
  readonly files: number;
  readonly bytes: number;
  readonly findings: number;
}

/** Where the capture files live; set by the root global setup, inherited by the workers. */
export const captureDirVariable = 'SIVA_LOG_CAPTURE_DIR';
export const mainCaptureFile = 'main.log';

/** This worker's capture file (see log-capture.setup.ts). */
export const workerCaptureFile = (dir: string) => join(dir, `worker-${process.pid}.log`);

type Write = typeof process.stdout.write;
const teed = Symbol.for('siva-eservices.log-capture.teed');
type Teeable = { [teed]?: boolean };

const text = (chunk: unknown): string =>
  typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);

/** Copies everything written to stdout and stderr into `file`; returns the undo. */
export const teeStreams = (file: string): (() => void) => {
  const undo = [process.stdout, process.stderr].map((stream) => {
    if ((stream as Teeable)[teed]) return () => {};
    const original = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      appendFileSync(file, text(chunk));
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Write;
    (stream as Teeable)[teed] = true;
    return () => {
      stream.write = original;
      (stream as Teeable)[teed] = false;
    };
  });
  return () => undo.forEach((restore) => restore());
};

/** Copies every console call into `file` (Vitest's worker console does not go through process.stdout). */
export const teeConsole = (file: string, target: Console = console): void => {
  if ((target as Teeable)[teed]) return;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = target[method];
    target[method] = function (this: Console, ...args: unknown[]) {
      appendFileSync(file, `${format(...args)}\n`);
      return original.apply(this, args);
    };
  }
  (target as Teeable)[teed] = true;
};

/** Without diacritics: Kanārija → Kanarija, as a careless transliteration writes it. */
const plain = (value: string) => value.normalize('NFD').replace(/\p{Mn}/gu, '');

/**
 * The value base64-encoded at each of the three byte alignments it can have inside a longer encoded text (a JWT's
 * payload, a cursor, a Basic header), keeping only the groups that hold nothing but the value's own bits.
 */
const base64Forms = (value: string): string[] => [value, JSON.stringify(value)].flatMap(base64Aligned);

/** A value too short to leave two whole groups at every alignment is found through its JSON form (`"LV-3913"`). */
const base64Aligned = (value: string): string[] => {
  const bytes = Buffer.from(value, 'utf8');
  return [0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const whole = encoded.slice(offset === 0 ? 0 : 4, 4 * Math.floor((offset + bytes.length) / 3));
    return whole.length >= 8 ? [whole, whole.replace(/\+/g, '-').replace(/\//g, '_')] : [];
  });
};

/**
 * The spellings a value may take in a log line: as is, decomposed, with \u escapes, without diacritics,
 * percent-encoded (a logged URL) and base64 (a logged token or cursor). Compared in lower case.
 */
const spellings = (value: string): string[] => {
  const escaped = value.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const written = [value, value.normalize('NFD'), escaped, plain(value), encodeURIComponent(value), encodeURIComponent(plain(value))];
  return [...new Set([...written, ...base64Forms(value)].map((s) => s.toLowerCase()))];
};

/** Without separators: catches a phone number or code however it is spaced, dotted or hyphenated. */
const compact = (text: string) => text.toLowerCase().replace(/[\s\-.()/]/g, '');
const alone = (digits: string, prefix = '') => new RegExp(`(?<!\\d)${prefix}${digits}(?!\\d)`);
const squeezed = (value: string) => new RegExp(compact(value).replace(/[^0-9a-z]/g, (c) => `\\${c}`));

interface Canary {
  readonly what: string;
  /** Searched for in the line as written (lower case). */
  readonly needles: readonly string[];
  /** Searched for in the line with separators removed (digits: not inside a longer number). */
  readonly compactNeedles?: readonly RegExp[];
}

const [year, month, day] = canary.dateOfBirth.split('-') as [string, string, string];
const phoneDigits = canary.phone.replace(/\D/g, '');
const nationalPhone = phoneDigits.replace(/^371/, '');

/** One entry per canary field: a spec checks that no field of `canary` is left without one. */
export const canaries: Record<keyof typeof canary, Canary> = {
  personalCode: {
    what: 'the canary personal code',
    needles: spellings(canary.personalCode),
    compactNeedles: [alone(canary.personalCode.replace('-', ''))],
  },
  dateOfBirth: {
    what: 'the canary date of birth',
    needles: [...spellings(canary.dateOfBirth), `${day}.${month}.${year}`, `${day}/${month}/${year}`, `${year}${month}${day}`],
  },
  givenName: { what: 'the canary given name', needles: spellings(canary.givenName) },
  familyName: { what: 'the canary family name', needles: spellings(canary.familyName) },
  email: { what: 'the canary e-mail address', needles: [...spellings(canary.email), ...spellings(canary.email.split('@')[0]!)] },
  addressLine: { what: 'the canary address', needles: spellings(canary.addressLine) },
  postcode: { what: 'the canary postcode', needles: spellings(canary.postcode), compactNeedles: [squeezed(canary.postcode)] },
  phone: {
    what: 'the canary phone number',
    needles: [...spellings(canary.phone), ...base64Forms(nationalPhone).map((s) => s.toLowerCase())],
    compactNeedles: [alone(nationalPhone, '(?:\\+?371|00371)?')],
  },
  documentNumber: { what: 'the canary document number', needles: spellings(canary.documentNumber), compactNeedles: [squeezed(canary.documentNumber)] },
  icfCode: { what: 'the canary ICF code', needles: spellings(canary.icfCode) },
  representativeName: { what: 'the canary representative’s name', needles: spellings(canary.representativeName) },
  officerName: { what: 'the canary officer’s name', needles: spellings(canary.officerName) },
  doctorName: { what: 'the canary doctor’s name', needles: spellings(canary.doctorName) },
};

/** Eleven digits, hyphen optional after the sixth, not part of a longer word or number (uuids, sequence numbers). */
const personalCodeShape = /(?<![0-9A-Za-z])\d{6}-?\d{5}(?![0-9A-Za-z])/g;
const ansi = /\x1b\[[0-9;]*[A-Za-z]/g;

export interface Finding {
  readonly file: string;
  readonly line: number;
  /** What was found, never the value itself: the report must not repeat the leak. */
  readonly what: string;
}

/** Personal data in a block of captured output, line by line. */
export const findPersonalData = (output: string, file = '(text)'): Finding[] =>
  output.split('\n').flatMap((raw, index) => {
    const line = raw.replace(ansi, '');
    const lower = line.toLowerCase();
    const withoutSeparators = compact(line);
    const found = Object.values(canaries)
      .filter(
        ({ needles, compactNeedles = [] }) =>
          needles.some((needle) => lower.includes(needle)) || compactNeedles.some((pattern) => pattern.test(withoutSeparators)),
      )
      .map(({ what }) => what);
    const codes = [...line.matchAll(personalCodeShape)].filter(([match]) => checkPersonalCode(match).valid);
    if (codes.length > 0) found.push('a valid-looking personal code');
    return found.map((what) => ({ file, line: index + 1, what }));
  });

const captureFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.log')) : []);

export interface AuditResult {
  readonly files: number;
  readonly bytes: number;
  readonly findings: readonly Finding[];
}

export const auditCapture = (dir: string): AuditResult => {
  const files = captureFiles(dir);
  return {
    files: files.length,
    bytes: files.reduce((total, name) => total + statSync(join(dir, name)).size, 0),
    findings: files.flatMap((name) => findPersonalData(readFileSync(join(dir, name), 'utf8'), name)),
  };
};

/** Notes where every capture file ends now; the function returned reads what has been written since. */
export const captureFrom = (dir: string): (() => string) => {
  const start = new Map(captureFiles(dir).map((name) => [name, statSync(join(dir, name)).size]));
  return () =>
    captureFiles(dir)
      .map((name) => {
        const from = start.get(name) ?? 0;
        const length = statSync(join(dir, name)).size - from;
        if (length <= 0) return '';
        const buffer = Buffer.alloc(length);
        const handle = openSync(join(dir, name), 'r');
        readSync(handle, buffer, 0, length, from);
        closeSync(handle);
        return buffer.toString('utf8');
      })
      .join('\n');
};
