/**
 * Fault drill: SES accepts an e-mail, and then the notifier cannot record it: the marker write
 * is throttled (after the SDK's own retries), or the invocation dies right after SendEmail
 * returned (it never answers; Lambda re-delivers the record once it timed out). Real parts: the
 * notifier and mail-events handler modules, DynamoDB Local, SES local (the e-mails are counted in
 * its store); only the one marker write is faulted, at the wire (support/dynamo-fault-proxy.ts),
 * so the SDK's own retries run as on AWS. SES local publishes no configuration-set
 * events, so the drill hands the mail-events function the Send event SES would publish.
 *
 * What must hold (docs/notifications.md, "Sending once"):
 *  - while the claim's lease lasts, a re-delivery sends nothing;
 *  - once SES's Send event is recorded, no re-delivery sends: exactly one e-mail;
 *  - without it, the first re-delivery after the lease sends once more: exactly one duplicate,
 *    and the timeline still says sent once.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent, SNSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { eventItems } from '../../functions/adapters/entities/event';
import { notificationKey } from '../../functions/adapters/keys';
import type { NotificationKey } from '../../functions/core/notifier';
import { devIssuers } from '../../local/dev-idp';
import { localAgencyInboxes } from '../../local/stack';
import { useHandlerEnvironment } from '../support/handler-environment';
import { storedApplication, submittedEvent } from '../support/stored-application';
import { startDynamoFaultProxy, type DynamoFaultProxy } from './support/dynamo-fault-proxy';
import { documentClient, emailsAbout, freshTable, local, waitFor } from './support/local';
import { mailOf, snsEvent } from './support/ses-events';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A proxy in front of DynamoDB Local for the handlers of one test, stopped after it. */
const faultProxy = async () => {
  const proxy = await startDynamoFaultProxy(local.dynamoEndpoint);
  cleanups.push(() => proxy.stop());
  return proxy;
};

/** The real notifier and mail-events handlers, with the environment Lambda gives them and a claim lease of `leaseMs`. */
const handlersWith = async (tableName: string, leaseMs: number, proxy: DynamoFaultProxy) => {
  useHandlerEnvironment({
    tableName,
    dynamoEndpoint: proxy.url,
    sesEndpoint: local.inboxUrl,
    issuers: { citizen: devIssuers.citizen.issuer, workforce: devIssuers.workforce.issuer },
    notificationRetryBaseMs: 0,
    notificationSendLeaseMs: leaseMs,
  });
  vi.resetModules();
  const notifier = await import('../../functions/notifier/handler');
  const mailEvents = await import('../../functions/mail-events/handler');
  return {
    notify: (event: DynamoDBStreamEvent) => notifier.handler(event, {} as never),
    recordMailEvent: (event: SNSEvent) => mailEvents.handler(event, {} as never),
  };
};

type Fault = 'throttled' | 'dies';

/**
 * Faults the write that records `key` as sent (a TransactWriteItems on its marker setting the state "sent") at
 * the wire; every other request reaches DynamoDB Local. `throttled`: DynamoDB throttles it on every attempt the
 * SDK makes, until the delivery has given up. `dies`: it is held and never answered, as when the function is
 * killed (let go, never forwarded, when the test ends).
 */
const faultMarkerWrite = (proxy: DynamoFaultProxy, key: NotificationKey, fault: Fault) => {
  const marker = notificationKey(key.applicationId, key.eventId, key.kind);
  const recordsSent = { operation: 'TransactWriteItems', containing: [JSON.stringify(marker.sk), '{"S":"sent"}'] };
  if (fault === 'throttled') {
    const throttle = proxy.inject({ ...recordsSent, when: 'before', fault: { kind: 'throttling' } });
    return { faulted: () => throttle.hits(), passed: () => throttle.remove() };
  }
  let letGo = () => {};
  const held = proxy.holdWhile(recordsSent, () => new Promise<void>((done) => (letGo = done)));
  cleanups.push(() => letGo());
  return { faulted: () => (held.ran() ? 1 : 0), passed: () => {} };
};

/** A stored application and its "submitted" event, and the stream record Lambda would deliver for the event. */
const storedSubmission = async (tableName: string) => {
  const application = storedApplication();
  const event = submittedEvent(application);
  await createApplicationRepository(documentClient(), tableName).insertSubmitted(application, event);
  const record: DynamoDBRecord = {
    eventName: 'INSERT',
    dynamodb: { NewImage: marshall(eventItems.toItem(event)) as never, SequenceNumber: `${Date.now()}` },
  };
  const confirmation: NotificationKey = { applicationId: application.id, eventId: event.id, kind: 'applicant-confirmation' };
  return { application, stream: { Records: [record] }, sequenceNumber: record.dynamodb!.SequenceNumber!, confirmation };
};

