/**
 * Retention (docs/retention.md) against the local stack: closing a file lists it under the month its
 * retention ends, in Riga time; only the archivist reads that list and destroys; a file not yet due
 * is refused; a destroyed file leaves no item with the person's code or name, no evidence object, a
 * tombstone with the approval, and the same report figures.
 */
import { PutObjectCommand, S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceDisposal } from '../../functions/adapters/evidence-storage';
import { createRetentionRepository } from '../../functions/adapters/retention-repository';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import { rigaDate } from '../../functions/core/dates';
import { destroyApplications } from '../../functions/core/retention';
import { decide, type StaffPrincipal } from '../../functions/core/workflow';
import { localCredentials, localRegion } from '../../local/dynamodb';
import { localBuckets } from '../../local/s3';
import { Decision } from '../../schemas/decision';
import { freshPersonalCode, validForm } from '../support/service-forms';
import { api, documentClient, local, streamSettled, tokens } from './support/local';

const today = rigaDate(new Date());
const staff: StaffPrincipal = { role: 'staff', subject: 'staff-retention', name: 'Anna Arhīva', services: ['social-rehabilitation'] };
const archivist = { role: 'archivist', subject: 'archivist-liga', name: 'Līga', services: [] } as const;

/** A name no other test file uses, so a scan finding it finds this person only. */
const uniqueName = (): string => `Glab${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

const s3 = new S3Client({
  endpoint: local.s3Endpoint,
  region: localRegion,
  credentials: localCredentials,
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

/** Closes a fresh application (register, then refuse) at the given instant, as staff would on that day. */
const closedAt = async (instant: string, person: { code: string; givenName: string; familyName: string }) => {
  const idp = await tokens();
  const citizen = await idp.citizen(person.code, { givenName: person.givenName, familyName: person.familyName });
  const filed = await api('/applications', { token: citizen, json: validForm('social-rehabilitation', 'functional-impairment', today) });
  expect(filed.status).toBe(201);
  const deps = { store: createWorkflowRepository(documentClient(), local.tableName), clock: () => new Date(instant), newId: () => crypto.randomUUID() };
  await decide(deps, staff, filed.body.id, Decision.parse({ type: 'register', expectedVersion: 1 }));
  await decide(
    deps,
    staff,
    filed.body.id,
    Decision.parse({ type: 'refuse', expectedVersion: 2, reason: 'Neatbilst mērķa grupai', appeal: 'Apstrīdēt SIVA direktoram viena mēneša laikā' }),
  );
  return { id: String(filed.body.id), reference: String(filed.body.reference), citizen };
};

const dueIds = async (token: string, month: string): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api(`/staff/retention/due?month=${month}&limit=50${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((item: { id: string }) => item.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
};

const scanTable = async (): Promise<string[]> => {
  const items: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: local.tableName, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []).map((item) => JSON.stringify(item)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

let archivistToken: string;
let staffToken: string;
beforeAll(async () => {
  const idp = await tokens();
  archivistToken = await idp.workforce('archivist', 'liga');
  staffToken = await idp.workforce('staff', 'anna');
});

describe('the due list', () => {
  it("lists a file closed at 21:30 UTC on 31 May under the June ten years on: it was already 1 June in Riga", async () => {
    const person = { code: freshPersonalCode(), givenName: 'Ieva', familyName: uniqueName() };
    const file = await closedAt('2027-05-31T21:30:00.000Z', person);
    expect(await dueIds(archivistToken, '2037-06')).toContain(file.id);
    expect(await dueIds(archivistToken, '2037-05')).not.toContain(file.id);

    const line = (await api('/staff/retention/due?month=2037-06&limit=50', { token: archivistToken })).body.items.find(
      (item: { id: string }) => item.id === file.id,
    );
    expect(line).toMatchObject({ reference: file.reference, status: 'refused', closedAt: '2027-05-31T21:30:00.000Z', retainUntil: '2037-06-01' });
    // Nothing about the person on the archivist's list.
    expect(JSON.stringify(line)).not.toContain(person.familyName);
    expect(JSON.stringify(line)).not.toContain(person.code);
  });

  it('refuses a month that is not YYYY-MM, in Latvian by default', async () => {
    const response = await api('/staff/retention/due?month=2037-13', { token: archivistToken });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('month');
  });

  it('is for the archivist only: staff get 403, a citizen 401', async () => {
    expect((await api('/staff/retention/due?month=2037-06', { token: staffToken })).status).toBe(403);
    const citizen = await (await tokens()).citizen(freshPersonalCode());
    expect((await api('/staff/retention/due?month=2037-06', { token: citizen })).status).toBe(401);
  });
});

describe('destroying files', () => {
  it('refuses a file whose retention has not ended, and an open one, destroying neither', async () => {
    const closed = await closedAt(new Date().toISOString(), { code: freshPersonalCode(), givenName: 'Ieva', familyName: uniqueName() });
    const open = await api('/applications', {
      token: await (await tokens()).citizen(freshPersonalCode()),
      json: validForm('social-rehabilitation', 'functional-impairment', today),
    });
    const response = await api('/staff/retention/destructions', {
      token: archivistToken,
      headers: { 'accept-language': 'en' },
      json: { ids: [closed.id, open.body.id], approvalReference: 'LVA-2037-14' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string; code: string }) => [error.field, error.code])).toEqual([
      ['ids[0]', 'retention_not_due'],
      ['ids[1]', 'retention_not_due'],
    ]);
    expect((await api(`/applications/${closed.id}`, { token: closed.citizen })).status).toBe(200);
  });

  it('is for the archivist only: staff get 403', async () => {
    const response = await api('/staff/retention/destructions', { token: staffToken, json: { ids: [crypto.randomUUID()], approvalReference: 'X-1' } });
    expect(response.status).toBe(403);
  });

  it("leaves no item with the person's code or name, no evidence object, a tombstone, and the same report", async () => {
    const person = { code: freshPersonalCode(), givenName: 'Ieva', familyName: uniqueName() };
    // Closed on a day of 2027 no other test decides on: that year's report is this file's alone to change.
    const file = await closedAt('2027-03-10T10:00:00.000Z', person);
    const evidenceKey = `applications/${file.id}/${crypto.randomUUID()}`;
    await s3.send(new PutObjectCommand({ Bucket: localBuckets.evidence, Key: evidenceKey, Body: 'izziņa', ContentType: 'application/pdf' }));
    await streamSettled();
    const staffAll = await (await tokens()).workforce('staff', 'anna');
    const reportBefore = await api('/staff/reports/2027', { token: staffAll });
    expect(reportBefore.status).toBe(200);
    // The file's own decisions are in it, so an unchanged report means the destruction left them counted.
    expect(reportBefore.body.totals.decisions.byCategory.refusal).toBeGreaterThanOrEqual(1);
    expect((await scanTable()).some((item) => item.includes(person.code) && item.includes(person.familyName))).toBe(true);

    const store = createRetentionRepository(documentClient(), local.tableName, createEvidenceDisposal(s3, localBuckets.evidence));
    const [tombstone] = await destroyApplications({ store, clock: () => new Date('2037-03-10T08:00:00.000Z') }, archivist, {
      ids: [file.id],
      approvalReference: 'LVA-2037-3',
    });

    const items = await scanTable();
    expect(items.filter((item) => item.includes(person.code) || item.includes(person.familyName))).toEqual([]);
    expect(items.filter((item) => item.includes(file.id))).toHaveLength(1);
    expect(tombstone).toMatchObject({ id: file.id, reference: file.reference, approvalReference: 'LVA-2037-3', destroyedBy: archivist.subject });
    expect(await store.findTombstone(file.id)).toEqual(tombstone);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: localBuckets.evidence, Prefix: `applications/${file.id}/` }));
    expect(left.Contents ?? []).toEqual([]);
    expect((await api(`/applications/${file.id}`, { token: file.citizen })).status).toBe(404);

    await streamSettled();
    const reportAfter = await api('/staff/reports/2027', { token: staffAll });
    expect(reportAfter.body).toEqual(reportBefore.body);

    // Asked again (a retry after a lost answer), the destruction answers with the same tombstone.
    const again = await api('/staff/retention/destructions', { token: archivistToken, json: { ids: [file.id], approvalReference: 'LVA-2037-3' } });
    expect(again.status).toBe(200);
    expect(again.body.destroyed).toEqual([tombstone]);
  });
});
