/**
 * The shape of the e-mails' wording in one language (lv.ts, en.ts). Both languages are typed by this one
 * interface, so a sentence added in one and forgotten in the other does not compile. Templates (one per file in
 * the folder above) hold the structure: which block comes where; the words live here, as data.
 *
 * Plain language on purpose: many readers have cognitive impairments, so one idea per sentence, real headings,
 * concrete steps, dates written out in words.
 */
import type { DecisionRecord } from '../../model';
import type { ApplicationStatus } from '../../../../schemas/lifecycle';

/** What a change is about: a decision of one type, or the applicant's withdrawal. */
export type Situation = DecisionRecord['type'] | 'withdrawn';

/** The facts of one change that the words depend on, already formatted. */
export interface Details {
  readonly deadline?: string;
  readonly documents: readonly string[];
  readonly urgent: boolean;
  readonly startsOn?: string;
  readonly until?: string;
  readonly roadMap: boolean;
  readonly queuePosition?: number;
}

/** What a change means to the applicant. */
export interface Explanation {
  /** What changed: one or two short sentences. */
  readonly changed: string;
  readonly means: readonly string[];
  readonly next: readonly string[];
}

export interface Wording {
  /** Every status in plain words, as a short phrase that reads after "Your application …:". */
  readonly statusNames: Readonly<Record<ApplicationStatus, string>>;
  /** Shared by every e-mail to the applicant. */
  readonly greeting: (name: string) => string;
  readonly followHeading: string;
  readonly followLink: string;
  readonly signature: string;
  /** The names of the facts listed in an e-mail to the applicant. */
  readonly labels: {
    readonly reference: string;
    readonly service: string;
    readonly track: string;
    readonly received: string;
    readonly status: string;
    readonly date: string;
    readonly decisionDate: string;
    readonly deadline: string;
    readonly queuePosition: string;
    readonly startsOn: string;
    readonly until: string;
    readonly startedOn: string;
    readonly completedOn: string;
  };
  /** The confirmation that a new application arrived. */
  readonly confirmation: {
    readonly subject: (reference: string) => string;
    readonly received: string;
    readonly receivedReferral: (organisation: string) => string;
    readonly nextHeading: string;
    readonly nextSteps: readonly string[];
    readonly quoteReference: string;
  };
  /** The update after a change of status. */
  readonly update: {
    readonly subject: (reference: string, status: string) => string;
    readonly changedHeading: string;
    readonly meansHeading: string;
    readonly nextHeading: string;
    readonly documentsHeading: string;
    readonly reasonHeading: string;
    readonly refusalReasonHeading: string;
    readonly appealHeading: string;
    readonly appealGeneral: string;
    readonly recommendationsHeading: string;
    readonly roadMapHeading: string;
    readonly roadMapIntro: string;
    readonly quoteReference: string;
    /** Per situation, what it means and what to do next, given the change's facts. */
    readonly situations: Readonly<Record<Situation, (details: Details) => Explanation>>;
  };
  /** The neutral notice sent instead on a special-category track (templates/neutral.ts). */
  readonly neutral: {
    readonly subject: (reference: string, own: boolean) => string;
    readonly greeting: string;
    readonly news: (reference: string) => string;
    readonly signIn: string;
    readonly why: string;
    readonly link: string;
  };
}
