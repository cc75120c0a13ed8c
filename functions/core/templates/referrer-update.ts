/**
 * The referring officer's e-mail about a change (Latvian). Names the referral and the reference, the service,
 * track, new status and date (and the deadline when documents are asked for), never the client or the decision's
 * reasons, which may hold health data: those are in the staff workspace.
 */
import type { Application } from '../model';
import { calendarDate, formatInstant } from './date-formats';
import { textField } from './decision-document';
import type { Email } from './html';
import { applicationFacts, referrerEmail, type Fact } from './parts';
import { changeDate, resolve, type ApplicantChange } from './status-change';
import { lv } from './wording/lv';
import { staffWording } from './wording/staff';

/** Throws a TypeError when the application has no referral. */
export const referrerUpdate = (application: Application, change: ApplicantChange, staffPortalUrl: string): Email => {
  const referral = application.referral;
  if (!referral) throw new TypeError('referrerUpdate needs an application that came by referral');
  const copy = staffWording.referrerUpdate;
  const { situation, to, decision } = resolve(change);
  const status = lv.statusNames[to];
  const deadline = situation === 'request-documents' && decision ? textField(decision.document, 'deadline') : undefined;
  const facts: Fact[] = [
    [staffWording.labels.referralNumber, referral.number],
    ...applicationFacts(application, 'lv', staffWording.labels.sivaReference),
    [lv.labels.status, status],
    [change.kind === 'decision' ? lv.labels.decisionDate : lv.labels.date, formatInstant(changeDate(change), 'instant-date', 'lv')],
  ];
  if (deadline) facts.push([lv.labels.deadline, calendarDate(deadline, 'lv')]);
  return referrerEmail(
    application,
    referral,
    staffPortalUrl,
    copy.subject(referral.number, application.reference, status),
    [
      { kind: 'paragraph', text: copy.intro },
      { kind: 'facts', items: facts },
      { kind: 'heading', text: copy.nextHeading },
      { kind: 'steps', items: copy.nextSteps },
    ],
    [{ kind: 'paragraph', text: copy.noPersonalData }],
  );
};
