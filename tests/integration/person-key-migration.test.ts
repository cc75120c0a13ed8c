/**
 * The re-keying run (docs/person-key.md) on DynamoDB Local: applications
 * written under the old unkeyed v1 digest get the v2 HMAC person key, their
 * open-need markers move with them, so a person's open need still blocks a
 * second one of their own and their list still finds everything about them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { applicationItems } from '../../functions/adapters/entities/application';
import { rekeyPersonKeys } from '../../functions/adapters/person-key-migration';
import { createPersonKey, fileMacSource } from '../../functions/adapters/person-key';
import { openNeedKey } from '../../functions/adapters/keys';
import { OpenApplicationExists } from '../../functions/core/applications/ports';
import type { Application } from '../../functions/core/model';
import { freshPersonalCode } from '../support/service-forms';
import { storedApplication, submittedEvent } from '../support/stored-application';
import { documentClient, freshTable } from './support/local';

const v1 = (code: string) => createHash('sha256').update(`siva-person-v1:${code}`).digest('base64url');
const keyFile = join(mkdtempSync(join(tmpdir(), 'rekey-test-')), 'person-key');
writeFileSync(keyFile, randomBytes(32).toString('hex'));
const personKey = createPersonKey(fileMacSource(keyFile));

const client = documentClient();
let tableName: string;

/** An application as the v1 code stored it: v1 key, no person index keys, and its open-need marker when open. */
const writtenByV1 = async (overrides: Partial<Application>) => {
  const code = overrides.applicant?.personalCode ?? freshPersonalCode();
  const application = storedApplication({ ...overrides, personKey: v1(code) });
  const { gsi4pk: _pk, gsi4sk: _sk, ...item } = applicationItems.toItem({ ...application, applicant: { ...application.applicant, personalCode: code } });
  await client.send(new PutCommand({ TableName: tableName, Item: item }));
  if (application.status !== 'completed') {
    await client.send(
      new PutCommand({ TableName: tableName, Item: { ...openNeedKey(application.serviceId, application.track, v1(code)), entity: 'open-need', applicationId: application.id, since: application.submittedAt } }),
    );
  }
  return { ...application, applicant: { ...application.applicant, personalCode: code } };
};

const get = async (key: Record<string, string>) => (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

describe('re-keying person keys v1 → v2', () => {
  beforeAll(async () => {
    tableName = await freshTable('rekey');
  });

  it('moves each open application and its marker to the v2 key, re-keys closed ones, flags a need taken meanwhile, and is done after one run', async () => {
    const open = await writtenByV1({});
    const closed = await writtenByV1({ status: 'completed' });
    const raced = await writtenByV1({});
    // Filed after the deploy, before the run: the same person and need already hold a v2 marker.
    const newer = storedApplication({ applicant: raced.applicant, personKey: await personKey(raced.applicant.personalCode) });
    const store = createApplicationRepository(client, tableName);
    await store.insertSubmitted(newer, submittedEvent(newer));

    const report = await rekeyPersonKeys(client, tableName, personKey);
    expect(report).toEqual({ examined: 4, rekeyed: 3, markersMoved: 1, flaggedDuplicates: 1, skipped: 0 });

    const v2 = await personKey(open.applicant.personalCode);
    expect(v2).toMatch(/^v2:/);
    expect(await get({ pk: `APPLICATION#${open.id}`, sk: 'APPLICATION' })).toMatchObject({ personKey: v2, gsi4pk: `PERSON#${v2}`, version: 2 });
    expect(await get(openNeedKey(open.serviceId, open.track, v1(open.applicant.personalCode)))).toBeUndefined();
    expect(await get(openNeedKey(open.serviceId, open.track, v2))).toMatchObject({ applicationId: open.id });

    const closedKey = await personKey(closed.applicant.personalCode);
    expect(await get({ pk: `APPLICATION#${closed.id}`, sk: 'APPLICATION' })).toMatchObject({ personKey: closedKey });
    expect(await get(openNeedKey(closed.serviceId, closed.track, closedKey))).toBeUndefined();

    expect(await get({ pk: `APPLICATION#${raced.id}`, sk: 'APPLICATION' })).toMatchObject({ possibleDuplicateOf: newer.id });
    expect(await get(openNeedKey(raced.serviceId, raced.track, newer.personKey))).toMatchObject({ applicationId: newer.id });
    expect(await get(openNeedKey(raced.serviceId, raced.track, v1(raced.applicant.personalCode)))).toBeUndefined();

    expect(await rekeyPersonKeys(client, tableName, personKey)).toEqual({ examined: 4, rekeyed: 0, markersMoved: 0, flaggedDuplicates: 0, skipped: 0 });
  });

  it('after the run, the person’s open need still refuses a second filing of their own, and their list finds the old application', async () => {
    const open = await writtenByV1({ ownerSubject: undefined, channel: 'referral' });
    await rekeyPersonKeys(client, tableName, personKey);
    const store = createApplicationRepository(client, tableName);
    const again = storedApplication({ applicant: open.applicant, personKey: await personKey(open.applicant.personalCode) });
    await expect(store.insertSubmitted(again, submittedEvent(again))).rejects.toEqual(new OpenApplicationExists(open.id));
    const listed = await store.listForPerson('eid-nobody', await personKey(open.applicant.personalCode), { limit: 10 });
    expect(listed.items.map((item) => item.id)).toEqual([open.id]);
  });
});
