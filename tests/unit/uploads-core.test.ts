/**
 * Uploads (functions/core/uploads.ts, docs/documents.md) against in-memory ports: a file is declared (type allowed
 * for the track, within the quota), posted straight to quarantine, scanned, checked against what was declared and
 * kept with its SHA-256, or rejected with the reason; only its uploader sees it before it is attached, staff and the
 * referring organisation's officers read attachments as their rights go, and every read is recorded.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CitizenPrincipal, ReferrerPrincipal } from '../../functions/core/applications/types';
import type { Application, TimelineEvent } from '../../functions/core/model';
import {
  attachmentLink,
  attachmentsFor,
  checkAttachable,
  cleanUploads,
  createFormUpload,
  createUpload,
  documentTypesFor,
  evidenceKeyOf,
  formUploadTicket,
  promoteUpload,
  UploadNotAttachable,
  UploadQuotaExceeded,
  uploadIdOfQuarantineKey,
  uploadStatus,
  type Attachment,
  type EvidenceStorage,
  type Upload,
  type UploadDeps,
  type UploadStore,
} from '../../functions/core/uploads';
import type { StaffPrincipal } from '../../functions/core/workflow';
import { fixedClock, sequentialIds, refusal } from '../support/in-memory-ports';

const now = '2026-11-20T10:00:00.000Z';
const uploadId = '0e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11';
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const encryptedPdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer\n<< /Root 1 0 R /Encrypt 5 0 R /ID [<a><b>] >>\n%%EOF\n', 'latin1');

const marta: CitizenPrincipal = { role: 'citizen', subject: 'eid-marta', personalCode: '32579461005', givenName: 'Marta', familyName: 'Ozola' };
const officer: ReferrerPrincipal = { role: 'social-service', subject: 'eid-officer', name: 'Dace Liepa', organisation: 'tukums', services: [] };
const staff: StaffPrincipal = { role: 'staff', subject: 'staff-liga', name: 'Līga Kalna', services: ['social-rehabilitation'] };

const application = {
  id: 'app-1',
  serviceId: 'social-rehabilitation',
  track: 'functional-impairment',
  channel: 'referral',
  ownerSubject: 'eid-marta',
  applicant: { personalCode: '32579461005', givenName: 'Marta', familyName: 'Ozola' },
  referral: { kind: 'social-service', organisation: 'tukums' },
} as unknown as Application;

const attachment = (id: string, uploader: Attachment['uploader']): Attachment => ({
  applicationId: 'app-1',
  id,
  documentType: 'other',
  fileName: `${id}.pdf`,
  contentType: 'application/pdf',
  size: 1200,
  sha256: 'ab',
  evidenceKey: `applications/app-1/${id}`,
  uploader,
  attachedAt: now,
  eventId: 'e-1',
});

/** The upload store as the table keeps it, and storage that records what was asked of it. */
const setup = (files = 0, bytes = 0) => {
  const uploads = new Map<string, Upload>();
  const events: TimelineEvent[] = [];
  const calls: string[] = [];
  const settled: { id: string; settlement: unknown; at: string }[] = [];
  const quarantine = new Map<string, Uint8Array>();
  const attachments = [attachment('a-officer', { role: 'social-service', subject: 'eid-other-officer', organisation: 'tukums' }), attachment('a-citizen', { role: 'citizen', subject: 'eid-marta' })];
  const store: UploadStore = {
    findApplication: async (id) => (id === application.id ? application : undefined),
    reserve: async (upload) => {
      if (files >= 2) throw new UploadQuotaExceeded('files');
      if (bytes + upload.size > 30) throw new UploadQuotaExceeded('bytes');
      uploads.set(upload.id, upload);
    },
    find: async (id) => uploads.get(id),
    settle: async (upload, settlement, at) => {
      if (uploads.get(upload.id)?.state !== 'pending') return false;
      settled.push({ id: upload.id, settlement, at });
      uploads.set(upload.id, { ...upload, state: settlement.state });
      return true;
    },
    findAttachment: async (applicationId, id) => attachments.find((found) => found.applicationId === applicationId && found.id === id),
    listAttachments: async () => attachments,
    appendEvent: async (event) => void events.push(event),
  };
  const storage: EvidenceStorage = {
    presignPost: async (request) => {
      calls.push(`post ${JSON.stringify(request)}`);
      return { url: 'https://quarantine.s3', fields: { key: request.key } };
    },
    presignDownload: async (request) => {
      calls.push(`download ${JSON.stringify(request)}`);
      return `https://evidence.s3/${request.evidenceKey}`;
    },
    readQuarantined: async (key) => quarantine.get(key),
    keepEvidence: async (key, kept, contentType, sha256) => void calls.push(`keep ${key} ${kept.byteLength} ${contentType} ${sha256}`),
    discardQuarantined: async (key) => void calls.push(`discard ${key}`),
    discardEvidence: async (key) => void calls.push(`discard evidence ${key}`),
  };
  const clock = fixedClock(now);
  const deps: UploadDeps = { store, storage, clock, newId: sequentialIds('0e2f4a36-3b7c-4c55-9e0e-0c2b1f4b') };
  return { deps, uploads, events, calls, settled, quarantine, clock };
};

