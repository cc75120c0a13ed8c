/**
 * Drafts through the local gateway (docs/drafts.md): started once per person, service and track, saved against
 * the version read (two devices cannot overwrite each other), resumed with what the form no longer has, expired
 * at both limits, submitted through the very path of POST /applications (idempotently, uploads attached in the
 * same write), and the uploads of a draft that went unsubmitted cleaned up from its stream REMOVE.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftItems } from '../../functions/adapters/entities/draft';
import { draftKey, uploadKey } from '../../functions/adapters/keys';
import { rigaDate } from '../../functions/core/dates';
import { draftIdAt, formVersionOf, type Draft } from '../../functions/core/drafts';
import { handlerEnvironment } from '../../local/stack';
import { localCredentials } from '../../local/dynamodb';
import { localBuckets } from '../../local/s3';
import { apiEvent } from '../support/api-event';
import { watchDynamo } from '../support/dynamo-spy';
import { freshPersonalCode, validForm } from '../support/service-forms';
import { api, documentClient, local, settledEmailsAbout, tokens, waitFor } from './support/local';

const today = rigaDate(new Date());
const dayMs = 24 * 60 * 60 * 1000;
const form = () => validForm('social-rehabilitation', 'functional-impairment', today);

const citizen = async () => (await tokens()).citizen(freshPersonalCode());

const startDraft = async (token: string, body: unknown = { serviceId: 'social-rehabilitation', track: 'functional-impairment' }) => {
  const started = await api('/drafts', { token, json: body });
  expect(started.status).toBe(201);
  return started.body as { id: string; version: number; expiresAt: string; createdAt: string };
};

const save = (token: string, id: string, version: number | undefined, content: unknown, language = 'en') =>
  api(`/drafts/${id}`, {
    method: 'PUT',
    token,
    json: content,
    headers: { 'accept-language': language, ...(version !== undefined && { 'if-match': `"${version}"` }) },
  });

const table = () => documentClient();
const storedDraft = async (id: string) => (await table().send(new GetCommand({ TableName: local.tableName, Key: draftKey(id), ConsistentRead: true }))).Item;
const setStored = (id: string, values: Record<string, unknown>) =>
  table().send(
    new UpdateCommand({
      TableName: local.tableName,
      Key: draftKey(id),
      UpdateExpression: `SET ${Object.keys(values).map((name) => `#${name} = :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(Object.keys(values).map((name) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([name, value]) => [`:${name}`, value])),
    }),
  );

describe('a draft, started and saved', () => {
  it('is started once per person, service and track: asked again, the live draft is answered', async () => {
    const token = await citizen();
    const first = await api('/drafts', { token, json: { serviceId: 'social-rehabilitation', track: 'functional-impairment' } });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/drafts/${first.body.id}`);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({ serviceId: 'social-rehabilitation', track: 'functional-impairment', version: 1, content: {}, errors: [], unknownFields: [] });
    const again = await api('/drafts', { token, json: { serviceId: 'social-rehabilitation', track: 'functional-impairment' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    // Another track is another draft; a service with one track gets it without asking.
    const other = await startDraft(token, { serviceId: 'social-rehabilitation', track: 'chernobyl' });
    expect(other.id).not.toBe(first.body.id);
    expect((await startDraft(token, { serviceId: 'driving-training' })) as unknown).toMatchObject({ track: 'category-b' });
    const listed = await api('/drafts', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([first.body.id, other.id]));
    expect(listed.body.items).toHaveLength(3);
    expect(listed.body.items[0]).not.toHaveProperty('content');
  });

  it('saves what is filled in even where it is wrong, answering the field errors in the caller\'s language', async () => {
    const token = await citizen();
    const { id } = await startDraft(token);
    const { applicant } = form();
    const saved = await save(token, id, 1, { serviceId: 'social-rehabilitation', applicant: { phone: '12', address: applicant.address } });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    expect(saved.body.version).toBe(2);
    // Only what is there is judged: the phone is wrong; the missing date of birth, evidence and declarations are not yet errors.
    expect(saved.body.errors).toEqual([expect.objectContaining({ field: 'applicant.phone', code: 'phone', message: expect.stringContaining('phone number') })]);
    const lv = await api(`/drafts/${id}`, { token });
    expect(lv.body.content).toEqual({ applicant: { phone: '12', address: applicant.address } });
    expect(lv.body.errors[0].message).toMatch(/tālruņa numuru/);
  });

  it('lets one of two devices save a version, and answers the other 412 with the current version; no If-Match is 428', async () => {
    const token = await citizen();
    const { id } = await startDraft(token);
    const phone = await save(token, id, 1, { serviceId: 'social-rehabilitation', applicant: { phone: '+371 20000000' } });
    const laptop = await save(token, id, 1, { serviceId: 'social-rehabilitation', applicant: { phone: '+371 29999999' } });
    expect(phone.status).toBe(200);
    expect(laptop.status).toBe(412);
    expect(laptop.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(laptop.body).toMatchObject({ status: 412, currentVersion: 2, errors: [expect.objectContaining({ field: 'If-Match', code: 'draft_stale' })] });
    // The first save stands.
    expect((await api(`/drafts/${id}`, { token })).body.content).toEqual({ applicant: { phone: '+371 20000000' } });

    const unconditional = await save(token, id, undefined, { serviceId: 'social-rehabilitation' });
    expect(unconditional.status).toBe(428);
    expect(unconditional.body.errors[0]).toMatchObject({ field: 'If-Match', code: 'if_match_required' });
    expect((await api(`/drafts/${id}`, { method: 'PUT', token, json: { serviceId: 'social-rehabilitation' }, headers: { 'if-match': 'yesterday' } })).status).toBe(400);
    // A draft stays with its service.
    const moved = await save(token, id, 2, { serviceId: 'vehicle-adaptation' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0]).toMatchObject({ field: 'serviceId', code: 'draft_service_fixed' });
  });

  it("is another person's business only: their draft id is 404 on every route, and missing from the list", async () => {
    const owner = await citizen();
    const stranger = await citizen();
    const { id } = await startDraft(owner);
    expect((await api(`/drafts/${id}`, { token: stranger })).status).toBe(404);
    expect((await save(stranger, id, 1, { serviceId: 'social-rehabilitation', applicant: { phone: '+371 20000000' } })).status).toBe(404);
    expect((await api(`/drafts/${id}/submit`, { method: 'POST', token: stranger })).status).toBe(404);
    expect((await api(`/drafts/${id}`, { method: 'DELETE', token: stranger })).status).toBe(404);
    expect((await api('/drafts', { token: stranger })).body.items).toEqual([]);
    // Untouched: the owner's version is still the first.
    expect((await api(`/drafts/${id}`, { token: owner })).body.version).toBe(1);
  });

  it('reports on resume the fields the form does not have (any more) and keeps them', async () => {
    const token = await citizen();
    const { id } = await startDraft(token);
    const saved = await save(token, id, 1, { serviceId: 'social-rehabilitation', evidence: { disabilityGroup: 'II', retiredQuestion: 'yes' } });
    expect(saved.status).toBe(200);
    // As if the form had changed since the save: the stored form version is an older one.
    await setStored(id, { formVersion: 'an-older-form' });
    const resumed = await api(`/drafts/${id}`, { token });
    expect(resumed.body).toMatchObject({ unknownFields: ['evidence.retiredQuestion'], formChanged: true });
    expect(resumed.body.content.evidence).toEqual({ disabilityGroup: 'II', retiredQuestion: 'yes' });
    expect(formVersionOf('social-rehabilitation')).not.toBe('an-older-form');
  });
});

describe('expiry', () => {
  it('is 30 days after the last save; an expired draft is gone at once, before TTL deletes it, and its slot is free', async () => {
    const token = await citizen();
    const draft = await startDraft(token);
    const saved = await save(token, draft.id, 1, { serviceId: 'social-rehabilitation' });
    expect(Date.parse(saved.body.expiresAt) - Date.parse(saved.body.savedAt)).toBeLessThanOrEqual(30 * dayMs);
    expect(Date.parse(saved.body.expiresAt) - Date.parse(saved.body.savedAt)).toBeGreaterThan(30 * dayMs - 1000);
    // The boundary: one second ago.
    await setStored(draft.id, { expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect((await api(`/drafts/${draft.id}`, { token })).status).toBe(404);
    expect((await save(token, draft.id, 2, { serviceId: 'social-rehabilitation' })).status).toBe(404);
    expect((await api('/drafts', { token })).body.items).toEqual([]);
    const fresh = await startDraft(token);
    expect(fresh.id).not.toBe(draft.id);
  });

  it('is never more than 90 days after creation, however recent the save', async () => {
    const token = await citizen();
    const { id: ownerDraft } = await startDraft(token);
    const { ownerKey } = (await storedDraft(ownerDraft)) as { ownerKey: string };
    // A draft of the same person started 89 days ago (the id carries its creation time).
    const createdAt = new Date(Date.now() - 89 * dayMs);
    const old: Draft = {
      id: draftIdAt(createdAt, crypto.randomUUID()),
      ownerKey,
      serviceId: 'social-rehabilitation',
      track: 'chernobyl',
      content: {},
      version: 4,
      formVersion: formVersionOf('social-rehabilitation'),
      createdAt: createdAt.toISOString(),
      savedAt: new Date(Date.now() - dayMs).toISOString(),
      expiresAt: new Date(createdAt.getTime() + 90 * dayMs).toISOString(),
    };
    await table().send(new PutCommand({ TableName: local.tableName, Item: draftItems.toItem(old) }));
    const saved = await save(token, old.id, 4, { serviceId: 'social-rehabilitation' });
    expect(saved.status).toBe(200);
    expect(Date.parse(saved.body.expiresAt)).toBe(Math.floor((createdAt.getTime() + 90 * dayMs) / 1000) * 1000);
    // Past the 90th day it is gone, whatever the save said.
    await setStored(old.id, { expiresAt: Math.floor((createdAt.getTime() - dayMs) / 1000) });
    expect((await api(`/drafts/${old.id}`, { token })).status).toBe(404);
  });
});

/** The real handlers the stream and the schedule call, imported with the environment Lambda would give them. */
const environmentOfHandlers = () => {
  const environment = {
    ...handlerEnvironment(local.tableName),
    // The local servers' credentials (s3rver checks signatures; DynamoDB Local runs one shared database).
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: local.dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: local.s3Endpoint,
    AWS_ENDPOINT_URL_SESV2: local.inboxUrl,
  };
  // Only what is missing (handlers already loaded in this process keep theirs), and the local credentials.
  for (const [name, value] of Object.entries(environment)) process.env[name] ??= value;
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: localCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey });
};
const backgroundHandlers = async () => {
  environmentOfHandlers();
  const cleanup = await import('../../functions/draft-cleanup/handler');
  const reminders = await import('../../functions/draft-reminders/handler');
  return { cleanup: cleanup.handler, reminders: reminders.handler };
};

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8');
const eicar = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');

