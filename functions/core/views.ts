/**
 * What callers read of an application: the person it concerns and the
 * officer who referred it see the same facts; the list shows one line each.
 */
import type { ApplicationRecord } from './applications';
import { earlyInterventionWindowClosesOn } from './eligibility';
import type { Application } from './model';
import type { EligibilityRules } from './rules';

/** Deadlines the applicant should see: the early-intervention window runs from the acute event. */
const windows = (application: Application, rules: EligibilityRules) => {
  const acute = application.evidence.acuteEventDate;
  return application.serviceId === 'early-intervention' && typeof acute === 'string'
    ? { earlyInterventionWindow: { from: acute, closesOn: earlyInterventionWindowClosesOn(acute, rules) } }
    : {};
};

export const applicationView = ({ application, timeline }: ApplicationRecord, rules: EligibilityRules) => ({
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
  timeline: timeline.map(({ id, type, at, status, details }) => ({ id, type, at, status, details })),
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
  submittedAt: application.submittedAt,
  updatedAt: application.updatedAt,
});

/** One line of an organisation's referral list: the officer works with the client by name. */
export const referralSummary = (application: Application) => ({
  ...applicationSummary(application),
  client: { givenName: application.applicant.givenName, familyName: application.applicant.familyName },
  referral: { number: application.referral?.number, date: application.referral?.date, officerName: application.referral?.officerName },
});