/** Delivers the record into the fault: answered with an error to retry, or (killed) never answered. */
const deliverIntoFault = async (
  notify: (event: DynamoDBStreamEvent) => Promise<unknown>,
  submission: { stream: DynamoDBStreamEvent; sequenceNumber: string },
  fault: Fault,
  marker: ReturnType<typeof faultMarkerWrite>,
) => {
  const delivery = notify(submission.stream);
  if (fault === 'throttled') {
    expect(await delivery).toEqual({ batchItemFailures: [{ itemIdentifier: submission.sequenceNumber }] });
    marker.passed();
  } else {
    // The killed invocation: Lambda times it out and re-delivers the record; its promise is let go at the end.
    void delivery.catch(() => {});
    await waitFor(async () => marker.faulted() > 0);
  }
  expect(marker.faulted(), 'the fault was reached').toBeGreaterThan(0);
};

const outcomes = async (tableName: string, applicationId: string) => {
  const record = (await createApplicationRepository(documentClient(), tableName).findWithTimeline(applicationId))!;
  return {
    sent: record.timeline.filter((e) => e.type === 'notification_sent').map((e) => e.details?.notification).sort(),
    confirmation: record.notifications.find((n) => n.kind === 'applicant-confirmation'),
  };
};

const recipientsOf = async (reference: string) => (await emailsAbout(reference)).map((email) => email.destination.to.join()).sort();
const agencyInbox = localAgencyInboxes['social-rehabilitation']!;

describe('SES accepted an e-mail, and recording it failed', () => {
  for (const fault of ['throttled', 'dies'] as const) {
    it(`(the marker write ${fault === 'throttled' ? 'is throttled' : 'never returns: the function died'}) a re-delivery within the lease sends nothing; SES's Send event records it: exactly one e-mail`, async () => {
      const tableName = await freshTable(`accepted-${fault}`);
      const proxy = await faultProxy();
      const { notify, recordMailEvent } = await handlersWith(tableName, 10 * 60_000, proxy);
      const submission = await storedSubmission(tableName);
      const { application, stream, sequenceNumber, confirmation } = submission;
      await deliverIntoFault(notify, submission, fault, faultMarkerWrite(proxy, confirmation, fault));
      const [accepted] = await emailsAbout(application.reference);
      expect(accepted?.destination.to).toEqual([application.applicant.email]);

      // The re-delivery: the confirmation is claimed, so it is not sent again; the agency alert goes out.
      expect(await notify(stream)).toEqual({ batchItemFailures: [{ itemIdentifier: sequenceNumber }] });
      expect(await recipientsOf(application.reference)).toEqual([agencyInbox, application.applicant.email].sort());
      expect((await outcomes(tableName, application.id)).confirmation).toMatchObject({ state: 'pending', claimedUntil: expect.any(String) });

      // SES publishes its Send event for the accepted message (twice: SNS delivers at least once).
      const send = snsEvent({ eventType: 'Send', send: {}, mail: mailOf(confirmation, application.applicant.email!, accepted!.messageId) });
      await recordMailEvent(send);
      await recordMailEvent(send);
      expect(await notify(stream)).toEqual({ batchItemFailures: [] });

      expect(await recipientsOf(application.reference)).toEqual([agencyInbox, application.applicant.email].sort());
      const { sent, confirmation: recorded } = await outcomes(tableName, application.id);
      expect(sent).toEqual(['agency-alert', 'applicant-confirmation']);
      expect(recorded).toMatchObject({ state: 'sent', messageId: accepted!.messageId });
    });

    it(`(the marker write ${fault === 'throttled' ? 'is throttled' : 'never returns: the function died'}) with no Send event by the lease's end, the next delivery sends once more: exactly one duplicate, recorded once`, async () => {
      const tableName = await freshTable(`duplicate-${fault}`);
      // A lease of 0: it has run out by the re-delivery, with no waiting in the test.
      const proxy = await faultProxy();
      const { notify } = await handlersWith(tableName, 0, proxy);
      const submission = await storedSubmission(tableName);
      const { application, stream, confirmation } = submission;
      await deliverIntoFault(notify, submission, fault, faultMarkerWrite(proxy, confirmation, fault));
      expect(await notify(stream)).toEqual({ batchItemFailures: [] });
      expect(await notify(stream)).toEqual({ batchItemFailures: [] });

      const applicant = application.applicant.email!;
      expect(await recipientsOf(application.reference)).toEqual([agencyInbox, applicant, applicant].sort());
      const { sent, confirmation: recorded } = await outcomes(tableName, application.id);
      expect(sent).toEqual(['agency-alert', 'applicant-confirmation']);
      const messageIds = (await emailsAbout(application.reference)).filter((email) => email.destination.to.includes(applicant)).map((email) => email.messageId);
      expect(recorded).toMatchObject({ state: 'sent', messageId: messageIds.at(-1) });
    });
  }
});