const failure = refusal;

const declared = { documentType: 'functioning-self-assessment' as const, fileName: 'vertejums.pdf', contentType: 'application/pdf' as const, size: 10 };

describe('declaring an upload', () => {
  it('reserves it as pending, the uploader’s, and answers a POST form for its quarantine object, valid five minutes', async () => {
    const { deps, uploads, calls } = setup();
    const ticket = await createUpload(deps, officer, 'app-1', declared);
    expect(ticket).toEqual({ uploadId: ticket.uploadId, url: 'https://quarantine.s3', fields: { key: ticket.uploadId }, expiresAt: '2026-11-20T10:05:00.000Z' });
    expect(uploads.get(ticket.uploadId)).toEqual({
      id: ticket.uploadId,
      applicationId: 'app-1',
      ...declared,
      uploader: { role: 'social-service', subject: 'eid-officer', organisation: 'tukums' },
      createdAt: now,
      state: 'pending',
    });
    expect(calls).toEqual([`post ${JSON.stringify({ key: ticket.uploadId, file: { contentType: 'application/pdf', size: 10 }, expiresSeconds: 300 })}`]);
    const own = await createUpload(deps, marta, 'app-1', { ...declared, size: 1 });
    expect(uploads.get(own.uploadId)?.uploader).toEqual({ role: 'citizen', subject: 'eid-marta' });
  });

  it('only of a document the track asks for, or “other”', async () => {
    expect(documentTypesFor({ serviceId: 'social-rehabilitation', track: 'functional-impairment' })).toEqual(['functioning-self-assessment', 'other']);
    expect(documentTypesFor({ serviceId: 'social-rehabilitation' })).toEqual(['other']);
    const refused = await failure(createUpload(setup().deps, marta, 'app-1', { ...declared, documentType: 'driving-licence' }));
    expect(refused.kind).toBe('not-eligible');
    expect(refused.violations).toEqual([{ path: ['documentType'], code: 'document_type_not_for_track', params: { allowed: 'functioning-self-assessment, other' } }]);
  });

  it('within the application’s quota of files and bytes, each named where it bites', async () => {
    expect((await failure(createUpload(setup(2).deps, marta, 'app-1', declared))).violations).toEqual([{ path: ['documentType'], code: 'upload_files_limit' }]);
    expect((await failure(createUpload(setup(0, 25).deps, marta, 'app-1', declared))).violations).toEqual([{ path: ['size'], code: 'upload_bytes_limit' }]);
  });

  it('only on an application the caller may read', async () => {
    expect((await failure(createUpload(setup().deps, { ...officer, organisation: 'talsi' }, 'app-1', declared))).kind).toBe('not-found');
    expect((await failure(createUpload(setup().deps, marta, 'missing', declared))).kind).toBe('not-found');
  });

  it('from the portal’s form: the most a file may be is reserved, and S3 sends the browser back', async () => {
    const { deps, uploads, calls } = setup(0, -10 * 1024 * 1024);
    const ticket = await createFormUpload(deps, marta, 'app-1', { documentType: 'other', redirectTo: (id) => `/back/${id}` });
    expect(uploads.get(ticket.uploadId)).toMatchObject({ fileName: 'other', contentType: 'application/octet-stream', size: 10 * 1024 * 1024, fromForm: true });
    expect(calls).toEqual([
      `post ${JSON.stringify({ key: ticket.uploadId, file: { maxSize: 10 * 1024 * 1024 }, successRedirect: `/back/${ticket.uploadId}`, expiresSeconds: 300 })}`,
    ]);
  });

  it('a form reloaded gets its form again for the seconds left, none once settled or expired, and only a form upload', async () => {
    const { deps, calls, clock, uploads } = setup(0, -10 * 1024 * 1024);
    const { uploadId: formId } = await createFormUpload(deps, marta, 'app-1', { documentType: 'other', redirectTo: (id) => `/back/${id}` });
    clock.set('2026-11-20T10:04:00.500Z');
    const again = await formUploadTicket(deps, marta, 'app-1', formId, (id) => `/again/${id}`);
    expect(again).toMatchObject({ ticket: { uploadId: formId, expiresAt: '2026-11-20T10:05:00.000Z' }, upload: { id: formId } });
    expect(calls.at(-1)).toBe(`post ${JSON.stringify({ key: formId, file: { maxSize: 10 * 1024 * 1024 }, successRedirect: `/again/${formId}`, expiresSeconds: 59 })}`);
    clock.set('2026-11-20T10:04:58.500Z');
    expect(await formUploadTicket(deps, marta, 'app-1', formId, (id) => id)).toMatchObject({ ticket: { uploadId: formId } });
    expect(calls.at(-1)).toContain('"expiresSeconds":1}');
    clock.set('2026-11-20T10:04:59.500Z');
    expect(await formUploadTicket(deps, marta, 'app-1', formId, (id) => id)).toBe('expired');
    uploads.set(formId, { ...uploads.get(formId)!, state: 'clean' });
    expect(await formUploadTicket(deps, marta, 'app-1', formId, (id) => id)).toBe('settled');
    const { uploadId: declaredId } = await createUpload(deps, marta, 'app-1', { ...declared, size: 1 });
    expect((await failure(formUploadTicket(deps, marta, 'app-1', declaredId, (id) => id))).kind).toBe('not-found');
  });
});

