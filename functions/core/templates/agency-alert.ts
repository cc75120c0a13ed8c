/** The agency's alert of a new application waiting to be registered (Latvian; reference, service, track, channel, date). */
import type { Application } from '../model';
import { serviceNames } from '../../../schemas/services';
import { formatInstant } from './date-formats';
import type { Email } from './html';
import { agencyEmail, applicationFacts } from './parts';
import { lv } from './wording/lv';
import { staffWording } from './wording/staff';

export const agencyAlert = (application: Application, staffPortalUrl: string): Email =>
  agencyEmail(application, staffPortalUrl, staffWording.agencyAlert.subject(application.reference, serviceNames[application.serviceId].lv), [
    { kind: 'paragraph', text: staffWording.agencyAlert.intro },
    {
      kind: 'facts',
      items: [
        ...applicationFacts(application, 'lv'),
        [staffWording.labels.channel, staffWording.channelNames[application.channel]],
        [lv.labels.received, formatInstant(application.submittedAt, 'instant-date-time', 'lv')],
      ],
    },
  ]);
