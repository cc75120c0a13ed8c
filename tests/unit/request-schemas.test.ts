/**
 * The request documents other than the forms, at their edges: staff decisions, the applicant's own moves, drafts
 * and uploads (schemas/decision.ts, drafts.ts, uploads.ts), and the registry lookups they lean on (services.ts).
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { Decision, decisionTypes, DocumentsSubmitted, RepresentativeConfirmation, Withdrawal } from '../../schemas/decision';
import { DraftContent, DraftIdPath, draftETag, DraftUploadPath, draftVersionOf, NewDraft } from '../../schemas/drafts';
import { describeIssues, type MessageCode } from '../../schemas/messages';
import { serviceIds, servicesFiledBy, trackIds, trackInfo } from '../../schemas/services';
import { acceptedContentTypes, AttachmentPath, documentTypes, UploadPath, UploadRequest, uploadLimits } from '../../schemas/uploads';

const refusal = (schema: z.ZodMiniType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues, value).map(({ path, code }) => `${path.join('.')}:${code}`);
};
const id = '0b8f3c1e-4a2d-4f5b-9c6d-7e8f9a0b1c2d';

describe('a staff decision', () => {
  /** The least each decision needs besides its type and the version seen. */
  const least: Record<(typeof decisionTypes)[number], Record<string, unknown>> = {
    register: {},
    'request-documents': { documents: ['Invaliditātes apliecība'], deadline: '2026-12-01' },
    review: {},
    'admit-to-queue': {},
    grant: {},
    refuse: { reason: 'Nav izpildīti nosacījumi.', appeal: 'Direktoram viena mēneša laikā.' },
    start: { startedOn: '2026-12-01' },
    'not-started': { reason: 'Neieradās.' },
    postpone: { reason: 'Slimība.' },
    complete: { completedOn: '2026-12-01', recommendations: 'Turpināt vingrinājumus.' },
  };

  it.each(decisionTypes)('%s is taken with what it needs, and refused without each part of it', (type) => {
    expect(refusal(Decision, { type, expectedVersion: 1, ...least[type] })).toEqual([]);
    for (const field of Object.keys(least[type])) {
      const { [field]: _left, ...without } = least[type];
      expect(refusal(Decision, { type, expectedVersion: 1, ...without }), field).toEqual([`${field}:required`]);
    }
  });

  it.each(decisionTypes)('%s refuses a field another decision takes', (type) => {
    const foreign = type === 'complete' ? { startedOn: '2026-12-01' } : { completedOn: '2026-12-01' };
    expect(refusal(Decision, { type, expectedVersion: 1, ...least[type], ...foreign })).toEqual([`${Object.keys(foreign)[0]}:unknown_field`]);
  });

  it('takes the optional parts of a grant, a postponement and a completion', () => {
    expect(refusal(Decision, { type: 'grant', expectedVersion: 2, urgent: true, startsOn: '2027-01-04', reason: 'Steidzami.' })).toEqual([]);
    expect(refusal(Decision, { type: 'postpone', expectedVersion: 2, reason: 'x', until: '2027-01-04' })).toEqual([]);
    expect(refusal(Decision, { type: 'complete', expectedVersion: 2, ...least.complete, roadMap: 'Ceļa karte.' })).toEqual([]);
  });

  it('asks for 1 to 20 documents of one line each', () => {
    const asking = (documents: unknown) => refusal(Decision, { type: 'request-documents', expectedVersion: 1, deadline: '2026-12-01', documents });
    expect(asking([])).toEqual(['documents:too_few']);
    expect(asking(Array(20).fill('Izziņa'))).toEqual([]);
    expect(asking(Array(21).fill('Izziņa'))).toEqual(['documents:too_many']);
    expect(asking(['Izziņa\nBcc: x'])).toEqual(['documents.0:single_line']);
  });

  it('carries a whole version from 1 to 1,000,000', () => {
    const at = (expectedVersion: unknown) => refusal(Decision, { type: 'review', expectedVersion });
    expect(at(1)).toEqual([]);
    expect(at(1_000_000)).toEqual([]);
    for (const wrong of [0, 1_000_001, 1.5]) expect(at(wrong), String(wrong)).not.toEqual([]);
    expect(at(undefined)).toEqual(['expectedVersion:required']);
  });

  it('lets a refusal reason run to 4000 characters, and any other reason to 2000', () => {
    expect(refusal(Decision, { ...least.refuse, type: 'refuse', expectedVersion: 1, reason: 'x'.repeat(4000) })).toEqual([]);
    expect(refusal(Decision, { ...least.refuse, type: 'refuse', expectedVersion: 1, reason: 'x'.repeat(4001) })).toEqual(['reason:too_long']);
    expect(refusal(Decision, { type: 'review', expectedVersion: 1, reason: 'x'.repeat(2000) })).toEqual([]);
    expect(refusal(Decision, { type: 'review', expectedVersion: 1, reason: 'x'.repeat(2001) })).toEqual(['reason:too_long']);
  });

  it('is refused for an unknown type, listing the types', () => {
    const [problem] = refusal(Decision, { type: 'approve', expectedVersion: 1 });
    expect(problem).toMatch(/^type:invalid_choice/);
  });
});