describe('what the uploader is told', () => {
  it('the state, and the reason when rejected; another account’s upload is a 404', async () => {
    const { deps, uploads } = setup();
    const { uploadId: id } = await createUpload(deps, marta, 'app-1', declared);
    expect(await uploadStatus(deps, marta, 'app-1', id)).toEqual({ uploadId: id, state: 'pending' });
    uploads.set(id, { ...uploads.get(id)!, state: 'rejected', reason: 'malware' });
    expect(await uploadStatus(deps, marta, 'app-1', id)).toEqual({ uploadId: id, state: 'rejected', reason: 'malware' });
    expect((await failure(uploadStatus(deps, officer, 'app-1', id))).kind).toBe('not-found');
    expect((await failure(uploadStatus(deps, marta, 'app-1', 'missing'))).kind).toBe('not-found');
  });

  it('before attaching: pending uploads are a conflict, rejected or attached ones refused, each at its path', () => {
    const upload = (state: Upload['state'], attachedBy?: string) => ({ state, ...(attachedBy && { attachedBy }) }) as Upload;
    expect(() => checkAttachable([upload('clean'), upload('pending')], [['a'], ['b']])).toThrow(expect.objectContaining({ kind: 'conflict', violations: [{ path: ['b'], code: 'upload_pending' }] }));
    expect(() => checkAttachable([upload('rejected'), upload('clean', 'e-1'), upload('clean')], [['a'], ['b'], ['c']])).toThrow(
      expect.objectContaining({
        kind: 'not-eligible',
        violations: [
          { path: ['a'], code: 'upload_rejected' },
          { path: ['b'], code: 'upload_already_attached' },
        ],
      }),
    );
    expect(() => checkAttachable([upload('clean')], [['a']])).not.toThrow();
  });
});

