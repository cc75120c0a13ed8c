/**
 * The notifier's planning and bookkeeping (functions/core/notifier.ts) beside tests/unit/notifier.test.ts (which
 * specifies sending once): which e-mails each event causes and to whom, a staff resend of one of them, a
 * dead-lettered event's e-mails recorded as failed, errors nobody classified, and the pauses between deliveries.
 */
import { describe, expect, it } from 'vitest';
import type { Application, DecisionRecord, NotificationRecord, TimelineEvent } from '../../functions/core/model';
import {
  MailError,
  notificationOutcome,
  notifyForEvent,
  plannedEmails,
  recordUndelivered,
  retryPauseMs,
  type Claim,
  type NotificationKey,
  type NotificationStore,
  type NotifierDeps,
  type OutgoingEmail,
} from '../../functions/core/notifier';
import { agencyDocumentsAlert } from '../../functions/core/templates/agency-documents-alert';
import { referrerConfirmation } from '../../functions/core/templates/referrer-confirmation';
import { referrerUpdate } from '../../functions/core/templates/referrer-update';
import { referredApplication } from '../support/email-fixtures';

/** A referral on a track whose e-mails name it, admitted to the queue at place 4. */
const application: Application = {
  ...referredApplication,
  id: 'app-1',
  track: 'functional-impairment',
  status: 'queued',
  referral: { ...referredApplication.referral!, officerEmail: 'dace@jurmala.lv' },
  queue: { priorityGroup: 2, admittedAt: '2026-11-23T10:00:00.000Z', positionAtAdmission: 4 },
};

const event = (type: TimelineEvent['type'], id = `2026-11-23T10:00:00.000Z#${type}`, details?: TimelineEvent['details']): TimelineEvent => ({
  applicationId: application.id,
  id,
  type,
  at: '2026-11-23T10:00:00.000Z',
  actor: { role: 'staff', subject: 'staff-1' },
  ...(details && { details }),
});

const admitted: DecisionRecord = {
  applicationId: application.id,
  eventId: event('decision').id,
  type: 'admit-to-queue',
  at: '2026-11-23T10:00:00.000Z',
  author: { subject: 'staff-1', name: 'Anna Liepa' },
  from: 'registered',
  to: 'queued',
  document: {},
};

const settings = {
  agencyInboxes: { 'social-rehabilitation': 'sr@siva.gov.lv' },
  portalUrl: 'https://e.siva.gov.lv',
  staffPortalUrl: 'https://darbs.siva.gov.lv',
  maxDeliveries: 3,
  retryBaseMs: 1000,
  sendLeaseMs: 60_000,
};

/** Markers by key, settled once; every claim succeeds unless the marker is settled. */
const storeOf = (overrides: Partial<NotificationStore> = {}) => {
  const markers = new Map<string, NotificationRecord>();
  const failed: { key: NotificationKey; failure: unknown; event: TimelineEvent; serviceId: string }[] = [];
  const loads: string[] = [];
  const keyOf = (key: NotificationKey) => `${key.eventId}|${key.kind}`;
  const store: NotificationStore = {
    loadApplication: async (id) => {
      loads.push(id);
      return id === application.id ? application : undefined;
    },
    loadEvent: async (_applicationId, eventId) => (eventId === event('decision').id ? event('decision') : undefined),
    loadDecision: async () => admitted,
    find: async (key) => markers.get(keyOf(key)),
    claim: async (key): Promise<Claim> => (markers.get(keyOf(key))?.state === 'sent' ? { outcome: 'settled' } : { outcome: 'claimed' }),
    recordSent: async (key, messageId) => {
      markers.set(keyOf(key), { ...key, state: 'sent', deliveries: 0, updatedAt: '', messageId });
      return true;
    },
    recordFailed: async (key, failure, failedEvent, serviceId) => {
      failed.push({ key, failure, event: failedEvent, serviceId });
      return true;
    },
    recordTemporaryFailure: async () => 1,
    ...overrides,
  };
  return { store, markers, failed, loads };
};

const depsOf = (store: NotificationStore, send: (email: OutgoingEmail) => Promise<string> = async () => 'msg-1') => {
  const sent: OutgoingEmail[] = [];
  const pauses: number[] = [];
  const deps: NotifierDeps = {
    store,
    mailer: {
      send: async (email) => {
        const id = await send(email);
        sent.push(email);
        return id;
      },
    },
    clock: () => new Date('2026-11-23T10:00:05.000Z'),
    newId: () => 'c0ffee00-1111',
    sleep: async (ms) => void pauses.push(ms),
    settings,
  };
  return { deps, sent, pauses };
};

