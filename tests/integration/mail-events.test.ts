/**
 * A bounce or a complaint comes back from SES (event publishing of the configuration set, through
 * SNS) about an e-mail the notifier sent: the real mail-events handler module, fed the exact shape
 * SNS delivers to Lambda, records it on the application's timeline and on staff's failed list,
 * once, and staff can resend it. Real parts: DynamoDB Local; nothing is injected.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SNSEvent } from 'aws-lambda';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { createNotificationRepository } from '../../functions/adapters/notification-repository';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import type { NotificationKey } from '../../functions/core/notifier';
import type { TimelineEvent } from '../../functions/core/model';
import { storeSentConfirmation, storedApplication, submittedEvent } from '../support/stored-application';
import { useHandlerEnvironment } from '../support/handler-environment';
import { devIssuers } from '../../local/dev-idp';
import { documentClient, freshTable, local } from './support/local';
import { mailOf, snsEvent } from './support/ses-events';

const mailEventsHandler = async (tableName: string) => {
  useHandlerEnvironment({ tableName, dynamoEndpoint: local.dynamoEndpoint, issuers: { citizen: devIssuers.citizen.issuer, workforce: devIssuers.workforce.issuer } });
  vi.resetModules();
  const { handler } = await import('../../functions/mail-events/handler');
  return (event: SNSEvent) => handler(event, {} as never);
};

/** A stored application whose confirmation the notifier has sent (its marker says sent). */
const sentConfirmation = async (tableName: string) => {
  const { application, key, recorded } = await storeSentConfirmation(documentClient(), tableName);
  expect(recorded).toBe(true);
  return { application, key };
};

const bounce = (key: NotificationKey, to: string) => ({
  eventType: 'Bounce',
  bounce: {
    feedbackId: '0100019abc-feedback',
    bounceType: 'Permanent',
    bounceSubType: 'NoEmail',
    bouncedRecipients: [{ emailAddress: to, action: 'failed', status: '5.1.1', diagnosticCode: `smtp; 550 5.1.1 <${to}>: Recipient address rejected` }],
    timestamp: '2026-11-29T10:00:04.000Z',
    reportingMTA: 'dns; mx.example.lv',
  },
  mail: mailOf(key, to),
});

