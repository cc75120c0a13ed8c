/**
 * A person's own data as one document (functions/core/personal-data.ts, docs/retention.md): everything filed about
 * them and what became of it, nothing about anyone else (not a representative's code or contacts, not an officer's,
 * not staff accounts); the archivist's export for a request on paper is audited first and shown to the person.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationRecord, CitizenPrincipal } from '../../functions/core/applications/types';
import type { Application, NotificationRecord } from '../../functions/core/model';
import { exportOwnData, exportPersonData, type DataExportAudit, type PersonalDataDeps } from '../../functions/core/personal-data';
import type { Attachment } from '../../functions/core/uploads';

const marta: CitizenPrincipal = { role: 'citizen', subject: 'eid-marta', personalCode: '16117519997', givenName: 'Marta', familyName: 'Ozola' };

const applicant = {
  personalCode: '16117519997',
  givenName: 'Marta',
  familyName: 'Ozola',
  dateOfBirth: '1975-11-16',
  address: { municipality: 'riga' as const, line: 'Tērbatas iela 1' },
  phone: '+37120000000',
  email: 'marta@example.lv',
  language: 'lv' as const,
  contactChannel: 'email' as const,
} satisfies Application['applicant'];

const base: Application = {
  id: 'app-1',
  reference: 'SIVA-2026-000001',
  serviceId: 'social-rehabilitation',
  track: 'functional-impairment',
  status: 'refused',
  version: 4,
  channel: 'representative',
  ownerSubject: 'eid-ilze',
  personKey: 'key-16117519997',
  applicant,
  representative: {
    kind: 'authorised-person',
    document: { type: 'power-of-attorney', number: 'PA-1', issuedOn: '2026-01-01' },
    personalCode: '38123456789',
    givenName: 'Ilze',
    familyName: 'Ozola',
  },
  referral: { kind: 'social-service', organisation: 'jurmala', officerSubject: 'eid-officer', officerName: 'Dace Liepa', officerEmail: 'dace@jurmala.lv', number: 'N-1', date: '2026-10-01', clientConsent: true },
  evidence: { disabilityGroup: 'II' },
  language: 'lv',
  submittedAt: '2026-10-02T08:00:00.000Z',
  updatedAt: '2026-10-09T08:00:00.000Z',
  closedAt: '2026-10-09T08:00:00.000Z',
  retainUntil: '2036-12-31',
};

const notification = (kind: NotificationRecord['kind']): NotificationRecord => ({
  applicationId: 'app-1',
  eventId: 'e-1',
  kind,
  state: 'sent',
  deliveries: 0,
  updatedAt: '2026-10-02T08:01:00.000Z',
  messageId: 'ses-1',
});

const record: ApplicationRecord = {
  application: base,
  timeline: [
    { applicationId: 'app-1', id: 'e-1', type: 'submitted', at: '2026-10-02T08:00:00.000Z', actor: { role: 'citizen', subject: 'eid-ilze' }, status: 'submitted', details: { channel: 'representative' } },
    { applicationId: 'app-1', id: 'e-2', type: 'viewed_by_staff', at: '2026-10-03T08:00:00.000Z', actor: { role: 'staff', subject: 'staff-liga' } },
  ],
  decisions: [
    {
      applicationId: 'app-1',
      eventId: 'e-3',
      type: 'refuse',
      at: '2026-10-09T08:00:00.000Z',
      author: { subject: 'staff-liga', name: 'Līga Kalna' },
      from: 'registered',
      to: 'refused',
      document: { reason: 'Neatbilst', appeal: 'Direktoram' },
    },
  ],
  notifications: [notification('applicant-confirmation'), notification('agency-alert'), notification('referrer-update'), notification('applicant-update')],
};

const attachment: Attachment = {
  applicationId: 'app-1',
  id: 'u-1',
  documentType: 'other',
  fileName: 'atzinums.pdf',
  contentType: 'application/pdf',
  size: 1200,
  sha256: 'ab',
  evidenceKey: 'evidence/u-1',
  uploader: { role: 'citizen', subject: 'eid-ilze' },
  attachedAt: '2026-10-04T08:00:00.000Z',
  eventId: 'e-4',
};

const setup = (applications: Application[], records: Record<string, ApplicationRecord> = { 'app-1': record }) => {
  const audits: DataExportAudit[] = [{ id: 'x-0', personKey: 'key-16117519997', at: '2026-09-01T08:00:00.000Z', by: { role: 'archivist', subject: 'arch-1', name: 'A' } }];
  const steps: string[] = [];
  const deps: PersonalDataDeps = {
    store: {
      listAboutPerson: async (personKey) => {
        steps.push(`list ${personKey}`);
        return applications.filter((application) => application.personKey === personKey);
      },
      findWithTimeline: async (id) => records[id],
      listAttachments: async (id) => (id === 'app-1' ? [attachment] : []),
      recordExport: async (audit) => {
        steps.push('audit');
        audits.push(audit);
      },
      listExports: async (personKey) => audits.filter((audit) => audit.personKey === personKey),
    },
    personKey: async (code) => `key-${code}`,
    clock: () => new Date('2026-11-20T10:00:00.000Z'),
    newId: () => 'x-1',
  };
  return { deps, audits, steps };
};

const expectedApplication = {
  id: 'app-1',
  reference: 'SIVA-2026-000001',
  serviceId: 'social-rehabilitation',
  track: 'functional-impairment',
  status: 'refused',
  version: 4,
  submittedAt: '2026-10-02T08:00:00.000Z',
  updatedAt: '2026-10-09T08:00:00.000Z',
  channel: 'representative',
  closedAt: '2026-10-09T08:00:00.000Z',
  retainUntil: '2036-12-31',
  applicant,
  evidence: { disabilityGroup: 'II' },
  representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-1', issuedOn: '2026-01-01' }, givenName: 'Ilze', familyName: 'Ozola' },
  referral: { kind: 'social-service', organisation: 'jurmala', number: 'N-1', date: '2026-10-01' },
  decisions: [{ reason: 'Neatbilst', appeal: 'Direktoram', type: 'refuse', at: '2026-10-09T08:00:00.000Z', from: 'registered', to: 'refused' }],
  timeline: [
    { type: 'submitted', at: '2026-10-02T08:00:00.000Z', status: 'submitted', details: { channel: 'representative' } },
    { type: 'viewed_by_staff', at: '2026-10-03T08:00:00.000Z' },
  ],
  notifications: [
    { kind: 'applicant-confirmation', state: 'sent', updatedAt: '2026-10-02T08:01:00.000Z' },
    { kind: 'applicant-update', state: 'sent', updatedAt: '2026-10-02T08:01:00.000Z' },
  ],
  documents: [{ id: 'u-1', documentType: 'other', fileName: 'atzinums.pdf', contentType: 'application/pdf', size: 1200, attachedAt: '2026-10-04T08:00:00.000Z' }],
};

describe('a person’s own export', () => {
  it('holds what is filed about them and what happened, without anyone else’s codes, contacts or accounts', async () => {
    const { deps } = setup([base]);
    const exported = await exportOwnData(deps, marta);
    expect(exported).toEqual({
      generatedAt: '2026-11-20T10:00:00.000Z',
      person: { personalCode: '16117519997', givenName: 'Marta', familyName: 'Ozola' },
      applications: [expectedApplication],
      exportsByAgency: [{ at: '2026-09-01T08:00:00.000Z' }],
    });
    const text = JSON.stringify(exported);
    for (const other of ['38123456789', 'eid-ilze', 'eid-officer', 'dace@jurmala.lv', 'Dace Liepa', 'staff-liga', 'Līga Kalna', 'ses-1', 'evidence/u-1']) expect(text).not.toContain(other);
  });

  it('leaves out a filing under their code that names someone else, and one destroyed since it was listed', async () => {
    const stranger = { ...base, id: 'app-2', applicant: { ...applicant, givenName: 'Kārlis' } };
    const destroyed = { ...base, id: 'app-3' };
    const { deps } = setup([base, stranger, destroyed], { 'app-1': record, 'app-2': { ...record, application: stranger } });
    expect((await exportOwnData(deps, marta)).applications.map((application) => application.id)).toEqual(['app-1']);
  });

  it('an open application has no closing dates, no representative, no referral, no decisions yet', async () => {
    const { representative: _r, referral: _f, closedAt: _c, retainUntil: _u, ...open } = base;
    const opened = { ...open, channel: 'self' as const, ownerSubject: 'eid-marta', status: 'submitted' as const };
    const { deps } = setup([opened], { 'app-1': { application: opened, timeline: [], decisions: [], notifications: [] } });
    const [only] = (await exportOwnData(deps, marta)).applications;
    expect(only).toEqual({
      ...expectedApplication,
      status: 'submitted',
      channel: 'self',
      closedAt: undefined,
      retainUntil: undefined,
      representative: undefined,
      referral: undefined,
      decisions: [],
      timeline: [],
      notifications: [],
    });
    for (const absent of ['closedAt', 'retainUntil', 'representative', 'referral']) expect(only).not.toHaveProperty(absent);
  });
});

describe('the archivist’s export for a request on paper', () => {
  const archivist = { role: 'archivist' as const, subject: 'arch-2', name: 'Aija Arhīve', services: [] };

  it('is recorded before it is read, finds the code with or without its hyphen, and shows the person only the code', async () => {
    const typed = { ...base, id: 'app-9', applicant: { ...applicant, personalCode: '161175-19997' } };
    const { deps, audits, steps } = setup([base, typed], { 'app-1': record, 'app-9': { ...record, application: typed } });
    const exported = await exportPersonData(deps, archivist, '161175-19997');
    expect(steps).toEqual(['list key-16117519997', 'audit']);
    expect(audits.at(-1)).toEqual({ id: 'x-1', personKey: 'key-16117519997', at: '2026-11-20T10:00:00.000Z', by: { role: 'archivist', subject: 'arch-2', name: 'Aija Arhīve' } });
    expect(exported.person).toEqual({ personalCode: '16117519997' });
    expect(exported.applications.map((application) => application.id)).toEqual(['app-1']);
    expect(exported.exportsByAgency).toEqual([{ at: '2026-09-01T08:00:00.000Z' }, { at: '2026-11-20T10:00:00.000Z' }]);
  });

  it('answers “nothing is held” with an empty export, still recorded', async () => {
    const { deps, audits } = setup([]);
    const exported = await exportPersonData(deps, archivist, '32579461005');
    expect(exported.applications).toEqual([]);
    expect(audits.at(-1)?.personKey).toBe('key-32579461005');
  });

  it('takes a code it cannot check as it is', async () => {
    const { deps, audits } = setup([]);
    await exportPersonData(deps, archivist, '000000-00000');
    expect(audits.at(-1)?.personKey).toBe('key-000000-00000');
  });
});