describe("the applicant's and staff's other moves", () => {
  it('withdraws with the version seen and an optional reason', () => {
    expect(refusal(Withdrawal, { expectedVersion: 3 })).toEqual([]);
    expect(refusal(Withdrawal, { expectedVersion: 3, reason: 'Vairs nevajag.' })).toEqual([]);
    expect(refusal(Withdrawal, {})).toEqual(['expectedVersion:required']);
  });

  it('confirms a representative against the version seen, and nothing else', () => {
    expect(refusal(RepresentativeConfirmation, { expectedVersion: 3 })).toEqual([]);
    expect(refusal(RepresentativeConfirmation, {})).toEqual(['expectedVersion:required']);
    expect(refusal(RepresentativeConfirmation, { expectedVersion: 3, confirmed: true })).toEqual(['confirmed:unknown_field']);
  });

  it('reports documents sent by each channel, or as a checked upload', () => {
    for (const sentBy of ['email', 'post', 'in-person', 'latvija-lv']) {
      expect(refusal(DocumentsSubmitted, { expectedVersion: 1, documents: [{ name: 'Izziņa', sentBy }] }), sentBy).toEqual([]);
    }
    expect(refusal(DocumentsSubmitted, { expectedVersion: 1, documents: [{ name: 'Izziņa', number: 'Nr. 12', sentBy: 'post' }] })).toEqual([]);
    expect(refusal(DocumentsSubmitted, { expectedVersion: 1, documents: [{ sentBy: 'upload', uploadId: id }] })).toEqual([]);
    expect(refusal(DocumentsSubmitted, { expectedVersion: 1, documents: [{ sentBy: 'upload' }] })).toEqual(['documents.0.uploadId:required']);
    expect(refusal(DocumentsSubmitted, { expectedVersion: 1, documents: [{ sentBy: 'post' }] })).toEqual(['documents.0.name:required']);
    expect(refusal(DocumentsSubmitted, { expectedVersion: 1, documents: [{ name: 'Izziņa', sentBy: 'fax' }] })[0]).toMatch(/invalid_choice/);
    expect(refusal(DocumentsSubmitted, { expectedVersion: 1, documents: [] })).toEqual(['documents:too_few']);
  });
});

describe('drafts', () => {
  it('start for a known service, with a track id of lowercase letters, digits and hyphens', () => {
    expect(refusal(NewDraft, { serviceId: 'driving-training' })).toEqual([]);
    expect(refusal(NewDraft, { serviceId: 'driving-training', track: 'category-b' })).toEqual([]);
    expect(refusal(NewDraft, { serviceId: 'driving-training', track: 'Category B' })).toEqual(['track:unknown_track']);
    expect(refusal(NewDraft, { serviceId: 'driving-training', track: 'x'.repeat(65) })).toEqual(['track:unknown_track']);
    expect(refusal(NewDraft, { serviceId: 'space-travel' })[0]).toMatch(/^serviceId:invalid_choice/);
  });

  it('keep any other member of the form when saved, for the form to judge, but always name their service', () => {
    expect(DraftContent.parse({ serviceId: 'driving-training', applicant: { phone: '2' } })).toEqual({ serviceId: 'driving-training', applicant: { phone: '2' } });
    expect(refusal(DraftContent, { applicant: {} })[0]).toMatch(/^serviceId:invalid_choice/);
    expect(refusal(DraftContent, { serviceId: 'driving-training', track: 'Category B' })).toEqual(['track:unknown_track']);
  });

  it('name an upload of a draft by two UUIDs', () => {
    expect(refusal(DraftUploadPath, { id, uploadId: id })).toEqual([]);
    expect(refusal(DraftUploadPath, { id })).toEqual(['uploadId:required']);
    expect(refusal(DraftUploadPath, { id, uploadId: id, extra: 'x' })).toEqual(['extra:unknown_field']);
  });

  it('are named by a UUID in their path', () => {
    expect(refusal(DraftIdPath, { id })).toEqual([]);
    expect(refusal(DraftIdPath, { id: 'draft-1' })).toEqual(['id:invalid_uuid']);
  });

  it('read the version from If-Match as an ETag, weak or bare, and nothing else', () => {
    expect(draftETag(3)).toBe('"3"');
    expect(draftVersionOf(draftETag(3))).toBe(3);
    expect(draftVersionOf('7')).toBe(7);
    expect(draftVersionOf(' W/"12" ')).toBe(12);
    expect(draftVersionOf('"999999999"')).toBe(999_999_999);
    for (const wrong of ['"0"', '"1000000000"', '*', '"3", "4"', 'x"3"', '"3"x', '', 'W/']) expect(draftVersionOf(wrong), wrong).toBeUndefined();
  });
});

