/** The applicant's confirmation that their application (or a referral about them) arrived, in their language. */
import { referrerNames } from '../../../schemas/services';
import type { Application } from '../model';
import { formatInstant } from './date-formats';
import type { Email } from './html';
import { applicantEmail, applicationFacts } from './parts';
import { wording } from './wording/languages';

export const applicantConfirmation = (application: Application, portalUrl: string): Email => {
  const language = application.language;
  const words = wording[language];
  const copy = words.confirmation;
  const { referral } = application;
  return applicantEmail(
    application,
    portalUrl,
    copy.subject(application.reference),
    [
      // "Municipal social service (jurmala)": the kind of organisation and which one.
      { kind: 'paragraph', text: referral ? copy.receivedReferral(`${referrerNames[referral.kind][language]} (${referral.organisation})`) : copy.received },
      {
        kind: 'facts',
        items: [...applicationFacts(application, language), [words.labels.received, formatInstant(application.submittedAt, 'instant-date-time', language)]],
      },
      { kind: 'heading', text: copy.nextHeading },
      { kind: 'steps', items: copy.nextSteps },
    ],
    copy.quoteReference,
  );
};
