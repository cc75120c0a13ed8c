/**
 * The agency's alert (Latvian, to the service's inbox) that the applicant reports the documents asked for as
 * sent, or that documents were added before any request (the referral document at filing, docs/documents.md).
 * Reference, service, track, status, date and a staff link only.
 */
import { serviceNames } from '../../../schemas/services';
import type { Application } from '../model';
import { formatInstant } from './date-formats';
import type { Email } from './html';
import { agencyEmail, applicationFacts } from './parts';
import type { StatusChange } from './status-change';
import { lv } from './wording/lv';
import { staffWording } from './wording/staff';

/** Throws a TypeError for any other kind of change. */
export const agencyDocumentsAlert = (application: Application, change: StatusChange, staffPortalUrl: string): Email => {
  if (change.kind !== 'documents_submitted' && change.kind !== 'documents_added') {
    throw new TypeError(`agencyDocumentsAlert is for documents_submitted or documents_added, not ${change.kind}`);
  }
  const [copy, statusRow] =
    change.kind === 'documents_added'
      ? [staffWording.documentsAddedAlert, [staffWording.labels.unchangedStatus, lv.statusNames[change.status]] as const]
      : [staffWording.documentsAlert, [lv.labels.status, lv.statusNames.under_review] as const];
  return agencyEmail(application, staffPortalUrl, copy.subject(application.reference, serviceNames[application.serviceId].lv), [
    { kind: 'paragraph', text: copy.intro },
    {
      kind: 'facts',
      items: [
        ...applicationFacts(application, 'lv'),
        statusRow,
        [staffWording.labels.reported, formatInstant(change.at, 'instant-date-time', 'lv')],
      ],
    },
    { kind: 'heading', text: copy.nextHeading },
    { kind: 'steps', items: copy.nextSteps },
  ]);
};
