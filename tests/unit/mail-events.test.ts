/**
 * SES's events about the e-mails this service sent (functions/core/mail-events.ts; docs/notifications.md, "Bounces
 * and complaints" and "Sending once"): which notification a record is about, read from the message tags, what a
 * bounce or complaint is called on staff's failed list, and what is recorded, once. Anything else, or mail this
 * service did not tag, is not ours. tests/integration/mail-events.test.ts drives the same through the local stack.
 */
import { describe, expect, it } from 'vitest';
import { acceptedMailOf, mailTagsFor, recordMailEvent, returnedMailOf, type ReturnedMailStore } from '../../functions/core/mail-events';
import type { TimelineEvent } from '../../functions/core/model';
import type { NotificationKey } from '../../functions/core/notifier';
import { referredApplication } from '../support/email-fixtures';

const key: NotificationKey = { applicationId: referredApplication.id, eventId: '2026-11-22T10:00:00.000Z#abcd1234', kind: 'referrer-update' };
/** The tags as SES publishes them on an event: name → [value]. */
const published = (tags = mailTagsFor(key)) => Object.fromEntries(tags.map(({ Name, Value }) => [Name, [Value]]));
const bounce = (bounceType: unknown, bounceSubType: unknown, tags: unknown = published()) => ({ eventType: 'Bounce', bounce: { bounceType, bounceSubType }, mail: { tags } });

describe('a bounce or complaint', () => {
  it('names the notification it is about, and what happened in words staff can read', () => {
    expect(returnedMailOf(bounce('Permanent', 'NoEmail'))).toEqual({ key, code: 'bounced:Permanent:NoEmail', permanent: true });
    expect(returnedMailOf(bounce('Transient', 'MailboxFull'))).toEqual({ key, code: 'bounced:Transient:MailboxFull', permanent: false });
    // A complaint: resending to the same reader will not help. SNS notifications call the type notificationType.
    expect(returnedMailOf({ notificationType: 'Complaint', complaint: { complaintFeedbackType: 'abuse' }, mail: { tags: published() } })).toEqual({
      key,
      code: 'complained:abuse',
      permanent: true,
    });
    expect(returnedMailOf({ eventType: 'Complaint', mail: { tags: published() } })?.code).toBe('complained:unknown');
    expect(returnedMailOf({ eventType: 'Bounce', mail: { tags: published() } })).toEqual({ key, code: 'bounced:unknown:unknown', permanent: false });
  });

  it('keeps of the provider’s words only a short word of letters and hyphens, anything else is “unknown”', () => {
    expect(returnedMailOf(bounce('Permanent', 'Mailbox Full; see liga@example.lv'))?.code).toBe('bounced:Permanent:unknown');
    expect(returnedMailOf(bounce('Permanent', `x${'A'.repeat(40)}`))?.code).toBe('bounced:Permanent:unknown');
    expect(returnedMailOf(bounce('Permanent', 'A'.repeat(40)))?.code).toBe(`bounced:Permanent:${'A'.repeat(40)}`);
    expect(returnedMailOf(bounce(42, 'On-Account-Suppression-List'))).toEqual({ key, code: 'bounced:unknown:On-Account-Suppression-List', permanent: false });
    expect(returnedMailOf(bounce('Undetermined', ''))?.code).toBe('bounced:Undetermined:unknown');
  });

  it('is not ours without all three of our tags, with a kind that is no notification, or when it is another event', () => {
    const { application: _application, ...noApplication } = published();
    const { event: _event, ...noEvent } = published();
    const { notification: _notification, ...noKind } = published();
    for (const tags of [noApplication, noEvent, noKind, { ...published(), notification: ['newsletter'] }, { ...published(), application: 'not-a-list' }, { ...published(), event: [7] }, null, []]) {
      expect(returnedMailOf(bounce('Permanent', 'General', tags)), JSON.stringify(tags)).toBeUndefined();
    }
    expect(returnedMailOf({ eventType: 'Delivery', mail: { tags: published() } })).toBeUndefined();
    for (const message of [undefined, null, 'Bounce', [bounce('Permanent', 'General')], { eventType: 'Bounce' }, { eventType: 'Bounce', mail: 'x' }]) {
      expect(returnedMailOf(message), JSON.stringify(message)).toBeUndefined();
    }
  });
});

