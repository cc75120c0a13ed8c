/**
 * The person key: a keyed MAC (HMAC-SHA-256) of a personal code, used in table
 * keys (open-need markers, the person index) instead of the code. A plain hash
 * of an 11-digit code is reversed by brute force in minutes; without the key
 * nobody who sees a key (CloudTrail data events, a backup, a log) can test codes.
 *
 * Deployed, the key is a KMS HMAC_256 key that never leaves KMS (GenerateMac);
 * locally there is no KMS server, so configuration names a key file instead and
 * the MAC is computed the same way in process. See docs/person-key.md.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KMSClient } from '@aws-sdk/client-kms';
import { DomainError } from '../core/errors';

/** The version this code writes; stored keys carry it so a re-keying can tell old from new (docs/person-key.md). */
export const personKeyVersion = 'v2';

/** What is MACed: the version's domain-separation prefix and the normalised code. */
export const personKeyMessage = (personalCode: string): string => `siva-person-${personKeyVersion}:${personalCode}`;

/** HMAC-SHA-256 of a message under the person key, wherever the key lives. */
export type MacSource = (message: string) => Promise<Uint8Array>;

/** KMS failures that mean "try again shortly", not a bug: answered 503 like DynamoDB throttling. */
const transientKmsErrors = new Set(['KMSInternalException', 'DependencyTimeoutException', 'KeyUnavailableException', 'ThrottlingException']);

/**
 * Deployed: GenerateMac on the stack's HMAC key (the function's role may call only that, on that key).
 * The KMS client is loaded on first use, so functions that never MAC a code do not pay for it at cold start.
 */
export const kmsMacSource = (keyId: string, givenClient?: KMSClient): MacSource => {
  let kms: Promise<{ client: KMSClient; GenerateMacCommand: typeof import('@aws-sdk/client-kms').GenerateMacCommand }> | undefined;
  const load = () =>
    (kms ??= import('@aws-sdk/client-kms').then(({ KMSClient, GenerateMacCommand }) => ({ client: givenClient ?? new KMSClient({}), GenerateMacCommand })));
  return async (message) => {
    const { client, GenerateMacCommand } = await load();
    try {
      const { Mac } = await client.send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message, 'utf8') }));
      if (!Mac) throw new Error('GenerateMac returned no MAC');
      return Mac;
    } catch (error) {
      if (error instanceof Error && transientKmsErrors.has(error.name)) throw new DomainError('service-unavailable');
      throw error;
    }
  };
};

/** The smallest key accepted from a key file: 32 bytes, the HMAC-SHA-256 block of KMS's HMAC_256 keys. */
export const minimumKeyBytes = 32;

/** Locally: the same HMAC-SHA-256 with a key read from a file (hex), created by the local runtime on first start. */
export const fileMacSource = (keyFile: string): MacSource => {
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  if (key.byteLength < minimumKeyBytes) throw new Error(`The person key file must hold at least ${minimumKeyBytes} bytes as hex`);
  return async (message) => createHmac('sha256', key).update(message, 'utf8').digest();
};

export interface PersonKeyCache {
  /** Entries kept per warm process; the oldest is dropped first. */
  readonly entries: number;
  /** How long an entry is used, so a process never works for long with a key it can no longer produce. */
  readonly ttlMs: number;
}

/**
 * Person key of a personal code: `v2:<base64url MAC>`. MACs are cached per warm process (bounded,
 * short-lived): the same person listing their applications does not call KMS every time, and the
 * cache holds nothing a caller of this process does not already send in every token.
 */
export const createPersonKey = (
  mac: MacSource,
  cache: PersonKeyCache = { entries: 500, ttlMs: 5 * 60_000 },
  now: () => number = Date.now,
): ((personalCode: string) => Promise<string>) => {
  const cached = new Map<string, { value: string; until: number }>();
  return async (personalCode) => {
    const hit = cached.get(personalCode);
    if (hit && hit.until > now()) return hit.value;
    const value = `${personKeyVersion}:${Buffer.from(await mac(personKeyMessage(personalCode))).toString('base64url')}`;
    cached.delete(personalCode);
    cached.set(personalCode, { value, until: now() + cache.ttlMs });
    if (cached.size > cache.entries) cached.delete(cached.keys().next().value as string);
    return value;
  };
};

/** From the environment: a KMS key id (deployed) or a key file (local); exactly one must be set. */
export const personKeyFromConfig = (config: { personKeyId?: string; personKeyFile?: string }) => {
  if (config.personKeyId && config.personKeyFile) throw new Error('Set PERSON_KEY_ID or PERSON_KEY_FILE, not both');
  if (config.personKeyId) return createPersonKey(kmsMacSource(config.personKeyId));
  if (config.personKeyFile) return createPersonKey(fileMacSource(config.personKeyFile));
  throw new Error('Missing environment variables: PERSON_KEY_ID (deployed) or PERSON_KEY_FILE (local)');
};
