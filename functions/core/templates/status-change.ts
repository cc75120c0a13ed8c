/**
 * What happened to an application after submission, as the notifier hands it to the update e-mails
 * (applicant-update.ts, referrer-update.ts, agency-documents-alert.ts).
 */
import type { ApplicationStatus } from '../../../schemas/lifecycle';
import type { DecisionRecord } from '../model';
import type { Situation } from './wording/types';

export type StatusChange = ApplicantChange | DocumentsSentChange | DocumentsAddedChange;

/**
 * A change the applicant and a referring officer are e-mailed about. Documents the applicant sent are not one: they
 * did that themself and see it in the portal at once; only the agency's inbox hears of it (`agencyDocumentsAlert`).
 */
export interface ApplicantChange extends ChangeFacts {
  readonly kind: 'decision' | 'withdrawn';
}

export interface DocumentsSentChange extends ChangeFacts {
  readonly kind: 'documents_submitted';
}

/** Documents sent before the agency asked for any (the referral document at filing): the status stays as it was. */
export interface DocumentsAddedChange extends ChangeFacts {
  readonly kind: 'documents_added';
  /** The application's status when they were added (submitted or registered). */
  readonly status: ApplicationStatus;
}

interface ChangeFacts {
  /** Required when `kind` is `decision`. */
  readonly decision?: DecisionRecord;
  /** When it happened (ISO instant). */
  readonly at: string;
  /** The application's place in its queue, when known; shown to the applicant only, and only when the new status is `queued`. */
  readonly queuePosition?: number;
}

/** The situation a change describes and the status it leads to. Throws a TypeError for a decision without its record. */
export const resolve = (change: ApplicantChange): { situation: Situation; to: ApplicationStatus; decision?: DecisionRecord } => {
  switch (change.kind) {
    case 'decision':
      if (!change.decision) throw new TypeError('A decision change needs its decision record');
      return { situation: change.decision.type, to: change.decision.to, decision: change.decision };
    case 'withdrawn':
      return { situation: 'withdrawn', to: 'withdrawn' };
  }
};

/** The date of the change: the decision's own date when there is one. */
export const changeDate = (change: StatusChange) => change.decision?.at ?? change.at;
