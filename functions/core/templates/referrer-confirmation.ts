/**
 * The referring officer's confirmation (Latvian, the officers' working language). It names the referral and the
 * reference, not the client: the officer knows whom they referred, and the e-mail need not carry it.
 */
import type { Application } from '../model';
import { formatInstant } from './date-formats';
import type { Email } from './html';
import { applicationFacts, referrerEmail } from './parts';
import { lv } from './wording/lv';
import { staffWording } from './wording/staff';

/** Throws a TypeError when the application has no referral. */
export const referrerConfirmation = (application: Application, staffPortalUrl: string): Email => {
  const referral = application.referral;
  if (!referral) throw new TypeError('referrerConfirmation needs an application that came by referral');
  const copy = staffWording.referrerConfirmation;
  const labels = staffWording.labels;
  return referrerEmail(application, referral, staffPortalUrl, copy.subject(referral.number, application.reference), [
    { kind: 'paragraph', text: copy.intro },
    {
      kind: 'facts',
      items: [
        [labels.referralNumber, referral.number],
        [labels.referralDate, referral.date],
        ...applicationFacts(application, 'lv', labels.sivaReference),
        [lv.labels.received, formatInstant(application.submittedAt, 'instant-date-time', 'lv')],
      ],
    },
    { kind: 'heading', text: copy.nextHeading },
    { kind: 'steps', items: copy.nextSteps },
  ]);
};