describe('whose upload it is', () => {
  it('records who uploaded it: a citizen by account, an officer with their organisation', async () => {
    const { deps, uploads } = setup();
    const fromMarta = await createUpload(deps, marta, 'app-1', declared);
    const fromOfficer = await createUpload(deps, officer, 'app-1', declared);
    expect(uploads.get(fromMarta.uploadId)?.uploader).toStrictEqual({ role: 'citizen', subject: 'eid-marta' });
    expect(uploads.get(fromOfficer.uploadId)?.uploader).toStrictEqual({ role: 'social-service', subject: 'eid-officer', organisation: 'tukums' });
  });

  it('is seen only by its uploader (an officer’s by their organisation), and only through its own application', async () => {
    const { deps, uploads } = setup();
    const fromOfficer = await createUpload(deps, officer, 'app-1', declared);
    const colleague: ReferrerPrincipal = { ...officer, subject: 'eid-colleague' };
    expect(await uploadStatus(deps, colleague, 'app-1', fromOfficer.uploadId)).toEqual({ uploadId: fromOfficer.uploadId, state: 'pending' });
    expect((await failure(uploadStatus(deps, marta, 'app-1', fromOfficer.uploadId))).kind).toBe('not-found');
    const fromMarta = await createUpload(deps, marta, 'app-1', declared);
    expect((await failure(uploadStatus(deps, officer, 'app-1', fromMarta.uploadId))).kind).toBe('not-found');
    // Another citizen account (a representative, say) uploaded it: not Marta's to see.
    uploads.set('by-representative', { ...uploads.get(fromMarta.uploadId)!, id: 'by-representative', uploader: { role: 'citizen', subject: 'eid-representative' } });
    expect((await failure(uploadStatus(deps, marta, 'app-1', 'by-representative'))).kind).toBe('not-found');
    // Marta's own upload, but of another application, asked for through this one.
    uploads.set('elsewhere', { ...uploads.get(fromMarta.uploadId)!, id: 'elsewhere', applicationId: 'app-2' });
    expect((await failure(uploadStatus(deps, marta, 'app-1', 'elsewhere'))).kind).toBe('not-found');
  });

  it('a store failure other than the quota is not taken for the quota', async () => {
    const { deps } = setup();
    const broken = { ...deps, store: { ...deps.store, reserve: async () => Promise.reject(new Error('throttled')) } };
    await expect(createUpload(broken, marta, 'app-1', declared)).rejects.toThrow('throttled');
    expect([new UploadQuotaExceeded('files').name, new UploadNotAttachable().name]).toEqual(['UploadQuotaExceeded', 'UploadNotAttachable']);
  });

  it('one upload named twice in a request is refused at its second place; a pending one at its own place', async () => {
    const { deps, uploads } = setup();
    const { uploadId: id } = await createUpload(deps, marta, 'app-1', declared);
    await expect(cleanUploads(deps, marta, 'app-1', [{ uploadId: id, path: ['documents', 0] }])).rejects.toMatchObject({
      kind: 'conflict',
      violations: [{ path: ['documents', 0], code: 'upload_pending' }],
    });
    uploads.set(id, { ...uploads.get(id)!, state: 'clean' });
    const twice = [
      { uploadId: id, path: ['documents', 0] },
      { uploadId: id, path: ['documents', 1] },
    ];
    await expect(cleanUploads(deps, marta, 'app-1', twice)).rejects.toMatchObject({ kind: 'validation', violations: [{ path: ['documents', 1], code: 'upload_already_attached' }] });
    expect((await cleanUploads(deps, marta, 'app-1', [twice[0]!])).map(({ id: found }) => found)).toEqual([id]);
  });
});