describe('bounces and complaints from SES', () => {
  it('records a bounce on the timeline and on staff\'s failed list, once, without the address; staff can resend it', async () => {
    const tableName = await freshTable('mail-events');
    const recordMailEvents = await mailEventsHandler(tableName);
    const { application, key } = await sentConfirmation(tableName);
    const event = snsEvent(bounce(key, application.applicant.email!));

    await recordMailEvents(event);
    await recordMailEvents(event); // SNS delivers at least once

    const record = await createApplicationRepository(documentClient(), tableName).findWithTimeline(application.id);
    const failed = record!.timeline.filter((entry) => entry.type === 'notification_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.details).toMatchObject({ notification: 'applicant-confirmation', sourceEventId: key.eventId, reason: 'bounced:Permanent:NoEmail', permanent: true });
    expect(JSON.stringify(failed)).not.toContain(application.applicant.email!);

    const workflow = createWorkflowRepository(documentClient(), tableName);
    const listed = await workflow.listFailedNotifications('social-rehabilitation', { limit: 50 });
    expect(listed.items.filter((item) => item.applicationId === application.id)).toEqual([
      expect.objectContaining({ eventId: key.eventId, kind: 'applicant-confirmation', failure: { code: 'bounced:Permanent:NoEmail', permanent: true } }),
    ]);
    const at = new Date().toISOString();
    const resend: TimelineEvent = {
      applicationId: application.id,
      id: `${at}#resend`,
      type: 'notification_resend_requested',
      at,
      actor: { role: 'staff', subject: 'staff-anna' },
      details: { sourceEventId: key.eventId, notification: key.kind },
    };
    expect(await workflow.requestResend(key, resend)).toBe(true);
  });

  it('records a complaint as a permanent failure', async () => {
    const tableName = await freshTable('mail-complaints');
    const recordMailEvents = await mailEventsHandler(tableName);
    const { application, key } = await sentConfirmation(tableName);
    await recordMailEvents(
      snsEvent({
        eventType: 'Complaint',
        complaint: {
          feedbackId: '0100019abc-complaint',
          complaintSubType: null,
          complainedRecipients: [{ emailAddress: application.applicant.email }],
          timestamp: '2026-11-29T11:00:00.000Z',
          userAgent: 'Mail provider feedback loop',
          complaintFeedbackType: 'abuse',
          arrivalDate: '2026-11-29T10:59:00.000Z',
        },
        mail: mailOf(key, application.applicant.email!),
      }),
    );
    const listed = await createWorkflowRepository(documentClient(), tableName).listFailedNotifications('social-rehabilitation', { limit: 50 });
    expect(listed.items.find((item) => item.applicationId === application.id)).toMatchObject({ failure: { code: 'complained:abuse', permanent: true } });
  });

  it('records nothing for a delivery, or for mail that carries none of our tags', async () => {
    const tableName = await freshTable('mail-other');
    const recordMailEvents = await mailEventsHandler(tableName);
    const { application, key } = await sentConfirmation(tableName);
    await recordMailEvents(snsEvent({ eventType: 'Delivery', delivery: { recipients: [application.applicant.email] }, mail: mailOf(key, application.applicant.email!) }));
    await recordMailEvents(snsEvent({ ...bounce(key, application.applicant.email!), mail: { ...mailOf(key, application.applicant.email!), tags: {} } }));
    const record = await createApplicationRepository(documentClient(), tableName).findWithTimeline(application.id);
    expect(record!.timeline.filter((entry) => entry.type === 'notification_failed')).toEqual([]);
  });
});

describe("SES's Send event (SES accepted an e-mail)", () => {
  /** A stored application whose confirmation a delivery claimed (and, maybe, sent) but never recorded. */
  const claimedConfirmation = async (tableName: string, claimed = true) => {
    const application = storedApplication();
    const submitted = submittedEvent(application);
    await createApplicationRepository(documentClient(), tableName).insertSubmitted(application, submitted);
    const key: NotificationKey = { applicationId: application.id, eventId: submitted.id, kind: 'applicant-confirmation' };
    const now = new Date();
    const store = createNotificationRepository(documentClient(), tableName);
    if (claimed) expect(await store.claim(key, new Date(now.getTime() + 60_000).toISOString(), now.toISOString())).toEqual({ outcome: 'claimed' });
    else await store.recordTemporaryFailure(key, 'ServiceUnavailable', now.toISOString(), true);
    return { application, key, store };
  };
  const timelineOf = async (tableName: string, applicationId: string) =>
    (await createApplicationRepository(documentClient(), tableName).findWithTimeline(applicationId))!.timeline.map((entry) => [entry.type, entry.details?.reason]);

  it('records a claimed, unrecorded e-mail as sent, once, with SES’s message id', async () => {
    const tableName = await freshTable('mail-send');
    const recordMailEvents = await mailEventsHandler(tableName);
    const { application, key, store } = await claimedConfirmation(tableName);
    const send = snsEvent({ eventType: 'Send', send: {}, mail: mailOf(key, application.applicant.email!, 'ses-accepted-1') });
    await recordMailEvents(send);
    await recordMailEvents(send);
    expect(await timelineOf(tableName, application.id)).toEqual([['submitted', undefined], ['notification_sent', undefined]]);
    expect(await store.find(key)).toMatchObject({ state: 'sent', messageId: 'ses-accepted-1' });
    expect((await store.find(key))?.claimedUntil).toBeUndefined();
  });

  it('changes nothing for an e-mail the notifier recorded, nor for one no delivery has claimed (a stale event)', async () => {
    const tableName = await freshTable('mail-send-settled');
    const recordMailEvents = await mailEventsHandler(tableName);
    const recorded = await sentConfirmation(tableName);
    await recordMailEvents(snsEvent({ eventType: 'Send', send: {}, mail: mailOf(recorded.key, recorded.application.applicant.email!, 'other-id') }));
    const store = createNotificationRepository(documentClient(), tableName);
    expect(await store.find(recorded.key)).toMatchObject({ state: 'sent', messageId: '0100019abc-ses-id' });
    expect((await timelineOf(tableName, recorded.application.id)).filter(([type]) => type === 'notification_sent')).toHaveLength(1);

    const unclaimed = await claimedConfirmation(tableName, false);
    await recordMailEvents(snsEvent({ eventType: 'Send', send: {}, mail: mailOf(unclaimed.key, unclaimed.application.applicant.email!) }));
    expect(await store.find(unclaimed.key)).toMatchObject({ state: 'pending' });
  });

  it('records a bounce that arrives before the Send event, and the late Send event then changes nothing', async () => {
    const tableName = await freshTable('mail-bounce-first');
    const recordMailEvents = await mailEventsHandler(tableName);
    const { application, key, store } = await claimedConfirmation(tableName);
    await recordMailEvents(snsEvent(bounce(key, application.applicant.email!)));
    await recordMailEvents(snsEvent({ eventType: 'Send', send: {}, mail: mailOf(key, application.applicant.email!) }));
    expect(await timelineOf(tableName, application.id)).toEqual([['submitted', undefined], ['notification_failed', 'bounced:Permanent:NoEmail']]);
    expect(await store.find(key)).toMatchObject({ state: 'failed' });
  });
});