/** Declares a file on the draft and, unless told not to, posts it and waits for the scanner's verdict. */
const uploadToDraft = async (token: string, id: string, bytes: Buffer, post = true) => {
  const ticket = await api(`/drafts/${id}/uploads`, {
    token,
    json: { documentType: 'other', fileName: 'anketa.pdf', contentType: 'application/pdf', size: bytes.length },
  });
  expect(ticket.status).toBe(201);
  const uploadId = ticket.body.uploadId as string;
  if (!post) return { uploadId, state: 'pending' };
  const body = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields as Record<string, string>)) body.append(name, value);
  body.append('file', new Blob([bytes], { type: 'application/pdf' }), 'anketa.pdf');
  expect((await fetch(ticket.body.url, { method: 'POST', body })).status).toBe(204);
  const verdict = await waitFor(async () => {
    const status = await api(`/drafts/${id}/uploads/${uploadId}`, { token });
    return status.body?.state !== 'pending' && status.body;
  }, 20_000);
  return { uploadId, state: verdict.state as string };
};

describe('submitting a draft', () => {
  let staff: string;
  beforeAll(async () => {
    staff = await (await tokens()).workforce('staff', 'drafts-staff');
  });

  it('stores the same application and sends the same e-mails as submitting directly, and answers a repeat with it', async () => {
    const direct = await citizen();
    const viaDraft = await citizen();
    const filed = await api('/applications', { token: direct, json: form() });
    expect(filed.status).toBe(201);

    const { id } = await startDraft(viaDraft);
    const { serviceId, track, ...content } = form();
    expect((await save(viaDraft, id, 1, { serviceId, track, ...content })).body.errors).toEqual([]);
    const submitted = await api(`/drafts/${id}/submit`, { method: 'POST', token: viaDraft });
    expect(submitted.status).toBe(201);
    expect(submitted.headers.get('location')).toBe(`/applications/${submitted.body.id}`);

    const again = await api(`/drafts/${id}/submit`, { method: 'POST', token: viaDraft });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(submitted.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await api(`/drafts/${id}`, { token: viaDraft })).status).toBe(404);

    const mails = async (reference: string) =>
      (await settledEmailsAbout(reference, 2)).map((email) => ({ to: email.destination.to, subject: email.subject.replace(reference, 'REF') })).sort((a, b) => (a.subject < b.subject ? -1 : 1));
    expect(await mails(submitted.body.reference)).toEqual(await mails(filed.body.reference));

    // Read once both have been notified: the timelines then hold the same events.
    const [one, other] = await Promise.all(
      [filed.body.id, submitted.body.id].map(async (applicationId: string) => (await api(`/staff/applications/${applicationId}`, { token: staff })).body),
    );
    const shape = (record: Record<string, any>) => ({
      keys: Object.keys(record.application ?? record).sort(),
      status: record.status,
      serviceId: record.serviceId,
      track: record.track,
      channel: record.channel,
      version: record.version,
      evidence: record.evidence,
      contact: { ...record.applicant, personalCode: undefined, givenName: undefined, familyName: undefined },
      timeline: record.timeline?.map((event: { type: string; actor?: unknown }) => event.type),
    });
    expect(shape(other)).toEqual(shape(one));
  });

  it('answers field errors as POST /applications would, and keeps the draft', async () => {
    const token = await citizen();
    const { id } = await startDraft(token);
    await save(token, id, 1, { serviceId: 'social-rehabilitation', applicant: { phone: '+371 20000000' } });
    const refused = await api(`/drafts/${id}/submit`, { method: 'POST', token, headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['applicant.dateOfBirth', 'evidence', 'declarations']));
    expect((await api(`/drafts/${id}`, { token })).status).toBe(200);
  });

  it('refuses a pending upload (409) and a rejected one (422) with field messages; a clean one becomes an attachment', async () => {
    const token = await citizen();
    const { id } = await startDraft(token);
    const { serviceId, track, ...content } = form();
    await save(token, id, 1, { serviceId, track, ...content });

    const pending = await uploadToDraft(token, id, pdf, false);
    const waiting = await api(`/drafts/${id}/submit`, { method: 'POST', token, headers: { 'accept-language': 'lv' } });
    expect(waiting.status).toBe(409);
    expect(waiting.body.errors).toEqual([expect.objectContaining({ field: 'uploads[0]', code: 'upload_pending', message: expect.stringMatching(/tiek pārbaudīts/) })]);

    // A fresh draft for the rest: the pending upload would keep answering 409.
    await api(`/drafts/${id}`, { method: 'DELETE', token });
    expect((await storedDraft(id))).toBeUndefined();
    const { id: second } = await startDraft(token);
    await save(token, second, 1, { serviceId, track, ...content });
    const clean = await uploadToDraft(token, second, pdf);
    expect(clean.state).toBe('clean');
    const { id: third } = await startDraft(token, { serviceId: 'social-rehabilitation', track: 'after-medical-rehabilitation' });
    const rejected = await uploadToDraft(token, third, eicar);
    expect(rejected.state).toBe('rejected');
    await save(token, third, 1, { ...validForm('social-rehabilitation', 'after-medical-rehabilitation', today) });
    const refused = await api(`/drafts/${third}/submit`, { method: 'POST', token, headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'uploads[0]', code: 'upload_rejected', message: expect.stringMatching(/not accepted/) })]);

    const submitted = await api(`/drafts/${second}/submit`, { method: 'POST', token });
    expect(submitted.status).toBe(201);
    const record = await api(`/staff/applications/${submitted.body.id}`, { token: staff });
    expect(record.body.attachments).toEqual([expect.objectContaining({ id: clean.uploadId, documentType: 'other', size: pdf.length })]);
    // The upload is the application's now: a later REMOVE of its draft leaves it alone.
    const moved = (await table().send(new GetCommand({ TableName: local.tableName, Key: uploadKey(clean.uploadId) }))).Item;
    expect(moved).toMatchObject({ applicationId: submitted.body.id, attachedBy: expect.any(String) });
    expect(moved).not.toHaveProperty('draftId');
    expect(pending.uploadId).not.toBe(clean.uploadId);
  });
});