describe('after the malware scan', () => {
  const pending = async (overrides: Partial<Upload> = {}) => {
    const context = setup();
    context.uploads.set(uploadId, { id: uploadId, applicationId: 'app-1', ...declared, size: pdf.byteLength, uploader: { role: 'citizen', subject: 'eid-marta' }, createdAt: now, state: 'pending', ...overrides });
    context.quarantine.set(uploadId, pdf);
    return context;
  };

  it('a clean file matching what was declared is kept with its SHA-256 under its owner, and quarantine emptied', async () => {
    const { deps, calls, settled } = await pending();
    expect(await promoteUpload(deps, uploadId, 'NO_THREATS_FOUND')).toBe('clean');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(calls).toEqual([`keep applications/app-1/${uploadId} ${pdf.byteLength} application/pdf ${sha256}`, `discard ${uploadId}`]);
    expect(settled).toEqual([{ id: uploadId, settlement: { state: 'clean', evidenceKey: `applications/app-1/${uploadId}`, sha256 }, at: now }]);
    expect(evidenceKeyOf({ kind: 'draft', id: 'd-1' }, 'u-1')).toBe('applications/draft-d-1/u-1');
  });

  it.each([
    ['THREATS_FOUND', 'malware'],
    ['UNSUPPORTED', 'unsupported'],
    ['FAILED', 'scan_failed'],
    ['ACCESS_DENIED', 'scan_failed'],
  ] as const)('a scan saying %s rejects it as %s, and quarantine is emptied', async (result, reason) => {
    const { deps, calls, settled } = await pending();
    expect(await promoteUpload(deps, uploadId, result)).toBe(reason);
    expect(calls).toEqual([`discard ${uploadId}`]);
    expect(settled).toEqual([{ id: uploadId, settlement: { state: 'rejected', reason }, at: now }]);
  });

  it('bytes that are not what was declared are rejected: another size, another type, an encrypted PDF, gone', async () => {
    expect(await promoteUpload((await pending({ size: pdf.byteLength + 1 })).deps, uploadId, 'NO_THREATS_FOUND')).toBe('size_mismatch');
    expect(await promoteUpload((await pending({ contentType: 'image/png' })).deps, uploadId, 'NO_THREATS_FOUND')).toBe('type_mismatch');
    const encrypted = await pending({ size: encryptedPdf.byteLength });
    encrypted.quarantine.set(uploadId, encryptedPdf);
    expect(await promoteUpload(encrypted.deps, uploadId, 'NO_THREATS_FOUND')).toBe('encrypted_pdf');
    const gone = await pending();
    gone.quarantine.clear();
    expect(await promoteUpload(gone.deps, uploadId, 'NO_THREATS_FOUND')).toBe('scan_failed');
  });

  it('a form upload is measured from its bytes: its real size, type and a name from its document type', async () => {
    const { deps, settled } = await pending({ fromForm: true, size: 10 * 1024 * 1024, contentType: 'application/octet-stream', documentType: 'other' });
    expect(await promoteUpload(deps, uploadId, 'NO_THREATS_FOUND')).toBe('clean');
    expect(settled[0]?.settlement).toMatchObject({ measured: { size: pdf.byteLength, contentType: 'application/pdf', fileName: 'other.pdf' } });
    const empty = await pending({ fromForm: true });
    empty.quarantine.set(uploadId, new Uint8Array());
    expect(await promoteUpload(empty.deps, uploadId, 'NO_THREATS_FOUND')).toBe('size_mismatch');
    const text = await pending({ fromForm: true });
    text.quarantine.set(uploadId, Buffer.from('just text'));
    expect(await promoteUpload(text.deps, uploadId, 'NO_THREATS_FOUND')).toBe('type_mismatch');
    const locked = await pending({ fromForm: true });
    locked.quarantine.set(uploadId, encryptedPdf);
    expect(await promoteUpload(locked.deps, uploadId, 'NO_THREATS_FOUND')).toBe('encrypted_pdf');
  });

  it('an object nobody declared is only removed; so is the file of one settled already, left settled as it is', async () => {
    const { deps, calls } = await pending();
    expect(await promoteUpload(deps, 'not-an-upload-id', 'NO_THREATS_FOUND')).toBe('unknown-upload');
    expect(await promoteUpload(deps, '1e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11', 'NO_THREATS_FOUND')).toBe('unknown-upload');
    expect(calls).toEqual(['discard not-an-upload-id', 'discard 1e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11']);
    expect(uploadIdOfQuarantineKey(`x${uploadId}`)).toBeUndefined();
    expect(uploadIdOfQuarantineKey(`${uploadId}x`)).toBeUndefined();
    const done = await pending({ state: 'clean' });
    expect(await promoteUpload(done.deps, uploadId, 'THREATS_FOUND')).toBe('already-settled');
    expect(done.calls).toEqual([`discard ${uploadId}`]);
    expect(done.settled).toEqual([]);
    // Even a clean verdict keeps nothing for an upload settled already: its file is only removed.
    expect(await promoteUpload(done.deps, uploadId, 'NO_THREATS_FOUND')).toBe('already-settled');
    expect(done.calls).toEqual([`discard ${uploadId}`, `discard ${uploadId}`]);
  });

  it('settled meanwhile by another scan event: told so, whether clean or rejected', async () => {
    for (const result of ['NO_THREATS_FOUND', 'THREATS_FOUND'] as const) {
      const { deps } = await pending();
      deps.store.settle = async () => false;
      expect(await promoteUpload(deps, uploadId, result)).toBe('already-settled');
    }
  });
});

