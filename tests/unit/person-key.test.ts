/**
 * The person key (docs/person-key.md): a keyed HMAC-SHA-256 of a personal code,
 * never a plain digest anyone can recompute, computed the same way from a local
 * key file as KMS computes it, and cached per process only briefly and boundedly.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createPersonKey, fileMacSource, kmsMacSource, personKeyFromConfig } from '../../functions/adapters/person-key';
import { DomainError } from '../../functions/core/errors';

const code = '32579461005';

const keyFile = (key: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'person-key-test-')), 'person-key');
  writeFileSync(file, key.toString('hex'));
  return file;
};

describe('person key', () => {
  it('is v2: HMAC-SHA-256 of "siva-person-v2:<code>" under the key, not the unkeyed v1 digest', async () => {
    const key = randomBytes(32);
    const personKey = createPersonKey(fileMacSource(keyFile(key)));
    const expected = createHmac('sha256', key).update(`siva-person-v2:${code}`).digest('base64url');
    expect(await personKey(code)).toBe(`v2:${expected}`);
    const v1 = createHash('sha256').update(`siva-person-v1:${code}`).digest('base64url');
    expect(await personKey(code)).not.toContain(v1);
  });

  it('cannot be recomputed without the key: another key gives another person key', async () => {
    const one = createPersonKey(fileMacSource(keyFile(randomBytes(32))));
    const other = createPersonKey(fileMacSource(keyFile(randomBytes(32))));
    expect(await one(code)).not.toBe(await other(code));
  });

  it('refuses a key file shorter than 32 bytes, and a configuration naming both or neither key', () => {
    expect(() => fileMacSource(keyFile(randomBytes(16)))).toThrow(/at least 32 bytes/);
    expect(() => personKeyFromConfig({ personKeyId: 'alias/x', personKeyFile: '/tmp/x' })).toThrow(/not both/);
    expect(() => personKeyFromConfig({})).toThrow(/PERSON_KEY_ID/);
  });

  it('asks KMS for GenerateMac with HMAC_SHA_256 on the configured key, and answers a transient KMS failure with 503', async () => {
    const kms = mockClient(KMSClient);
    try {
      kms.on(GenerateMacCommand).resolves({ Mac: new Uint8Array([1, 2, 3]) });
      const mac = kmsMacSource('arn:aws:kms:eu-north-1:111122223333:key/person', new KMSClient({ region: 'eu-north-1' }));
      expect(Buffer.from(await mac('siva-person-v2:1')).toString('hex')).toBe('010203');
      expect(kms.commandCalls(GenerateMacCommand)[0]!.args[0].input).toMatchObject({
        KeyId: 'arn:aws:kms:eu-north-1:111122223333:key/person',
        MacAlgorithm: 'HMAC_SHA_256',
      });
      kms.on(GenerateMacCommand).rejects(Object.assign(new Error('busy'), { name: 'KMSInternalException' }));
      await expect(mac('siva-person-v2:1')).rejects.toMatchObject(new DomainError('service-unavailable'));
    } finally {
      kms.restore();
    }
  });

  it('caches a MAC per process for a short time and a bounded number of people', async () => {
    let calls = 0;
    let now = 0;
    const personKey = createPersonKey(
      async () => {
        calls += 1;
        return new Uint8Array([calls]);
      },
      { entries: 2, ttlMs: 1000 },
      () => now,
    );
    await personKey('a');
    await personKey('a');
    expect(calls).toBe(1);
    now = 1001;
    await personKey('a');
    expect(calls).toBe(2);
    await personKey('b');
    await personKey('c');
    await personKey('a'); // 'a' was the oldest of three: dropped
    expect(calls).toBe(5);
  });
});
