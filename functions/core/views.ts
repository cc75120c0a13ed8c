/**
 * What callers read of an application: the person it concerns and the
 * officer who referred it see the same facts; the list shows one line each.
 */
import { citizenAccess } from './access';
import type { ApplicationRecord } from './applications/types';
import { earlyInterventionWindowClosesOn } from './eligibility';
import type { Application, PrincipalFor } from './model';
import type { EligibilityRules } from './rules';
import { decisionTypesFrom } from './lifecycle';

/** Deadlines the applicant should see: the early-intervention window runs from the acute event. */
const windows = (application: Application, rules: EligibilityRules) => {
  const acute = application.evidence.acuteEventDate;
  return application.serviceId === 'early-intervention' && typeof acute === 'string'
    ? { earlyInterventionWindow: { from: acute, closesOn: earlyInterventionWindowClosesOn(acute, rules) } }
    : {};
};

/** The queue place now and at admission, so the applicant sees how it has moved. */
const queueView = (application: Application, position: number | undefined) =>
  application.queue && position !== undefined
    ? {
        queue: {
          position,
          positionAtAdmission: application.queue.positionAtAdmission,
          movedUp: application.queue.positionAtAdmission - position,
          admittedAt: application.queue.admittedAt,
        },
      }
    : {};

/** Decisions as the letters they are: type, date, author's name and content (not the author's account id). */
const decisionsView = (decisions: ApplicationRecord['decisions']) =>
  decisions.map(({ eventId, type, at, author, from, to, document }) => ({ eventId, type, at, author: author.name, from, to, ...document }));

export const applicationView = ({ application, timeline, decisions }: ApplicationRecord, rules: EligibilityRules, position?: number) => ({
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
  ...(application.referral && { referral: referralFacts(application) }),
  evidence: application.evidence,
  ...windows(application, rules),
  version: application.version,
  ...queueView(application, position),
  decisions: decisionsView(decisions),
  timeline: timeline.map(({ id, type, at, status, details }) => ({ id, type, at, status, details })),
});

/** Staff's flags: a filing that met an open need, and the representative's confirmation. */
const staffFlags = (application: Application) => ({
  ...(application.possibleDuplicateOf && {
    possibleDuplicateOf: { id: application.possibleDuplicateOf, href: `/staff/applications/${application.possibleDuplicateOf}` },
  }),
  ...(application.channel === 'representative' && { representativeConfirmed: application.representativeConfirmed ?? null }),
});

/** What staff see: everything the applicant sees, who did what, the notifications and the decisions now possible. */
export const staffView = (record: ApplicationRecord, rules: EligibilityRules, position: number | undefined) => ({
  ...applicationView(record, rules, position),
  ...staffFlags(record.application),
  ...(record.application.referral && { referral: record.application.referral }),
  timeline: record.timeline.map(({ id, type, at, status, details, actor }) => ({ id, type, at, status, details, actor })),
  notifications: record.notifications.map(({ eventId, kind, state, deliveries, updatedAt, failure }) => ({
    eventId,
    kind,
    state,
    deliveries,
    updatedAt,
    ...(failure && { failure }),
  })),
  allowedDecisions: decisionTypesFrom(record.application.status),
});

/** The referral document's facts (not the officer's account id). */
const referralFacts = (application: Application) => {
  const { officerSubject: _subject, ...facts } = application.referral!;
  return facts;
};

/** One line of a citizen's list. */
export const applicationSummary = (application: Application) => ({
  id: application.id,
  reference: application.reference,
  serviceId: application.serviceId,
  track: application.track,
  status: application.status,
  version: application.version,
  submittedAt: application.submittedAt,
  updatedAt: application.updatedAt,
});

/** One line of a staff work list, with the flags staff act on. */
export const workSummary = (application: Application) => ({ ...applicationSummary(application), ...staffFlags(application) });

type Citizen = PrincipalFor<'citizen'>;

/**
 * What a representative whose authority staff have not confirmed reads back: what they filed, nothing
 * that happened since (status, decisions, timeline, queue), which is the represented person's (docs/access.md).
 */
const asFiled = (application: Application) => ({
  id: application.id,
  reference: application.reference,
  serviceId: application.serviceId,
  track: application.track,
  channel: application.channel,
  submittedAt: application.submittedAt,
  representation: 'awaiting-confirmation' as const,
});

/** GET /applications/{id} for a citizen: everything, or only what they filed (an unconfirmed representative). */
export const citizenView = (principal: Citizen, record: ApplicationRecord, rules: EligibilityRules, position?: number) => {
  if (citizenAccess(principal, record.application) === 'full') return applicationView(record, rules, position);
  const { application } = record;
  return {
    ...asFiled(application),
    applicant: application.applicant,
    ...(application.representative && { representative: application.representative }),
    evidence: application.evidence,
  };
};

/** One line of a citizen's list, marked by who filed it; an unconfirmed representative's line shows only what they filed. */
export const citizenSummary = (principal: Citizen, application: Application) => ({
  ...(citizenAccess(principal, application) === 'full' ? applicationSummary(application) : asFiled(application)),
  filedBy: application.channel,
});

/** One line of an organisation's referral list: the officer works with the client by name. */
export const referralSummary = (application: Application) => ({
  ...applicationSummary(application),
  client: { givenName: application.applicant.givenName, familyName: application.applicant.familyName },
  referral: { number: application.referral?.number, date: application.referral?.date, officerName: application.referral?.officerName },
});