describe('a Send event (SES accepted the message)', () => {
  const send = (mail: Record<string, unknown>) => ({ eventType: 'Send', mail: { tags: published(), ...mail } });

  it('names the notification and SES’s message id', () => {
    expect(acceptedMailOf(send({ messageId: 'ses-1' }))).toEqual({ key, messageId: 'ses-1' });
    expect(acceptedMailOf({ notificationType: 'Send', mail: { tags: published(), messageId: 'ses-2' } })).toEqual({ key, messageId: 'ses-2' });
  });

  it('is not ours without a message id, without our tags, or when it is another event', () => {
    for (const message of [send({}), send({ messageId: '' }), send({ messageId: 7 }), send({ tags: {}, messageId: 'ses-1' }), { eventType: 'Bounce', mail: { tags: published(), messageId: 'ses-1' } }, 'Send']) {
      expect(acceptedMailOf(message), JSON.stringify(message)).toBeUndefined();
    }
  });
});

describe('recording what SES reported', () => {
  const at = new Date('2026-11-22T10:05:00.000Z');
  const storeOf = (settles = true) => {
    const returned: [NotificationKey, { code: string; permanent: boolean }, TimelineEvent, string][] = [];
    const accepted: [NotificationKey, string, TimelineEvent][] = [];
    const store: ReturnedMailStore = {
      loadApplication: async (id) => (id === referredApplication.id ? referredApplication : undefined),
      recordReturned: async (...call) => {
        returned.push(call);
        return settles;
      },
      recordAccepted: async (...call) => {
        accepted.push(call);
        return settles;
      },
    };
    return { deps: { store, clock: () => at, newId: () => 'c0ffee00-1111' }, returned, accepted };
  };
  const outcome = (type: TimelineEvent['type'], details: Record<string, unknown>) => ({
    applicationId: key.applicationId,
    id: '2026-11-22T10:05:00.000Z#c0ffee00',
    type,
    at: at.toISOString(),
    actor: { role: 'system', subject: 'notifier' },
    details: { notification: key.kind, recipient: 'referrer', sourceEventId: key.eventId, ...details },
  });

  it('a bounce: the notification failed, on the timeline and on the service’s failed list', async () => {
    const { deps, returned } = storeOf();
    expect(await recordMailEvent(deps, bounce('Permanent', 'NoEmail'))).toBe('recorded');
    expect(returned).toEqual([
      [key, { code: 'bounced:Permanent:NoEmail', permanent: true }, outcome('notification_failed', { reason: 'bounced:Permanent:NoEmail', permanent: true }), 'social-rehabilitation'],
    ]);
  });

  it('a Send event: the notification sent, by e-mail', async () => {
    const { deps, accepted, returned } = storeOf();
    expect(await recordMailEvent(deps, { eventType: 'Send', mail: { tags: published(), messageId: 'ses-1' } })).toBe('recorded');
    expect(accepted).toEqual([[key, 'ses-1', outcome('notification_sent', { channel: 'email' })]]);
    expect(returned).toEqual([]);
  });

  it('says so when it was recorded already, and records nothing for an application that is gone or mail that is not ours', async () => {
    const settled = storeOf(false);
    expect(await recordMailEvent(settled.deps, bounce('Transient', 'General'))).toBe('already-recorded');
    expect(await recordMailEvent(settled.deps, { eventType: 'Send', mail: { tags: published(), messageId: 'ses-1' } })).toBe('already-recorded');

    const other = storeOf();
    const gone = published(mailTagsFor({ ...key, applicationId: 'gone' }));
    expect(await recordMailEvent(other.deps, bounce('Permanent', 'General', gone))).toBe('not-ours');
    expect(await recordMailEvent(other.deps, { eventType: 'Send', mail: { tags: gone, messageId: 'ses-1' } })).toBe('not-ours');
    expect(await recordMailEvent(other.deps, { eventType: 'Delivery', mail: { tags: published() } })).toBe('not-ours');
    expect([other.returned, other.accepted]).toEqual([[], []]);
  });
});