const plan = async (timelineEvent: TimelineEvent, about: Application = application) =>
  (await plannedEmails(depsOf(storeOf().store).deps, timelineEvent, about)).map(({ kind, email }) => [kind, email.to]);

describe('which e-mails an event causes', () => {
  it('a referral: the client, the officer and the service inbox each hear of it', async () => {
    expect(await plan(event('submitted'))).toEqual([
      ['applicant-confirmation', 'liga@example.lv'],
      ['referrer-confirmation', 'dace@jurmala.lv'],
      ['agency-alert', 'sr@siva.gov.lv'],
    ]);
  });

  it('no address, no e-mail: a client without one, an officer without one, a service without an inbox', async () => {
    const { email: _none, ...noEmail } = application.applicant;
    const quiet = { ...application, serviceId: 'driving-training' as const, track: 'category-b', applicant: noEmail as Application['applicant'], referral: { ...application.referral!, officerEmail: undefined } };
    expect(await plan(event('submitted'), quiet)).toEqual([]);
  });

  it('a decision tells the applicant and the officer, with the place in the queue it gave', async () => {
    const planned = await plannedEmails(depsOf(storeOf().store).deps, event('decision'), application);
    expect(planned.map(({ kind }) => kind)).toEqual(['applicant-update', 'referrer-update']);
    expect(planned[0]?.email.text).toContain('Jūsu vieta rindā tagad: 4.');
  });

  it('a withdrawal tells the applicant and the officer; sent documents only the service inbox', async () => {
    expect((await plan(event('withdrawn'))).map(([kind]) => kind)).toEqual(['applicant-update', 'referrer-update']);
    expect(await plan(event('documents_submitted'))).toEqual([['agency-documents-alert', 'sr@siva.gov.lv']]);
  });

  it('each reader gets the e-mail written for them: the officer the referral’s, the inbox the documents alert', async () => {
    const { deps } = depsOf(storeOf().store);
    const emailOf = async (timelineEvent: TimelineEvent, kind: string) =>
      (await plannedEmails(deps, timelineEvent, application)).find((planned) => planned.kind === kind)?.email;
    expect(await emailOf(event('submitted'), 'referrer-confirmation')).toEqual({
      to: 'dace@jurmala.lv',
      ...referrerConfirmation(application, settings.staffPortalUrl),
    });
    const withdrawn = event('withdrawn');
    expect(await emailOf(withdrawn, 'referrer-update')).toEqual({
      to: 'dace@jurmala.lv',
      ...referrerUpdate(application, { kind: 'withdrawn', at: withdrawn.at }, settings.staffPortalUrl),
    });
    const documentsSent = event('documents_submitted');
    expect(await emailOf(documentsSent, 'agency-documents-alert')).toEqual({
      to: 'sr@siva.gov.lv',
      ...agencyDocumentsAlert(application, { kind: 'documents_submitted', at: documentsSent.at }, settings.staffPortalUrl),
    });
  });

  it('documents added before any request: only the service inbox, with the status the event left (not the one read later)', async () => {
    const added = { ...event('documents_added'), status: 'submitted' as const };
    const planned = await plannedEmails(depsOf(storeOf().store).deps, added, { ...application, status: 'registered' });
    expect(planned.map(({ kind, email }) => [kind, email.to])).toEqual([['agency-documents-alert', 'sr@siva.gov.lv']]);
    expect(planned[0]?.email.text).toContain('Statuss (nav mainīts): saņemts');
  });

  it('events that change nothing for the applicant cause none', async () => {
    for (const type of ['representative_confirmed', 'viewed_by_staff', 'notification_sent'] as const) expect(await plan(event(type))).toEqual([]);
  });
});