describe('a draft removed unsubmitted (TTL or delete)', () => {
  it("has its uploads' items and files deleted when the stream reports its removal", async () => {
    const token = await citizen();
    const { id } = await startDraft(token);
    const { uploadId } = await uploadToDraft(token, id, pdf);
    const upload = (await table().send(new GetCommand({ TableName: local.tableName, Key: uploadKey(uploadId) }))).Item!;
    const evidenceUrl = `${local.s3Endpoint}/${localBuckets.evidence}/${upload.evidenceKey}`;
    expect((await fetch(evidenceUrl)).status).toBe(200);

    // What DynamoDB's TTL deletion puts on the stream: a REMOVE by the service, with the old image.
    const oldImage = (await storedDraft(id))!;
    const { cleanup } = await backgroundHandlers();
    const removal: DynamoDBStreamEvent = {
      Records: [
        {
          eventName: 'REMOVE',
          userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
          dynamodb: { Keys: marshall(draftKey(id)) as never, OldImage: marshall(oldImage) as never, SequenceNumber: '1' },
        },
      ],
    };
    expect(await cleanup(removal)).toEqual({ batchItemFailures: [] });
    expect((await table().send(new GetCommand({ TableName: local.tableName, Key: uploadKey(uploadId) }))).Item).toBeUndefined();
    expect((await fetch(evidenceUrl)).status).toBe(404);
  });
});

