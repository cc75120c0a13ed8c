import { describe, expect, it } from 'vitest';
import type { Application, NotificationRecord, TimelineEvent } from '../../functions/core/model';
import {
  MailError,
  notifyForEvent,
  plannedEmails,
  type NotificationKey,
  type NotificationStore,
  type NotifierDeps,
  type OutgoingEmail,
} from '../../functions/core/notifier';
import { referredApplication } from '../support/email-fixtures';

const application: Application = {
  id: '5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11',
  reference: 'SIVA-2026-000042',
  serviceId: 'social-rehabilitation',
  track: 'functional-impairment',
  status: 'submitted',
  version: 1,
  channel: 'self',
  ownerSubject: 'eid-1',
  personKey: 'person-key-test',
  // A name that would inject markup if a template forgot to escape it.
  applicant: { ...referredApplication.applicant, familyName: 'Ozola <script>' },
  evidence: { icfCodes: ['b280'], dischargeSummaryNumber: 'SECRET-DIAGNOSIS-DOC' },
  language: 'lv',
  submittedAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

const submitted: TimelineEvent = {
  applicationId: application.id,
  id: '2026-11-22T10:00:00.000Z#abcd1234',
  type: 'submitted',
  at: application.submittedAt,
  actor: { role: 'citizen', subject: 'eid-1' },
  status: 'submitted',
};

const settings = {
  agencyInboxes: { 'social-rehabilitation': 'socialarehabilitacija@siva.gov.lv' },
  portalUrl: 'https://e.siva.gov.lv/',
  staffPortalUrl: 'https://darbs.siva.gov.lv',
  maxDeliveries: 3,
  retryBaseMs: 0,
  sendLeaseMs: 60_000,
};

/** An in-memory store with the same settle-once and claim semantics as the DynamoDB repository. */
const memoryStore = () => {
  const records = new Map<string, NotificationRecord>();
  const timeline: TimelineEvent[] = [];
  const id = (key: NotificationKey) => `${key.eventId}#${key.kind}`;
  const settle = async (key: NotificationKey, state: 'sent' | 'failed', extra: Partial<NotificationRecord>, event: TimelineEvent) => {
    const current = records.get(id(key));
    if (current && current.state !== 'pending') return false;
    records.set(id(key), { ...key, deliveries: current?.deliveries ?? 0, updatedAt: event.at, ...extra, state });
    timeline.push(event);
    return true;
  };
  const claim: NotificationStore['claim'] = async (key, until, now) => {
    const current = records.get(id(key));
    if (current && current.state !== 'pending') return { outcome: 'settled' };
    if (current?.claimedUntil && current.claimedUntil > now) return { outcome: 'held', until: current.claimedUntil };
    records.set(id(key), { ...key, deliveries: 0, ...current, state: 'pending', updatedAt: now, claimedUntil: until });
    return { outcome: 'claimed' };
  };
  const store: NotificationStore = {
    loadApplication: async () => application,
    loadEvent: async () => undefined,
    loadDecision: async () => undefined,
    find: async (key) => records.get(id(key)),
    claim,
    recordSent: (key, messageId, event) => settle(key, 'sent', { messageId }, event),
    recordFailed: (key, failure, event) => settle(key, 'failed', { failure }, event),
    recordTemporaryFailure: async (key, _code, at, release) => {
      const current = records.get(id(key));
      const deliveries = (current?.deliveries ?? 0) + 1;
      const claimedUntil = release ? undefined : current?.claimedUntil;
      records.set(id(key), { ...key, state: 'pending', deliveries, updatedAt: at, ...(claimedUntil && { claimedUntil }) });
      return deliveries;
    },
  };
  return { store, records, timeline };
};

const depsWith = (send: (email: OutgoingEmail) => Promise<string>, store = memoryStore(), at = '2026-11-22T10:00:01.000Z') => {
  const sent: OutgoingEmail[] = [];
  const pauses: number[] = [];
  const deps: NotifierDeps = {
    store: store.store,
    mailer: { send: async (email) => { const id = await send(email); sent.push(email); return id; } },
    clock: () => new Date(at),
    newId: () => 'feedbeef-0000',
    sleep: async (ms) => void pauses.push(ms),
    settings,
  };
  return { deps, sent, pauses, ...store };
};

describe('e-mails caused by a new application', () => {
  it('confirms to the applicant in their language and alerts the service inbox', async () => {
    const [confirmation, alert] = (await plannedEmails(depsWith(async () => 'id').deps, submitted, application));
    expect(confirmation?.email.to).toBe('liga@example.lv');
    expect(confirmation?.email.subject).toBe('Jūsu iesniegums SIVA-2026-000042 ir saņemts');
    expect(confirmation?.email.text).toContain('https://e.siva.gov.lv/pieteikumi/5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11');
    expect(confirmation?.email.text).toContain('Kas notiks tālāk');
    expect(alert?.email.to).toBe('socialarehabilitacija@siva.gov.lv');
    expect(alert?.email.text).toContain('SIVA-2026-000042');
    expect(alert?.email.text).toContain('Personas ar funkcionēšanas ierobežojumiem');
  });

  it('writes English for an applicant who chose English', async () => {
    const english = { ...application, language: 'en' as const };
    const [confirmation] = (await plannedEmails(depsWith(async () => 'id').deps, submitted, english));
    expect(confirmation?.email.subject).toBe('Your application SIVA-2026-000042 has been received');
    expect(confirmation?.email.html).toContain('<html lang="en">');
    expect(confirmation?.email.html).toContain('href="https://e.siva.gov.lv/en/applications/5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11"');
  });

  it('keeps personal and health data out of the agency alert', async () => {
    const alert = (await plannedEmails(depsWith(async () => 'id').deps, submitted, application))[1]!.email;
    for (const secret of ['Līga', 'Ozola', '16117519997', 'b280', 'SECRET-DIAGNOSIS-DOC', 'liga@example.lv', 'Brīvības']) {
      expect(alert.text).not.toContain(secret);
      expect(alert.html).not.toContain(secret);
    }
  });

  it('produces screen-reader friendly HTML: a language, one h1, real headings and lists, escaped values', async () => {
    const html = (await plannedEmails(depsWith(async () => 'id').deps, submitted, application))[0]!.email.html;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="lv">/);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<h2>Kas notiks tālāk</h2>');
    expect(html).toContain('<ol><li>');
    expect(html).toContain('Ozola &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/<a href="https:\/\/e\.siva\.gov\.lv\/pieteikumi\/[^"]+">Skatīt iesnieguma statusu un vēsturi<\/a>/);
  });

  it('causes no e-mail for notification outcomes themselves', async () => {
    const deps = depsWith(async () => 'id').deps;
    expect(await plannedEmails(deps, { ...submitted, type: 'notification_sent' }, application)).toEqual([]);
    expect(await plannedEmails(deps, { ...submitted, type: 'viewed_by_staff' }, application)).toEqual([]);
    expect(await plannedEmails(deps, { ...submitted, type: 'viewed_by_referrer' }, application)).toEqual([]);
  });

  it('does not e-mail the applicant about documents they sent themself: only the service inbox hears of it', async () => {
    const sent = await plannedEmails(depsWith(async () => 'id').deps, { ...submitted, type: 'documents_submitted' }, application);
    expect(sent.map(({ kind, email }) => [kind, email.to])).toEqual([['agency-documents-alert', settings.agencyInboxes['social-rehabilitation']]]);
  });
});

describe('sending once per event', () => {
  it('sends both e-mails and records each as sent on the timeline', async () => {
    const { deps, sent, timeline, records } = depsWith(async () => 'msg-1');
    expect(await notifyForEvent(deps, submitted)).toBe('done');
    expect(sent.map((e) => e.to)).toEqual(['liga@example.lv', 'socialarehabilitacija@siva.gov.lv']);
    expect(timeline.map((e) => [e.type, e.details?.notification])).toEqual([
      ['notification_sent', 'applicant-confirmation'],
      ['notification_sent', 'agency-alert'],
    ]);
    expect([...records.values()].every((r) => r.state === 'sent' && r.messageId === 'msg-1')).toBe(true);
  });

  it('does not send again when the same event is delivered twice', async () => {
    const store = memoryStore();
    const first = depsWith(async () => 'msg-1', store);
    await notifyForEvent(first.deps, submitted);
    const second = depsWith(async () => 'msg-2', store);
    await notifyForEvent(second.deps, submitted);
    expect(second.sent).toEqual([]);
    expect(store.timeline).toHaveLength(2);
  });

  it('hands a temporary failure back for retry, then records it as failed after the last delivery', async () => {
    const store = memoryStore();
    const outage = depsWith(async () => { throw new MailError('ServiceUnavailable', false); }, store);
    expect(await notifyForEvent(outage.deps, submitted)).toBe('retry');
    expect(await notifyForEvent(outage.deps, submitted)).toBe('retry');
    expect(store.timeline).toEqual([]);
    expect(await notifyForEvent(outage.deps, submitted)).toBe('done');
    expect(store.timeline.map((e) => [e.type, e.details?.reason, e.details?.permanent])).toEqual([
      ['notification_failed', 'ServiceUnavailable', false],
      ['notification_failed', 'ServiceUnavailable', false],
    ]);
    const recovered = depsWith(async () => 'late', store);
    await notifyForEvent(recovered.deps, submitted);
    expect(recovered.sent).toEqual([]);
  });

  it('delivers after a temporary failure once SES is back, exactly once', async () => {
    const store = memoryStore();
    await notifyForEvent(depsWith(async () => { throw new MailError('TooManyRequestsException', false); }, store).deps, submitted);
    const back = depsWith(async () => 'msg-3', store);
    expect(await notifyForEvent(back.deps, submitted)).toBe('done');
    expect(back.sent).toHaveLength(2);
    expect(store.timeline.map((e) => e.type)).toEqual(['notification_sent', 'notification_sent']);
  });

  it('records a permanent failure at once, without retrying', async () => {
    const { deps, timeline } = depsWith(async (email) => {
      if (email.to.startsWith('liga')) throw new MailError('MessageRejected', true);
      return 'ok';
    });
    expect(await notifyForEvent(deps, submitted)).toBe('done');
    expect(timeline.map((e) => [e.type, e.details?.notification, e.details?.reason ?? ''])).toEqual([
      ['notification_failed', 'applicant-confirmation', 'MessageRejected'],
      ['notification_sent', 'agency-alert', ''],
    ]);
  });
});

describe('the window between SES accepting an e-mail and the marker recording it', () => {
  const leaseEnd = '2026-11-22T10:01:01.000Z';
  const afterLease = '2026-11-22T10:01:01.001Z';
  /** A store whose first `recordSent` throws as a throttled write would: SES has accepted, nothing is recorded. */
  const refusingFirstRecord = () => {
    const store = memoryStore();
    const recordSent = store.store.recordSent;
    let refused = 0;
    store.store.recordSent = async (...args) => {
      if (refused++ === 0) throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ThrottlingException' });
      return recordSent(...args);
    };
    return store;
  };

  it('leaves the e-mail claimed until the lease ends when the record after sending fails', async () => {
    const store = refusingFirstRecord();
    const first = depsWith(async () => 'msg-1', store);
    await expect(notifyForEvent(first.deps, submitted)).rejects.toThrow('Throughput');
    expect(first.sent.map((e) => e.to)).toEqual(['liga@example.lv']);
    expect(store.records.get(`${submitted.id}#applicant-confirmation`)).toMatchObject({ state: 'pending', claimedUntil: leaseEnd });
  });

  it('sends nothing while another delivery’s claim lasts, and hands the record back for no longer than the longest retry pause', async () => {
    const store = refusingFirstRecord();
    await notifyForEvent(depsWith(async () => 'msg-1', store).deps, submitted).catch(() => {});
    const retried = depsWith(async () => 'msg-2', store, '2026-11-22T10:00:31.000Z');
    const longSettings = { ...settings, retryBaseMs: 1000, maxDeliveries: 8 };
    expect(await notifyForEvent({ ...retried.deps, settings: longSettings }, submitted)).toBe('retry');
    // Only the agency alert, which the crashed delivery never reached, goes out.
    expect(retried.sent.map((e) => e.to)).toEqual(['socialarehabilitacija@siva.gov.lv']);
    // 30 s of the lease remain; the longest retry pause (64 s) is not needed.
    expect(retried.pauses).toEqual([30_000]);
  });

  it('sends the unrecorded e-mail once more after the lease ran out: one duplicate, recorded once', async () => {
    const store = refusingFirstRecord();
    const first = depsWith(async () => 'msg-1', store);
    await notifyForEvent(first.deps, submitted).catch(() => {});
    const afterExpiry = depsWith(async () => 'msg-2', store, afterLease);
    expect(await notifyForEvent(afterExpiry.deps, submitted)).toBe('done');
    const toApplicant = [...first.sent, ...afterExpiry.sent].filter((e) => e.to === 'liga@example.lv');
    expect(toApplicant).toHaveLength(2);
    expect(store.timeline.filter((e) => e.details?.notification === 'applicant-confirmation').map((e) => e.type)).toEqual(['notification_sent']);
    expect(store.records.get(`${submitted.id}#applicant-confirmation`)).toMatchObject({ state: 'sent', messageId: 'msg-2' });
  });

  it('does not send again after the lease once the marker was recorded in the meantime (as from SES’s Send event)', async () => {
    const store = refusingFirstRecord();
    const first = depsWith(async () => 'msg-1', store);
    await notifyForEvent(first.deps, submitted).catch(() => {});
    const key: NotificationKey = { applicationId: application.id, eventId: submitted.id, kind: 'applicant-confirmation' };
    expect(await store.store.recordSent(key, 'msg-1', { ...submitted, id: 'reconciled', type: 'notification_sent' })).toBe(true);
    const afterExpiry = depsWith(async () => 'msg-2', store, afterLease);
    expect(await notifyForEvent(afterExpiry.deps, submitted)).toBe('done');
    expect(afterExpiry.sent.map((e) => e.to)).toEqual(['socialarehabilitacija@siva.gov.lv']);
  });

  it('keeps its claim when SES gave no answer (it may have accepted), so the next delivery within the lease sends nothing', async () => {
    const store = memoryStore();
    const timedOut = depsWith(async () => { throw new MailError('TimeoutError', false, true); }, store);
    expect(await notifyForEvent(timedOut.deps, submitted)).toBe('retry');
    expect(store.records.get(`${submitted.id}#applicant-confirmation`)).toMatchObject({ state: 'pending', deliveries: 1, claimedUntil: leaseEnd });
    const back = depsWith(async () => 'msg-1', store);
    expect(await notifyForEvent(back.deps, submitted)).toBe('retry');
    expect(back.sent).toEqual([]);
  });

  it('gives its claim up when SES refuses, so the next delivery sends at once', async () => {
    const store = memoryStore();
    const outage = depsWith(async () => { throw new MailError('ServiceUnavailable', false); }, store);
    expect(await notifyForEvent(outage.deps, submitted)).toBe('retry');
    expect(store.records.get(`${submitted.id}#applicant-confirmation`)?.claimedUntil).toBeUndefined();
    const back = depsWith(async () => 'msg-1', store);
    expect(await notifyForEvent(back.deps, submitted)).toBe('done');
    expect(back.sent).toHaveLength(2);
  });
});