describe('sending what an event calls for', () => {
  it('ignores the notifier’s own records and recorded reads without even loading the application', async () => {
    const { store, loads } = storeOf();
    for (const type of ['notification_sent', 'notification_failed', 'viewed_by_staff', 'viewed_by_referrer'] as const) {
      expect(await notifyForEvent(depsOf(store).deps, event(type))).toBe('done');
    }
    expect(loads).toEqual([]);
  });

  it('an event of an application that is gone is done with', async () => {
    const { store } = storeOf();
    const { deps, sent } = depsOf(store);
    expect(await notifyForEvent(deps, { ...event('submitted'), applicationId: 'gone' })).toBe('done');
    expect(sent).toEqual([]);
  });

  it('a staff resend sends again only the e-mail asked for, under the source event’s marker', async () => {
    const { store, markers } = storeOf();
    const { deps, sent } = depsOf(store);
    const resend = event('notification_resend_requested', 'resend-1', { sourceEventId: event('decision').id, notification: 'referrer-update' });
    expect(await notifyForEvent(deps, resend)).toBe('done');
    expect(sent.map((email) => email.to)).toEqual(['dace@jurmala.lv']);
    expect(sent[0]?.trace).toEqual({ applicationId: 'app-1', eventId: event('decision').id, kind: 'referrer-update' });
    expect([...markers.keys()]).toEqual([`${event('decision').id}|referrer-update`]);
  });

  it('a resend whose source event cannot be found sends nothing', async () => {
    const { store } = storeOf();
    const { deps, sent } = depsOf(store);
    expect(await notifyForEvent(deps, event('notification_resend_requested', 'resend-2', { sourceEventId: 'missing', notification: 'applicant-update' }))).toBe('done');
    expect(await notifyForEvent(deps, event('notification_resend_requested', 'resend-3'))).toBe('done');
    expect(sent).toEqual([]);
  });

  it('an error the mailer did not classify is retried as temporary, named by its kind', async () => {
    const codes: string[] = [];
    const { store } = storeOf({
      recordTemporaryFailure: async (_key, code) => {
        codes.push(code);
        return 1;
      },
    });
    const broken = depsOf(store, async () => {
      throw new TypeError('boom');
    });
    expect(await notifyForEvent(broken.deps, event('documents_submitted'))).toBe('retry');
    const odd = depsOf(store, async () => {
      throw 'a string';
    });
    expect(await notifyForEvent(odd.deps, event('documents_submitted'))).toBe('retry');
    expect(codes).toEqual(['notifier_error:TypeError', 'notifier_error:string']);
    expect(broken.pauses).toEqual([1000]);
  });

  it('waits for the longest pause any of its e-mails needs before handing the record back', async () => {
    let failures = 0;
    const { store } = storeOf({ recordTemporaryFailure: async () => ++failures });
    const { deps, pauses } = depsOf(store, async () => {
      throw new MailError('Throttling', false);
    });
    expect(await notifyForEvent(deps, event('submitted'))).toBe('retry');
    // Three e-mails failing in turn (counted 1, 2, 3 here): 1 s, then 2 s, then the third reaches the last
    // delivery and is recorded as failed. The longest pause is waited, once.
    expect(pauses).toEqual([2000]);
  });

  it('records what became of each e-mail: sent by e-mail, or failed with the provider’s code and whether it is for good', async () => {
    const outcomes: TimelineEvent[] = [];
    const { store, failed } = storeOf({
      recordSent: async (_key, _messageId, sentEvent) => {
        outcomes.push(sentEvent);
        return true;
      },
    });
    const { deps } = depsOf(store, async (email) => {
      if (email.to === 'dace@jurmala.lv') throw new MailError('MessageRejected', true);
      return 'msg-1';
    });
    expect(await notifyForEvent(deps, event('withdrawn'))).toBe('done');
    expect(outcomes.map(({ type, details }) => [type, details?.notification, details?.channel])).toEqual([['notification_sent', 'applicant-update', 'email']]);
    expect(failed.map(({ key, failure }) => [key.kind, failure])).toEqual([['referrer-update', { code: 'MessageRejected', permanent: true }]]);
  });

  it('a claim held by another delivery that has already run out is retried at once', async () => {
    const { store } = storeOf({ claim: async () => ({ outcome: 'held', until: '2026-11-23T10:00:00.000Z' }) });
    const { deps, pauses, sent } = depsOf(store);
    expect(await notifyForEvent(deps, event('documents_submitted'))).toBe('retry');
    expect(pauses).toEqual([0]);
    expect(sent).toEqual([]);
  });
});

describe('a mail error', () => {
  it('says whether it is permanent and whether any answer came', () => {
    expect(new MailError('MessageRejected', true)).toMatchObject({ name: 'MailError', message: 'MessageRejected', code: 'MessageRejected', permanent: true, unanswered: false });
    expect(new MailError('TimeoutError', false, true).unanswered).toBe(true);
  });
});

