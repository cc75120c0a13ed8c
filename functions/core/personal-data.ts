/**
 * A person's own data (GDPR Art. 15 and 20; docs/retention.md): everything filed
 * about them, whoever filed it, with what happened to it, as one document. The
 * person asks for it signed in; the archivist produces it for a request on paper,
 * and that export is audited first. Nothing about anyone else goes in: not a
 * representative's own code or contacts, not an officer's, not staff accounts.
 * Pure orchestration: storage, key and clock are passed in.
 */
import type { PersonalDataExport } from '../../schemas/personal-data';
import { checkPersonalCode } from '../../schemas/personal-code';
import { isDataSubject } from './access';
import type { ApplicationRecord } from './applications/types';
import type { Application, NotificationKind, PrincipalFor } from './model';
import type { Attachment } from './uploads';
import { applicationSummary } from './views';

/** Who asked an export for a request on paper, and when: the audit (read back in every export of the person). */
export interface DataExportAudit {
  readonly id: string;
  readonly personKey: string;
  readonly at: string;
  readonly by: { readonly role: string; readonly subject: string; readonly name: string };
}

export interface PersonalDataStore {
  /** Every application filed about the person key (the person index), all pages. */
  listAboutPerson(personKey: string): Promise<Application[]>;
  findWithTimeline(id: string): Promise<ApplicationRecord | undefined>;
  listAttachments(applicationId: string): Promise<Attachment[]>;
  recordExport(audit: DataExportAudit): Promise<void>;
  listExports(personKey: string): Promise<DataExportAudit[]>;
}

export interface PersonalDataDeps {
  readonly store: PersonalDataStore;
  readonly personKey: (personalCode: string) => Promise<string>;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** The e-mails addressed to the person; those to the agency's inbox or the referring officer are not about them. */
const toThePerson: readonly NotificationKind[] = ['applicant-confirmation', 'applicant-update'];

const exportedApplication = ({ application, timeline, decisions, notifications }: ApplicationRecord, attachments: readonly Attachment[]) => {
  const { representative, referral } = application;
  return {
    ...applicationSummary(application),
    channel: application.channel,
    ...(application.closedAt && { closedAt: application.closedAt }),
    ...(application.retainUntil && { retainUntil: application.retainUntil }),
    applicant: application.applicant,
    evidence: application.evidence,
    ...(representative && {
      representative: { kind: representative.kind, document: representative.document, givenName: representative.givenName, familyName: representative.familyName },
    }),
    ...(referral && { referral: { kind: referral.kind, organisation: referral.organisation, number: referral.number, date: referral.date } }),
    decisions: decisions.map(({ type, at, from, to, document }) => ({ ...document, type, at, from, to })),
    timeline: timeline.map(({ type, at, status, details }) => ({ type, at, ...(status && { status }), ...(details && { details }) })),
    notifications: notifications.filter(({ kind }) => toThePerson.includes(kind)).map(({ kind, state, updatedAt }) => ({ kind, state, updatedAt })),
    documents: attachments.map(({ id, documentType, fileName, contentType, size, attachedAt }) => ({ id, documentType, fileName, contentType, size, attachedAt })),
  };
};

const exportOf = async (
  deps: PersonalDataDeps,
  person: PersonalDataExport['person'],
  personKey: string,
  applications: readonly Application[],
): Promise<PersonalDataExport> => {
  const exported = await Promise.all(
    applications.map(async (application) => {
      const [record, attachments] = await Promise.all([deps.store.findWithTimeline(application.id), deps.store.listAttachments(application.id)]);
      // Destroyed between the list and the read: nothing is held any more.
      return record ? [exportedApplication(record, attachments)] : [];
    }),
  );
  return {
    generatedAt: deps.clock().toISOString(),
    person,
    applications: exported.flat(),
    exportsByAgency: (await deps.store.listExports(personKey)).map(({ at }) => ({ at })),
  };
};

/**
 * GET /me/data: what is filed about the signed-in person: by personal code *and* eID name (and birth date),
 * as every read is (core/access.ts), so a filing naming a stranger under a mistyped code is not theirs.
 * What they filed for someone else, as a representative, is that person's, not theirs.
 */
export const exportOwnData = async (deps: PersonalDataDeps, principal: PrincipalFor<'citizen'>): Promise<PersonalDataExport> => {
  const personKey = await deps.personKey(principal.personalCode);
  const about = (await deps.store.listAboutPerson(personKey)).filter((application) => isDataSubject(principal, application));
  const person = { personalCode: principal.personalCode, givenName: principal.givenName, familyName: principal.familyName };
  return exportOf(deps, person, personKey, about);
};

/**
 * POST /staff/data-exports: the archivist answers a request made on paper (the person's identity checked
 * there). An empty export is the answer "nothing is held" (Art. 15 asks for that too). The export is recorded before it is produced (who, when, which person key); the person sees
 * when in their own export, the agency who in the audit partition (docs/retention.md).
 */
export const exportPersonData = async (
  deps: PersonalDataDeps,
  principal: PrincipalFor<'archivist'>,
  personalCode: string,
): Promise<PersonalDataExport> => {
  const checked = checkPersonalCode(personalCode);
  // The route's schema refused an invalid code; stored codes are normalised (no hyphen).
  const code = checked.valid ? checked.normalised : personalCode;
  const personKey = await deps.personKey(code);
  const about = (await deps.store.listAboutPerson(personKey)).filter((application) => application.applicant.personalCode === code);
  const at = deps.clock().toISOString();
  await deps.store.recordExport({ id: deps.newId(), personKey, at, by: { role: principal.role, subject: principal.subject, name: principal.name } });
  return exportOf(deps, { personalCode: code }, personKey, about);
};

/** The export as a file to save: a dated name, never the person's. */
export const exportDownloadHeaders = (generatedAt: string) => ({
  'content-disposition': `attachment; filename="siva-dati-${generatedAt.slice(0, 10)}.json"`,
});