describe('an upload', () => {
  const request = { documentType: 'disability-certificate', fileName: 'apliecība.pdf', contentType: 'application/pdf', size: 1 };
  const refused = (change: Record<string, unknown>): MessageCode | undefined =>
    refusal(UploadRequest, { ...request, ...change })[0]?.split(':')[1] as MessageCode | undefined;

  it('declares a document type of the registry or "other", a content type the agency reads, and 1 byte to 10 MB', () => {
    expect(refusal(UploadRequest, request)).toEqual([]);
    expect(documentTypes).toContain('other');
    expect(refused({ documentType: 'other' })).toBeUndefined();
    expect(refused({ size: uploadLimits.fileBytes })).toBeUndefined();
    expect(refused({ size: uploadLimits.fileBytes + 1 })).toBe('file_too_large');
    expect(refused({ size: 0 })).toBeDefined();
    expect(refused({ size: 1.5 })).toBeDefined();
    // docs/documents.md: PDF, JPEG, PNG, HEIC/HEIF, DOCX, ODT and eDoc (ASiC-E) are read by the agency.
    const readable = [
      'application/pdf',
      'image/jpeg',
      'image/png',
      'image/heic',
      'image/heif',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.etsi.asic-e+zip',
      'application/x-edoc',
    ];
    expect([...acceptedContentTypes].sort()).toEqual([...readable].sort());
    for (const contentType of readable) expect(refused({ contentType }), contentType).toBeUndefined();
    expect(refused({ contentType: 'application/x-msdownload' })).toBe('invalid_choice');
  });

  it('names its file without folders', () => {
    expect(refused({ fileName: '../etc/passwd' })).toBe('file_name');
    expect(refused({ fileName: 'C:\\docs\\a.pdf' })).toBe('file_name');
    expect(refused({ fileName: 'x'.repeat(201) })).toBe('too_long');
  });

  it('is named in paths by UUIDs', () => {
    expect(refusal(UploadPath, { id, uploadId: id })).toEqual([]);
    expect(refusal(UploadPath, { id, uploadId: 'u-1' })).toEqual(['uploadId:invalid_uuid']);
    expect(refusal(AttachmentPath, { id, attachmentId: id })).toEqual([]);
    expect(refusal(AttachmentPath, { id: 'a', attachmentId: id })).toEqual(['id:invalid_uuid']);
  });
});

describe('the service registry lookups', () => {
  it('list the tracks of a service, and find a track only in its own service', () => {
    expect(trackIds('driving-training')).toEqual(['category-b']);
    expect(trackInfo('driving-training', 'category-b')?.name.en).toEqual(expect.any(String));
    expect(trackInfo('vehicle-adaptation', 'category-b')).toBeUndefined();
  });

  it('list the services each kind of filer may use', () => {
    expect(servicesFiledBy('armed-forces')).toEqual(['social-rehabilitation']);
    expect(servicesFiledBy('citizen')).not.toContain('coordinated-services');
    expect(servicesFiledBy('social-service')).toContain('coordinated-services');
    for (const service of servicesFiledBy('nva')) expect(serviceIds).toContain(service);
  });
});