describe('reading attachments', () => {
  it('staff list every one; a referring officer those their organisation uploaded; each with its download link', async () => {
    const { deps } = setup();
    expect((await attachmentsFor(deps.store, staff, 'app-1')).map(({ id, href, uploadedBy }) => [id, href, uploadedBy])).toEqual([
      ['a-officer', '/staff/applications/app-1/attachments/a-officer', 'social-service'],
      ['a-citizen', '/staff/applications/app-1/attachments/a-citizen', 'citizen'],
    ]);
    expect(await attachmentsFor(deps.store, officer, 'app-1')).toEqual([
      {
        id: 'a-officer',
        documentType: 'other',
        fileName: 'a-officer.pdf',
        contentType: 'application/pdf',
        size: 1200,
        sha256: 'ab',
        attachedAt: now,
        uploadedBy: 'social-service',
        href: '/referrals/app-1/attachments/a-officer',
      },
    ]);
    expect(await attachmentsFor(deps.store, { ...officer, organisation: undefined }, 'app-1')).toEqual([]);
  });

  it('a download link lives a minute, and the read goes on the timeline (who, which file, nothing of it)', async () => {
    const { deps, events, calls } = setup();
    const { url, attachment: read } = await attachmentLink(deps, staff, 'app-1', 'a-citizen');
    expect(url).toBe('https://evidence.s3/applications/app-1/a-citizen');
    expect(read.id).toBe('a-citizen');
    expect(calls).toEqual([`download ${JSON.stringify({ evidenceKey: 'applications/app-1/a-citizen', fileName: 'a-citizen.pdf', contentType: 'application/pdf', expiresSeconds: 60 })}`]);
    expect(events).toEqual([
      { applicationId: 'app-1', id: `${now}#0e2f4a36`, type: 'viewed_by_staff', at: now, actor: { role: 'staff', subject: 'staff-liga' }, details: { attachmentId: 'a-citizen' } },
    ]);
    await attachmentLink(deps, officer, 'app-1', 'a-officer');
    expect(events.at(-1)).toMatchObject({ type: 'viewed_by_referrer', actor: { role: 'social-service', subject: 'eid-officer' } });
  });

  it('an officer may not download what the person uploaded; nobody a missing one or one of an application they may not read', async () => {
    const { deps, events } = setup();
    expect((await failure(attachmentLink(deps, officer, 'app-1', 'a-citizen'))).kind).toBe('not-found');
    expect((await failure(attachmentLink(deps, staff, 'app-1', 'missing'))).kind).toBe('not-found');
    expect((await failure(attachmentLink(deps, { ...staff, services: [] }, 'app-1', 'a-citizen'))).kind).toBe('not-found');
    expect(events).toEqual([]);
  });
});
