/**
 * A person's own data, as one JSON document (GDPR Art. 15 access, Art. 20 portability): every application,
 * referral and representative filing about them, with timelines, decisions, the e-mails sent to them and
 * the documents attached; nothing about anyone else (docs/retention.md, "A person's own data").
 * Plain (non-strict) objects: readers must tolerate members added later.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { ApplicationId, ApplicationStatus } from './lifecycle';
import { IsoDate } from './calendar';
import { serviceIds } from './services';

const Timestamp = builtOnFirstUse(() => z.iso.datetime());

/** Query of `GET /me/data`: `download=true` answers the same document as a file to save. */
export const MyDataQuery = builtOnFirstUse(() => z.strictObject({ download: z.optional(z.enum(['true'])) }));
export type MyDataQuery = z.infer<typeof MyDataQuery>;

const ExportedApplication = builtOnFirstUse(() => z.object({
  id: ApplicationId,
  reference: z.string(),
  serviceId: z.enum(serviceIds),
  track: z.string(),
  status: ApplicationStatus,
  /** Who filed it: the person, a representative, or an organisation by referral. */
  channel: z.enum(['self', 'representative', 'referral']),
  submittedAt: Timestamp,
  updatedAt: Timestamp,
  closedAt: z.optional(Timestamp),
  /** The date until which the agency keeps the file (its file plan). */
  retainUntil: z.optional(IsoDate),
  /** The person as filed: name, code, birth date, address, contacts. */
  applicant: z.record(z.string(), z.unknown()),
  evidence: z.record(z.string(), z.unknown()),
  /** Who represented the person and under which document (not the representative's own code or contacts). */
  representative: z.optional(z.object({ kind: z.string(), document: z.unknown(), givenName: z.string(), familyName: z.string() })),
  /** The referral document (the organisation, its number and date; not the officer's contacts). */
  referral: z.optional(z.object({ kind: z.string(), organisation: z.string(), number: z.string(), date: IsoDate })),
  decisions: z.array(z.looseObject({ type: z.string(), at: Timestamp, from: ApplicationStatus, to: ApplicationStatus })),
  timeline: z.array(z.object({ type: z.string(), at: Timestamp, status: z.optional(ApplicationStatus), details: z.optional(z.record(z.string(), z.unknown())) })),
  /** The e-mails sent to the person about it (not those to the agency or the referring officer). */
  notifications: z.array(z.object({ kind: z.string(), state: z.string(), updatedAt: Timestamp })),
  /** The documents attached to it. */
  documents: z.array(
    z.object({ id: z.string(), documentType: z.string(), fileName: z.string(), contentType: z.string(), size: z.int(), attachedAt: Timestamp }),
  ),
}));

export const PersonalDataExport = builtOnFirstUse(() => z.object({
  generatedAt: Timestamp,
  person: z.object({ personalCode: z.string(), givenName: z.optional(z.string()), familyName: z.optional(z.string()) }),
  applications: z.array(ExportedApplication),
  /** When the agency produced this export for a request on paper (who did is in the agency's audit). */
  exportsByAgency: z.array(z.object({ at: Timestamp })),
}));
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;
