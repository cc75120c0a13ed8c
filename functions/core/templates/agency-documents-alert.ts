/**
 * The agency's alert (Latvian, to the service's inbox) that the applicant reports the documents asked for as
 * sent. Reference, service, track, date and a staff link only.
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
  if (change.kind !== 'documents_submitted') throw new TypeError(`agencyDocumentsAlert is for documents_submitted, not ${change.kind}`);
  const copy = staffWording.documentsAlert;
  return agencyEmail(application, staffPortalUrl, copy.subject(application.reference, serviceNames[application.serviceId].lv), [
    { kind: 'paragraph', text: copy.intro },
    {
      kind: 'facts',
      items: [
        ...applicationFacts(application, 'lv'),
        [lv.labels.status, lv.statusNames.under_review],
        [staffWording.labels.reported, formatInstant(change.at, 'instant-date-time', 'lv')],
      ],
    },
    { kind: 'heading', text: copy.nextHeading },
    { kind: 'steps', items: copy.nextSteps },
  ]);
};
