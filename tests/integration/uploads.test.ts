/**
 * Evidence uploads through the local gateway, s3rver and ClamAV: declare a file,
 * POST it with the presigned form, the scanner and promote-upload settle it, the
 * applicant attaches it, staff download it; a referring organisation attaches and
 * downloads its own. Nothing unscanned or refused is ever attachable or downloadable.
 */
import { createHash, randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createEvidenceStorage } from '../../functions/adapters/evidence-storage';
import { createUploadRepository } from '../../functions/adapters/upload-repository';
import { rigaDate } from '../../functions/core/dates';
import type { Principal } from '../../functions/core/model';
import { createFormUpload, type UploadDeps } from '../../functions/core/uploads';
import { localCredentials, localRegion } from '../../local/dynamodb';
import { uploadLimits } from '../../schemas/uploads';
import { daysBefore } from '../support/fixtures';
import { freshPersonalCode, referralOf, validForm } from '../support/service-forms';
import { tableItems } from './support/applicants';
import { api, documentClient, local, streamSettled, tokens, waitFor } from './support/local';

const today = rigaDate(new Date());

const eicar = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');
const pdf = (body = 'Ģimenes ārsta izziņa') => Buffer.from(`%PDF-1.7\n1 0 obj <<>> endobj\n% ${body}\ntrailer <<>>\n%%EOF\n`, 'utf8');
const encryptedPdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n', 'latin1');
const windowsExecutable = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126, 0x90)]);

const staff = async () => (await tokens()).workforce('staff', `staff-${crypto.randomUUID().slice(0, 8)}`);

/** A citizen and their application, with documents requested by staff (so they can be attached). */
const applicationAwaitingDocuments = async (token?: string) => {
  const citizen = token ?? (await (await tokens()).citizen(freshPersonalCode()));
  const form = validForm('social-rehabilitation', 'functional-impairment', today);
  const created = await api('/applications', { token: citizen, json: form });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const officer = await staff();
  for (const decision of [
    { type: 'register', expectedVersion: 1 },
    { type: 'request-documents', expectedVersion: 2, documents: ['Funkcionēšanas pašnovērtējums'], deadline: daysBefore(today, -14) },
  ]) {
    expect((await api(`/staff/applications/${id}/decisions`, { token: officer, json: decision })).status).toBe(200);
  }
  return { token: citizen, id, officer };
};

const declare = (token: string, id: string, file: { size: number; contentType?: string; documentType?: string }) =>
  api(`/applications/${id}/uploads`, {
    token,
    json: { documentType: file.documentType ?? 'functioning-self-assessment', fileName: 'izziņa.pdf', contentType: file.contentType ?? 'application/pdf', size: file.size },
  });

/** The browser's part: the form fields, then the file, as multipart/form-data. */
const postFile = async (ticket: { url: string; fields: Record<string, string> }, bytes: Buffer, contentType = 'application/pdf') => {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: contentType }), 'izziņa.pdf');
  const response = await fetch(ticket.url, { method: 'POST', body: form });
  expect(response.status).toBe(204);
};

const settled = (token: string, id: string, uploadId: string, language = 'en') =>
  waitFor(async () => {
    const status = await api(`/applications/${id}/uploads/${uploadId}`, { token, headers: { 'accept-language': language } });
    return status.body?.state !== 'pending' && status.body;
  }, 15_000);

/** Declares, uploads and waits for the verdict. */
const upload = async (token: string, id: string, bytes: Buffer, declared: { size?: number; contentType?: string } = {}) => {
  const ticket = await declare(token, id, { size: declared.size ?? bytes.length, ...(declared.contentType && { contentType: declared.contentType }) });
  expect(ticket.status).toBe(201);
  await postFile(ticket.body, bytes, declared.contentType);
  return { uploadId: ticket.body.uploadId as string, verdict: await settled(token, id, ticket.body.uploadId) };
};

const attach = async (token: string, id: string, uploadIds: string[]) => {
  const current = await api(`/applications/${id}`, { token });
  return api(`/applications/${id}/documents`, {
    token,
    json: { expectedVersion: current.body.version, documents: uploadIds.map((uploadId) => ({ sentBy: 'upload', uploadId })) },
  });
};

