/**
 * The person key of the local runtime. There is no local KMS server, so the
 * handlers are pointed at a key file instead (PERSON_KEY_FILE) and compute the
 * same HMAC-SHA-256 in process (functions/adapters/person-key.ts). `npm start`
 * keeps the key in the data folder, created on first start, so stored person
 * keys stay valid across restarts; the test stack uses a random one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { minimumKeyBytes } from '../functions/adapters/person-key';

export const personKeyFileIn = (dataDir: string) => join(dataDir, 'person-key');

/** The key file at `path`, created (random, owner-only) if missing. */
export const ensurePersonKeyFile = (path: string): string => {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(minimumKeyBytes).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return path;
};

let ephemeral: string | undefined;
/** A random key for this process only (the in-memory test stack), in a private temporary folder. */
export const ephemeralPersonKeyFile = (): string =>
  (ephemeral ??= ensurePersonKeyFile(join(mkdtempSync(join(tmpdir(), 'siva-person-key-')), 'person-key')));
