/**
 * Use cases of a citizen's own applications: submit, read one, list. Pure
 * orchestration: storage, clock and ids are passed in.
 */
import type { ApplicationSubmission } from '../../schemas/application';
import { violation, type Violation } from '../../schemas/messages';
import { notEligible, notFound } from './errors';
import { socialRehabilitationViolations } from './eligibility';
import { rigaDate } from './dates';
import type { Application, NotificationRecord, Principal, TimelineEvent } from './model';
import type { EligibilityRules } from './rules';

export type CitizenPrincipal = Extract<Principal, { role: 'citizen' }>;

export interface ApplicationRecord {
  readonly application: Application;
  readonly timeline: readonly TimelineEvent[];
  readonly notifications: readonly NotificationRecord[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export interface ApplicationStore {
  /** The next number of the year's reference sequence (atomic, never reused). */
  nextReferenceNumber(year: string): Promise<number>;
  /** Stores the application and its first timeline event together, or neither. */
  insertSubmitted(application: Application, event: TimelineEvent): Promise<void>;
  findWithTimeline(id: string): Promise<ApplicationRecord | undefined>;
  listByOwner(ownerSubject: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
}

export interface ApplicationDeps {
  readonly store: ApplicationStore;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly rules: EligibilityRules;
  readonly referencePrefix: string;
}

export const formatReference = (prefix: string, year: string, sequence: number): string =>
  `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;

export const timelineEventId = (at: string, random: string): string => `${at}#${random.slice(0, 8)}`;

const normalisedCode = (code: string) => code.replace('-', '');

/**
 * Who the application is for. Applying for oneself, identity comes from the
 * verified token, never from the form; a representative names the person
 * represented and is recorded from their own token.
 */
const identify = (principal: CitizenPrincipal, form: ApplicationSubmission) => {
  const { applicant, representative } = form;
  const violations: Violation[] = [];
  if (!representative) {
    if (applicant.personalCode && normalisedCode(applicant.personalCode) !== principal.personalCode) {
      violations.push(violation(['applicant', 'personalCode'], 'not_own_personal_code'));
    }
    return {
      violations,
      personalCode: principal.personalCode,
      givenName: principal.givenName,
      familyName: principal.familyName,
    };
  }
  if (!applicant.personalCode) violations.push(violation(['applicant', 'personalCode'], 'represented_person_code_required'));
  if (!applicant.givenName) violations.push(violation(['applicant', 'givenName'], 'required'));
  if (!applicant.familyName) violations.push(violation(['applicant', 'familyName'], 'required'));
  const personalCode = applicant.personalCode ? normalisedCode(applicant.personalCode) : '';
  return { violations, personalCode, givenName: applicant.givenName ?? '', familyName: applicant.familyName ?? '' };
};

export const submitApplication = async (
  deps: ApplicationDeps,
  principal: CitizenPrincipal,
  form: ApplicationSubmission,
): Promise<Application> => {
  const now = deps.clock();
  const today = rigaDate(now);
  const identity = identify(principal, form);
  if (identity.violations.length > 0) throw notEligible(identity.violations);

  const violations = socialRehabilitationViolations({ form, personalCode: identity.personalCode, today, rules: deps.rules });
  if (violations.length > 0) throw notEligible(violations);

  const year = today.slice(0, 4);
  const sequence = await deps.store.nextReferenceNumber(year);
  const at = now.toISOString();
  const application: Application = {
    id: deps.newId(),
    reference: formatReference(deps.referencePrefix, year, sequence),
    serviceId: form.serviceId,
    track: form.track,
    status: 'submitted',
    version: 1,
    channel: form.representative ? 'representative' : 'self',
    ownerSubject: principal.subject,
    applicant: {
      ...form.applicant,
      personalCode: identity.personalCode,
      givenName: identity.givenName,
      familyName: identity.familyName,
    },
    ...(form.representative && {
      representative: {
        ...form.representative,
        personalCode: principal.personalCode,
        givenName: principal.givenName,
        familyName: principal.familyName,
      },
    }),
    evidence: form.evidence,
    language: form.applicant.language,
    submittedAt: at,
    updatedAt: at,
  };
  const event: TimelineEvent = {
    applicationId: application.id,
    id: timelineEventId(at, deps.newId()),
    type: 'submitted',
    at,
    actor: { role: 'citizen', subject: principal.subject },
    status: 'submitted',
    details: { channel: application.channel },
  };
  await deps.store.insertSubmitted(application, event);
  return application;
};

/** The caller's own application; anyone else's is indistinguishable from a missing one. */
export const getOwnApplication = async (
  deps: Pick<ApplicationDeps, 'store'>,
  principal: CitizenPrincipal,
  id: string,
): Promise<ApplicationRecord> => {
  const record = await deps.store.findWithTimeline(id);
  if (!record || record.application.ownerSubject !== principal.subject) throw notFound();
  return record;
};

export const listOwnApplications = (
  deps: Pick<ApplicationDeps, 'store'>,
  principal: CitizenPrincipal,
  page: { limit: number; cursor?: string },
): Promise<Page<Application>> => deps.store.listByOwner(principal.subject, page);

/** What an applicant sees of one application. */
export const applicationView = ({ application, timeline }: ApplicationRecord) => ({
  id: application.id,
  reference: application.reference,
  serviceId: application.serviceId,
  track: application.track,
  status: application.status,
  channel: application.channel,
  submittedAt: application.submittedAt,
  updatedAt: application.updatedAt,
  applicant: application.applicant,
  ...(application.representative && { representative: application.representative }),
  evidence: application.evidence,
  timeline: timeline.map(({ id, type, at, status, details }) => ({ id, type, at, status, details })),
});

/** One line of the applicant's list. */
export const applicationSummary = (application: Application) => ({
  id: application.id,
  reference: application.reference,
  serviceId: application.serviceId,
  track: application.track,
  status: application.status,
  submittedAt: application.submittedAt,
  updatedAt: application.updatedAt,
});