const quarantined = async (key: string) => (await fetch(`${local.s3Endpoint}/siva-uploads-quarantine/${key}`)).status;

describe('an evidence upload, end to end', () => {
  it('is declared, posted, scanned clean, attached and downloaded by staff, with the read on the timeline', async () => {
    const { token, id, officer } = await applicationAwaitingDocuments();
    const bytes = pdf();

    const ticket = await declare(token, id, { size: bytes.length });
    expect(ticket.status).toBe(201);
    expect(ticket.headers.get('location')).toBe(`/applications/${id}/uploads/${ticket.body.uploadId}`);
    const { url, fields, expiresAt } = ticket.body;
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(uploadLimits.postSeconds * 1000);
    // The key is the random upload id, nothing the person typed.
    expect(fields.key).toBe(ticket.body.uploadId);
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    // S3 refuses the form after the policy's expiration: the five minutes the answer states.
    expect(Math.abs(new Date(policy.expiration).getTime() - new Date(expiresAt).getTime())).toBeLessThan(2000);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'siva-uploads-quarantine' },
        { key: ticket.body.uploadId },
        ['content-length-range', bytes.length, bytes.length],
        ['eq', '$Content-Type', 'application/pdf'],
        { 'x-amz-server-side-encryption': 'aws:kms' },
        { 'x-amz-server-side-encryption-aws-kms-key-id': expect.stringMatching(/^arn:aws:kms:/) },
      ]),
    );
    expect(fields['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(url).toMatch(/\/siva-uploads-quarantine$/);

    await postFile(ticket.body, bytes);
    expect(await settled(token, id, ticket.body.uploadId)).toEqual({ uploadId: ticket.body.uploadId, state: 'clean' });
    expect(await quarantined(ticket.body.uploadId)).not.toBe(200);

    const attached = await attach(token, id, [ticket.body.uploadId]);
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({ status: 'under_review', event: { type: 'documents_submitted', details: { count: 1, attached: 1 } } });

    const download = await fetch(`${local.apiUrl}/staff/applications/${id}/attachments/${ticket.body.uploadId}`, {
      headers: { authorization: `Bearer ${officer}` },
      redirect: 'manual',
    });
    expect(download.status).toBe(303);
    const link = new URL(download.headers.get('location')!);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('60');
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('izziņa.pdf')}`);

    const items = await tableItems(local.tableName);
    const attachment = items.find((item) => item.entity === 'attachment' && item.id === ticket.body.uploadId);
    expect(attachment).toMatchObject({ applicationId: id, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    const record = await api(`/staff/applications/${id}`, { token: officer });
    expect(record.body.attachments).toEqual([
      expect.objectContaining({ id: ticket.body.uploadId, documentType: 'functioning-self-assessment', fileName: 'izziņa.pdf', size: bytes.length, href: `/staff/applications/${id}/attachments/${ticket.body.uploadId}` }),
    ]);
    expect(record.body.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'viewed_by_staff', details: { attachmentId: ticket.body.uploadId } })]));

    // Once attached it cannot be attached again.
    const again = await attach(token, id, [ticket.body.uploadId]);
    expect(again.status).toBe(422);
  });
});

describe('files that are refused', () => {
  it('EICAR: rejected as malware with what to do (lv and en), deleted, never attachable or downloadable', async () => {
    const { token, id, officer } = await applicationAwaitingDocuments();
    const { uploadId, verdict } = await upload(token, id, eicar);
    expect(verdict).toMatchObject({ state: 'rejected', reason: { code: 'malware', message: expect.stringContaining('malware') } });
    const latvian = await settled(token, id, uploadId, 'lv');
    expect(latvian.reason.message).toContain('ļaunatūra');
    expect(await quarantined(uploadId)).not.toBe(200);

    const attached = await attach(token, id, [uploadId]);
    expect(attached.status).toBe(422);
    expect(attached.body.errors).toEqual([expect.objectContaining({ field: 'documents[0].uploadId', code: 'upload_rejected' })]);
    const download = await api(`/staff/applications/${id}/attachments/${uploadId}`, { token: officer });
    expect(download.status).toBe(404);
    const items = await tableItems(local.tableName);
    expect(items.filter((item) => item.entity === 'attachment' && item.id === uploadId)).toEqual([]);
  });

  it('a ".pdf" whose bytes are an executable, and a PDF declared as a PNG: type mismatch', async () => {
    const { token, id } = await applicationAwaitingDocuments();
    expect((await upload(token, id, windowsExecutable)).verdict).toMatchObject({ state: 'rejected', reason: { code: 'type_mismatch' } });
    expect((await upload(token, id, pdf(), { contentType: 'image/png' })).verdict).toMatchObject({ state: 'rejected', reason: { code: 'type_mismatch' } });
  });

  it('a password-protected PDF: rejected, saying to save it without a password', async () => {
    const { token, id } = await applicationAwaitingDocuments();
    expect((await upload(token, id, encryptedPdf)).verdict).toMatchObject({
      state: 'rejected',
      reason: { code: 'encrypted_pdf', message: expect.stringContaining('without a password') },
    });
  });

  it('over size: declared above 10 MB is refused up front; bytes beyond the declared size are rejected after upload', async () => {
    const { token, id } = await applicationAwaitingDocuments();
    const tooBig = await declare(token, id, { size: uploadLimits.fileBytes + 1 });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors).toEqual([expect.objectContaining({ field: 'size', code: 'file_too_large' })]);
    // s3rver does not enforce the policy's content-length-range (S3 does): the promote step's own check stops it.
    expect((await upload(token, id, pdf('x'.repeat(500)), { size: 100 })).verdict).toMatchObject({ state: 'rejected', reason: { code: 'size_mismatch' } });
  });

  it('the 21st file of an application, and bytes beyond 30 MB an application, are refused; a rejected file frees its place', async () => {
    const { token, id } = await applicationAwaitingDocuments();
    const rejected = await upload(token, id, windowsExecutable);
    expect(rejected.verdict.state).toBe('rejected');
    for (let file = 1; file <= uploadLimits.applicationFiles; file++) expect((await declare(token, id, { size: 1000 })).status, `file ${file}`).toBe(201);
    const twentyFirst = await declare(token, id, { size: 1000 });
    expect(twentyFirst.status).toBe(422);
    expect(twentyFirst.body.errors).toEqual([expect.objectContaining({ code: 'upload_files_limit' })]);

    const other = await applicationAwaitingDocuments();
    for (let file = 1; file <= 3; file++) expect((await declare(other.token, other.id, { size: uploadLimits.fileBytes })).status).toBe(201);
    const beyond = await declare(other.token, other.id, { size: 1 });
    expect(beyond.status).toBe(422);
    expect(beyond.body.errors).toEqual([expect.objectContaining({ field: 'size', code: 'upload_bytes_limit' })]);
  });

  it('a document type the service does not ask for is refused, naming the ones it does', async () => {
    const { token, id } = await applicationAwaitingDocuments();
    const wrong = await declare(token, id, { size: 10, documentType: 'vdeavk-opinion' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'documentType', code: 'document_type_not_for_track' })]);
  });
});

describe('whose upload it is', () => {
  it("another person's upload id is a 404, for its status and for attaching", async () => {
    const mine = await applicationAwaitingDocuments();
    const { uploadId } = await upload(mine.token, mine.id, pdf());
    const theirs = await applicationAwaitingDocuments();
    expect((await api(`/applications/${mine.id}/uploads/${uploadId}`, { token: theirs.token })).status).toBe(404);
    expect((await api(`/applications/${theirs.id}/uploads/${uploadId}`, { token: theirs.token })).status).toBe(404);
    expect((await attach(theirs.token, theirs.id, [uploadId])).status).toBe(404);
  });

  it('an upload id attached to one application cannot be reused on a second one of the same person', async () => {
    const first = await applicationAwaitingDocuments();
    const { uploadId } = await upload(first.token, first.id, pdf());
    expect((await attach(first.token, first.id, [uploadId])).status).toBe(200);
    const form = validForm('vocational-suitability', 'disability', today);
    const second = await api('/applications', { token: first.token, json: form });
    expect(second.status).toBe(201);
    expect((await attach(first.token, second.body.id, [uploadId])).status).toBe(404);
  });

  it('an attach racing the rejection of its file never attaches it: pending is 409, rejected 422', async () => {
    const { token, id } = await applicationAwaitingDocuments();
    const ticket = await declare(token, id, { size: eicar.length });
    const answers: number[] = [];
    const racing = (async () => {
      for (;;) {
        const answer = await attach(token, id, [ticket.body.uploadId]);
        answers.push(answer.status);
        if (answer.status !== 409) return;
      }
    })();
    await postFile(ticket.body, eicar);
    await racing;
    expect(answers.at(-1)).toBe(422);
    expect(new Set(answers.slice(0, -1))).toEqual(new Set(answers.length > 1 ? [409] : []));
    const items = await tableItems(local.tableName);
    expect(items.filter((item) => item.entity === 'attachment' && item.applicationId === id)).toEqual([]);
    expect((await api(`/applications/${id}`, { token })).body.status).toBe('documents_requested');
  });
});

describe("a referring organisation's documents", () => {
  /** A referral by an officer of a fresh municipality, for a client who can sign in; staff have asked for documents. */
  const referralAwaitingDocuments = async () => {
    const idp = await tokens();
    const municipality = `cesis-${crypto.randomUUID().slice(0, 8)}`;
    const filer = await idp.workforce('social-service', municipality, { officer: 'filer' });
    const clientCode = freshPersonalCode();
    const referral = await api('/referrals', { token: filer, json: referralOf(validForm('coordinated-services', 'trafficking-victims', today), clientCode, today) });
    expect(referral.status).toBe(201);
    const id = referral.body.id as string;
    const reviewer = await staff();
    const requestDocuments = async () => {
      for (const decision of [
        { type: 'register', expectedVersion: 1 },
        { type: 'request-documents', expectedVersion: 2, documents: ['Statusa apliecinājums'], deadline: daysBefore(today, -14) },
      ]) {
        expect((await api(`/staff/applications/${id}/decisions`, { token: reviewer, json: decision })).status).toBe(200);
      }
    };
    return {
      id,
      filer,
      municipality,
      filerSubject: `social-service-${municipality}-filer`,
      colleague: await idp.workforce('social-service', municipality, { officer: 'colleague' }),
      otherMunicipality: await idp.workforce('social-service', `${municipality}-other`, { officer: 'filer' }),
      client: await idp.citizen(clientCode, { givenName: 'Anna', familyName: 'Kalniņa' }),
      reviewer,
      requestDocuments,
    };
  };

  /** Declares, posts and waits for the verdict of an upload under `/referrals/{id}` (an officer) or `/applications/{id}` (the client). */
  const uploadClean = async (base: string, token: string, bytes: Buffer) => {
    const ticket = await api(`${base}/uploads`, { token, json: { documentType: 'other', fileName: 'izziņa.pdf', contentType: 'application/pdf', size: bytes.length } });
    expect(ticket.status).toBe(201);
    await postFile(ticket.body, bytes);
    const verdict = await waitFor(async () => {
      const status = await api(`${base}/uploads/${ticket.body.uploadId}`, { token });
      return status.body?.state !== 'pending' && status.body;
    }, 15_000);
    expect(verdict.state).toBe('clean');
    return ticket.body.uploadId as string;
  };

  /** Attaches uploads at the version the caller reads (or the one given, for a caller who reads nothing). */
  const sendDocuments = async (base: string, token: string, uploadIds: string[], version?: number) => {
    const expectedVersion = version ?? (await api(base, { token })).body.version;
    return api(`${base}/documents`, { token, json: { expectedVersion, documents: uploadIds.map((uploadId) => ({ sentBy: 'upload', uploadId })) } });
  };

  const download = (path: string, token: string) => fetch(`${local.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });

  it('the referral document, sent right after filing: added while submitted, the status stays; staff are alerted and download it', async () => {
    const referral = await referralAwaitingDocuments();
    const base = `/referrals/${referral.id}`;
    const bytes = pdf('Sociālā dienesta nosūtījums');
    const uploadId = await uploadClean(base, referral.filer, bytes);

    // Another municipality's officer: the referral does not exist for them. A version not read: 409, nothing attached.
    expect((await sendDocuments(base, referral.otherMunicipality, [uploadId], 1)).status).toBe(404);
    expect((await sendDocuments(base, referral.filer, [uploadId], 7)).status).toBe(409);
    const added = await sendDocuments(base, referral.filer, [uploadId]);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      status: 'submitted',
      version: 2,
      event: { type: 'documents_added', details: { from: 'submitted', to: 'submitted', count: 1, attached: 1 } },
      allowedDecisions: ['register'],
    });

    // Staff see it on the application, still waiting to be registered, and download the bytes the officer sent.
    const record = await api(`/staff/applications/${referral.id}`, { token: referral.reviewer });
    expect(record.body.status).toBe('submitted');
    expect(record.body.attachments).toEqual([expect.objectContaining({ id: uploadId, uploadedBy: 'social-service', size: bytes.length })]);
    const answer = await download(`/staff/applications/${referral.id}/attachments/${uploadId}`, referral.reviewer);
    expect(answer.status).toBe(303);
    expect(Buffer.from(await (await fetch(answer.headers.get('location')!)).arrayBuffer())).toEqual(bytes);

    // The service's inbox got the documents alert about this event.
    await streamSettled();
    const alerted = await waitFor(async () => {
      const timeline = (await api(`/staff/applications/${referral.id}`, { token: referral.reviewer })).body.timeline as { type: string; details?: Record<string, unknown> }[];
      return timeline.find((event) => event.type === 'notification_sent' && event.details?.sourceEventId === added.body.event.id);
    }, 15_000);
    expect(alerted.details).toMatchObject({ notification: 'agency-documents-alert', recipient: 'agency' });

    // Once staff have decided without asking for documents, none are taken: 422 naming the statuses that take them.
    for (const decision of [{ type: 'register', expectedVersion: 2 }, { type: 'review', expectedVersion: 3 }]) {
      expect((await api(`/staff/applications/${referral.id}/decisions`, { token: referral.reviewer, json: decision })).status).toBe(200);
    }
    const late = await sendDocuments(base, referral.filer, [await uploadClean(base, referral.filer, pdf('Vēlāk'))]);
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([expect.objectContaining({ code: 'documents_not_open' })]);
    expect(late.body.allowedStatuses).toEqual(['documents_requested', 'submitted', 'registered']);
  });

  it('an officer attaches what a colleague uploaded once documents are asked for, and downloads it; the read is on the timeline', async () => {
    const referral = await referralAwaitingDocuments();
    const base = `/referrals/${referral.id}`;
    const bytes = pdf('Statusa apliecinājums');
    const uploadId = await uploadClean(base, referral.colleague, bytes);

    await referral.requestDocuments();
    expect((await sendDocuments(base, referral.otherMunicipality, [uploadId], 3)).status).toBe(404);
    const attached = await sendDocuments(base, referral.filer, [uploadId]);
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({ status: 'under_review', version: 4, event: { type: 'documents_submitted', details: { count: 1, attached: 1 } } });

    // The colleague uploaded it; the filer finds it on the referral, with where to download it.
    const seen = await api(base, { token: referral.filer });
    expect(seen.body.attachments).toEqual([
      expect.objectContaining({ id: uploadId, documentType: 'other', fileName: 'izziņa.pdf', size: bytes.length, href: `${base}/attachments/${uploadId}` }),
    ]);
    const answer = await download(seen.body.attachments[0].href, referral.filer);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const link = new URL(answer.headers.get('location')!);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('60');
    const file = await fetch(link);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);

    // Another municipality's officer: the attachment, like the referral, does not exist for them.
    expect((await download(`${base}/attachments/${uploadId}`, referral.otherMunicipality)).status).toBe(404);
    // Staff use their own route; the officers' route is not theirs.
    expect((await download(`/staff/applications/${referral.id}/attachments/${uploadId}`, referral.reviewer)).status).toBe(303);
    expect((await download(`${base}/attachments/${uploadId}`, referral.reviewer)).status).toBe(403);

    const record = await api(`/staff/applications/${referral.id}`, { token: referral.reviewer });
    const timeline = record.body.timeline as { type: string; actor: { role: string; subject: string }; details?: Record<string, unknown> }[];
    expect(timeline.find((event) => event.type === 'documents_submitted')?.actor).toEqual({ role: 'social-service', subject: referral.filerSubject });
    const referrerReads = timeline.filter((event) => event.type === 'viewed_by_referrer' && event.details?.attachmentId === uploadId);
    // One read: the other municipality's 404 was not recorded as one; nothing of the file is on the timeline.
    expect(referrerReads).toEqual([expect.objectContaining({ actor: { role: 'social-service', subject: referral.filerSubject }, details: { attachmentId: uploadId } })]);
  });

  it("the client's own upload on the referral is theirs: the officer can neither attach nor download it", async () => {
    const referral = await referralAwaitingDocuments();
    await referral.requestDocuments();
    const clientUpload = await uploadClean(`/applications/${referral.id}`, referral.client, pdf('Klienta izziņa'));
    const officerUpload = await uploadClean(`/referrals/${referral.id}`, referral.filer, pdf('Iestādes izziņa'));

    expect((await sendDocuments(`/referrals/${referral.id}`, referral.filer, [clientUpload])).status).toBe(404);
    expect((await sendDocuments(`/applications/${referral.id}`, referral.client, [officerUpload])).status).toBe(404);
    expect((await sendDocuments(`/applications/${referral.id}`, referral.client, [clientUpload])).status).toBe(200);

    expect((await download(`/referrals/${referral.id}/attachments/${clientUpload}`, referral.filer)).status).toBe(404);
    // The officer's view of the referral lists none of the client's files; staff's lists them all.
    expect((await api(`/referrals/${referral.id}`, { token: referral.filer })).body.attachments).toEqual([]);
    const staffView = await api(`/staff/applications/${referral.id}`, { token: referral.reviewer });
    expect(staffView.body.attachments).toEqual([expect.objectContaining({ id: clientUpload, href: `/staff/applications/${referral.id}/attachments/${clientUpload}` })]);
    expect((await download(`/staff/applications/${referral.id}/attachments/${clientUpload}`, referral.reviewer)).status).toBe(303);
  });
  it('a portal form never posted stops holding its 10 MB and its file once its POST and the scan grace have passed', async () => {
    const referral = await referralAwaitingDocuments();
    const base = `/referrals/${referral.id}`;
    const officer: Principal = { role: 'social-service', subject: referral.filerSubject, name: 'Filer', organisation: referral.municipality, services: [] };
    // The portal's step, with its clock set by the test: the real table, and a presigner against s3rver.
    const s3 = new S3Client({ endpoint: local.s3Endpoint, region: localRegion, credentials: localCredentials, forcePathStyle: true });
    const formUploadAt = async (at: Date) => {
      const deps: UploadDeps = {
        store: createUploadRepository(documentClient(), local.tableName),
        storage: createEvidenceStorage(s3, { quarantine: 'siva-uploads-quarantine', evidence: 'siva-uploads-evidence', keyArn: 'local' }),
        clock: () => at,
        newId: randomUUID,
      };
      return (await createFormUpload(deps, officer, referral.id, { documentType: 'other', redirectTo: (uploadId) => `${local.apiUrl}/${uploadId}` })).uploadId;
    };
    const declareOne = (size: number) => api(`${base}/uploads`, { token: referral.filer, json: { documentType: 'other', fileName: 'izziņa.pdf', contentType: 'application/pdf', size } });

    // Three forms shown just over the POST's minutes and the scan grace ago, never used: together the 30 MB.
    const lapsedAt = new Date(Date.now() - (uploadLimits.postSeconds + uploadLimits.scanGraceSeconds + 60) * 1000);
    const unused = [await formUploadAt(lapsedAt), await formUploadAt(lapsedAt), await formUploadAt(lapsedAt)];
    const next = await declareOne(1000);
    expect(next.status).toBe(201);
    for (const uploadId of unused) {
      const status = await api(`${base}/uploads/${uploadId}`, { token: referral.filer, headers: { 'accept-language': 'en' } });
      expect(status.body).toMatchObject({ state: 'rejected', reason: { code: 'not_received', message: expect.stringContaining('did not arrive') } });
    }

    // Forms shown within the grace still hold their 10 MB each: 2 × 10 MB + 1000 B leaves no room for 10 MB more.
    const justAfterPost = new Date(Date.now() - (uploadLimits.postSeconds + 60) * 1000);
    await formUploadAt(justAfterPost);
    await formUploadAt(new Date());
    const full = await declareOne(uploadLimits.fileBytes);
    expect(full.status).toBe(422);
    expect(full.body.errors).toEqual([expect.objectContaining({ field: 'size', code: 'upload_bytes_limit' })]);
  });
});