describe('the reminder', () => {
  it('goes once, 7 days before expiry, to the address from eID, naming neither service nor content', async () => {
    const email = `drafts-${crypto.randomUUID().slice(0, 8)}@example.lv`;
    const token = await (await tokens()).citizen(freshPersonalCode(), { email });
    const { id, expiresAt } = await startDraft(token);
    const { reminders } = await backgroundHandlers();
    const mine = async (): Promise<any[]> => ((await (await fetch(`${local.inboxUrl}/store`)).json()) as { emails: any[] }).emails.filter((sent: { destination: { to: string[] } }) => sent.destination.to.includes(email));

    // A day before it is due: nothing.
    await reminders({ time: new Date(Date.parse(expiresAt) - 8 * dayMs).toISOString() });
    expect(await mine()).toEqual([]);
    // Due: one e-mail; a second run the same day sends nothing more.
    const due = new Date(Date.parse(expiresAt) - 7 * dayMs + 60_000).toISOString();
    await reminders({ time: due });
    await reminders({ time: due });
    const sent = await mine();
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toMatch(/drīz tiks dzēsts/);
    expect(sent[0].body.text).toContain(`/drafts/${id}`);
    expect(sent[0].body.text).not.toMatch(/rehabilit/i);
    expect((await storedDraft(id))!.gsi3pk).toBeUndefined();
  });
});