describe('the outcome of a notification on the timeline', () => {
  it('is the notifier’s, names the notification, its reader and its source event, and nothing personal', () => {
    const key = { applicationId: 'app-1', eventId: 'ev-1', kind: 'agency-documents-alert' as const };
    expect(notificationOutcome({ clock: () => new Date('2026-11-23T10:00:05.000Z'), newId: () => 'c0ffee00-1111' }, key, 'notification_sent', { channel: 'email' })).toEqual({
      applicationId: 'app-1',
      id: '2026-11-23T10:00:05.000Z#c0ffee00',
      type: 'notification_sent',
      at: '2026-11-23T10:00:05.000Z',
      actor: { role: 'system', subject: 'notifier' },
      details: { notification: 'agency-documents-alert', recipient: 'agency', sourceEventId: 'ev-1', channel: 'email' },
    });
    const recipients = (['applicant-confirmation', 'referrer-confirmation', 'agency-alert', 'applicant-update', 'referrer-update'] as const).map(
      (kind) => notificationOutcome({ clock: () => new Date(), newId: () => 'x' }, { ...key, kind }, 'notification_sent', {}).details?.recipient,
    );
    expect(recipients).toEqual(['applicant', 'referrer', 'agency', 'applicant', 'referrer']);
  });
});

describe('an event whose stream record was dead-lettered', () => {
  it('records each of its e-mails not yet settled as failed, for staff to resend', async () => {
    const { store, failed, markers } = storeOf();
    markers.set(`${event('submitted').id}|referrer-confirmation`, { applicationId: 'app-1', eventId: event('submitted').id, kind: 'referrer-confirmation', state: 'sent', deliveries: 0, updatedAt: '' });
    markers.set(`${event('submitted').id}|agency-alert`, { applicationId: 'app-1', eventId: event('submitted').id, kind: 'agency-alert', state: 'pending', deliveries: 2, updatedAt: '' });
    const { deps } = depsOf(store);
    expect(await recordUndelivered(deps, event('submitted'))).toBe(2);
    expect(failed.map(({ key }) => key.kind)).toEqual(['applicant-confirmation', 'agency-alert']);
    expect(failed[0]).toEqual({
      key: { applicationId: 'app-1', eventId: event('submitted').id, kind: 'applicant-confirmation' },
      failure: { code: 'dead_lettered', permanent: false },
      event: expect.objectContaining({ type: 'notification_failed', details: expect.objectContaining({ reason: 'dead_lettered', permanent: false }) }),
      serviceId: 'social-rehabilitation',
    });
  });

  it('counts only what it recorded: one settled meanwhile is not counted', async () => {
    const { store } = storeOf({ recordFailed: async (key) => key.kind !== 'agency-alert' });
    expect(await recordUndelivered(depsOf(store).deps, event('submitted'))).toBe(2);
  });

  it('when even planning fails, records the event’s main e-mail as failed so it is never silent', async () => {
    const { store, failed } = storeOf({
      loadDecision: async () => {
        throw new Error('throttled');
      },
      loadEvent: async () => {
        throw new Error('throttled');
      },
    });
    expect(await recordUndelivered(depsOf(store).deps, event('decision'))).toBe(1);
    expect(failed.map(({ key }) => [key.eventId, key.kind])).toEqual([[event('decision').id, 'applicant-update']]);
    // A resend has no main e-mail of its own: nothing to record.
    expect(await recordUndelivered(depsOf(store).deps, event('notification_resend_requested', 'r-1', { sourceEventId: 'x', notification: 'applicant-update' }))).toBe(0);
  });

  it('of an application that is gone, records nothing', async () => {
    const { store, failed } = storeOf();
    expect(await recordUndelivered(depsOf(store).deps, { ...event('submitted'), applicationId: 'gone' })).toBe(0);
    expect(failed).toEqual([]);
  });
});

describe('the pause before a record goes back to the stream', () => {
  it('doubles from the base with each failed delivery, up to the one before the last allowed', () => {
    const pause = (failures: number, maxDeliveries = 4) => retryPauseMs({ retryBaseMs: 1000, maxDeliveries }, failures);
    expect([0, 1, 2, 3, 4, 9].map((failures) => pause(failures))).toEqual([1000, 1000, 2000, 4000, 4000, 4000]);
    expect(pause(5, 1)).toBe(1000);
  });
});