describe('a save', () => {
  it('is one round trip to DynamoDB (one conditional write), stale or not', async () => {
    environmentOfHandlers();
    const created = await import('../../functions/create-draft/handler');
    const saving = await import('../../functions/save-draft/handler');
    const claims = { iss: String(process.env.CITIZEN_TOKEN_ISSUER), sub: `eid-${crypto.randomUUID()}`, personal_code: freshPersonalCode(), given_name: 'Ilze', family_name: 'Kalna' };
    const invoke = async (handler: (event: never, context: never) => Promise<unknown>, event: ReturnType<typeof apiEvent>) =>
      (await handler(event as never, { awsRequestId: crypto.randomUUID() } as never)) as { statusCode: number; body: string };
    const started = await invoke(created.handler as never, apiEvent({ path: '/drafts', claims, body: JSON.stringify({ serviceId: 'social-rehabilitation', track: 'functional-impairment' }) }));
    expect(started.statusCode).toBe(201);
    const { id } = JSON.parse(started.body) as { id: string };
    const saveEvent = (version: number) =>
      apiEvent({
        method: 'PUT',
        path: `/drafts/${id}`,
        pathParameters: { id },
        claims,
        headers: { 'if-match': `"${version}"` },
        body: JSON.stringify(form()),
      });

    const dynamo = watchDynamo();
    try {
      const mark = dynamo.commandMark();
      expect((await invoke(saving.handler as never, saveEvent(1))).statusCode).toBe(200);
      expect(dynamo.commandsSince(mark)).toEqual(['UpdateCommand']);
      // A stale save learns the current version from the same call (the item handed back by the failed condition).
      const stale = dynamo.commandMark();
      const refused = await invoke(saving.handler as never, saveEvent(1));
      expect(refused.statusCode).toBe(412);
      expect(JSON.parse(refused.body).currentVersion).toBe(2);
      expect(dynamo.commandsSince(stale)).toEqual(['UpdateCommand']);
    } finally {
      dynamo.restore();
    }
  });
});
