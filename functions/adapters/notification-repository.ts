/**
 * Notification markers (one per event and e-mail) and the timeline events
 * that record their outcome. Settling a marker and appending its event happen
 * in one transaction guarded by "not yet settled", so an outcome is recorded once.
 * A delivery about to send claims the marker (`claimedUntil`, compared as ISO
 * instants) with a conditional write, so only one delivery at a time sends.
 */
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TimelineEvent } from '../core/model';
import type { ReturnedMailStore } from '../core/mail-events';
import type { NotificationKey, NotificationStore } from '../core/notifier';
import { createApplicationRepository } from './application-repository';
import { isConditionFailure } from './dynamo-errors';
import { decisionItems } from './entities/decision';
import { eventItems } from './entities/event';
import { failedListing, notificationItems } from './entities/notification';
import { decisionKey, eventKey, notificationKey } from './keys';
import { changeWithEvent } from './writes';

const keyOf = ({ applicationId, eventId, kind }: NotificationKey) => notificationKey(applicationId, eventId, kind);

/** Attributes every marker write sets, so a marker is self-describing whichever write created it. */
const markerIdentity = (key: NotificationKey, at: string) => ({
  names: { '#updatedAt': 'updatedAt', '#entity': 'entity', '#applicationId': 'applicationId', '#eventId': 'eventId', '#kind': 'kind' },
  values: { ':at': at, ':entity': 'notification', ':applicationId': key.applicationId, ':eventId': key.eventId, ':kind': key.kind },
  assignments: '#updatedAt = :at, #entity = :entity, #applicationId = :applicationId, #eventId = :eventId, #kind = :kind',
});

/** What each settling write requires of the marker (`:pending`, `:sent` are the states). */
const conditions = {
  pending: 'attribute_not_exists(#state) OR #state = :pending',
  claimed: '#state = :pending AND attribute_exists(#claimedUntil)',
  // SNS keeps no order: a bounce may come before the Send event that would have recorded the e-mail as sent.
  accepted: '#state = :sent OR (#state = :pending AND attribute_exists(#claimedUntil))',
} as const;

export const createNotificationRepository = (client: DynamoDBDocumentClient, tableName: string): NotificationStore & ReturnedMailStore => {
  const applications = createApplicationRepository(client, tableName);
  /**
   * Settles a marker that is still `from` (pending: never settled; claimed: pending and claimed by a delivery
   * that may have sent; accepted: sent or claimed, when a bounce or complaint came back).
   */
  const settle = (
    key: NotificationKey,
    state: 'sent' | 'failed',
    attributes: Record<string, unknown>,
    event: TimelineEvent,
    from: keyof typeof conditions = 'pending',
  ): Promise<boolean> => {
    // A settled marker is claimed by no one (a resend puts it back to pending, unclaimed).
    const names = Object.fromEntries(Object.keys(attributes).map((name, i) => [`#a${i}`, name]));
    const values = Object.fromEntries(Object.values(attributes).map((value, i) => [`:a${i}`, value]));
    const assignments = Object.keys(attributes).map((_, i) => `#a${i} = :a${i}`);
    const identity = markerIdentity(key, event.at);
    const change = {
      Update: {
        TableName: tableName,
        Key: keyOf(key),
        UpdateExpression: `SET #state = :state, ${identity.assignments}, #deliveries = if_not_exists(#deliveries, :zero)${assignments.map((a) => `, ${a}`).join('')} REMOVE #claimedUntil`,
        ConditionExpression: conditions[from],
        ExpressionAttributeNames: { '#state': 'state', '#deliveries': 'deliveries', '#claimedUntil': 'claimedUntil', ...identity.names, ...names },
        ExpressionAttributeValues: { ':state': state, ':pending': 'pending', ...(from === 'accepted' && { ':sent': 'sent' }), ':zero': 0, ...identity.values, ...values },
      },
    };
    return changeWithEvent(client, tableName, change, event);
  };

  const find = async (key: NotificationKey) => {
    const result = await client.send(new GetCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }));
    return result.Item ? notificationItems.fromItem(result.Item) : undefined;
  };

  return {
    loadApplication: applications.findApplication,

    find,

    async claim(key, until, now) {
      const identity = markerIdentity(key, now);
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(key),
            UpdateExpression: `SET #state = if_not_exists(#state, :pending), #deliveries = if_not_exists(#deliveries, :zero), ${identity.assignments}, #claimedUntil = :until`,
            ConditionExpression: '(attribute_not_exists(#state) OR #state = :pending) AND (attribute_not_exists(#claimedUntil) OR #claimedUntil <= :now)',
            ExpressionAttributeNames: { '#state': 'state', '#deliveries': 'deliveries', '#claimedUntil': 'claimedUntil', ...identity.names },
            ExpressionAttributeValues: { ':pending': 'pending', ':zero': 0, ':until': until, ':now': now, ...identity.values },
          }),
        );
        return { outcome: 'claimed' };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const current = await find(key);
      if (current?.state === 'pending' && current.claimedUntil) return { outcome: 'held', until: current.claimedUntil };
      return { outcome: 'settled' };
    },

    recordSent: (key, messageId, event) => settle(key, 'sent', { messageId }, event),

    // SES's Send event for a message whose sender died (or whose write was refused) before recording it.
    recordAccepted: (key, messageId, event) => settle(key, 'sent', { messageId }, event, 'claimed'),

    // A failed notification joins its service's list for staff (gsi3) until someone resends it.
    recordFailed: (key, failure, event, serviceId) => settle(key, 'failed', failedListing(key, failure, event.at, serviceId), event),

    recordReturned: (key, failure, event, serviceId) => settle(key, 'failed', failedListing(key, failure, event.at, serviceId), event, 'accepted'),

    async loadEvent(applicationId, eventId) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: eventKey(applicationId, eventId), ConsistentRead: true }));
      return result.Item ? eventItems.fromItem(result.Item) : undefined;
    },

    async loadDecision(applicationId, eventId) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: decisionKey(applicationId, eventId), ConsistentRead: true }));
      return result.Item ? decisionItems.fromItem(result.Item) : undefined;
    },

    async recordTemporaryFailure(key, code, at, release) {
      const identity = markerIdentity(key, at);
      const result = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(key),
          // SES refused the message: the claim is given up, so the next delivery may send at once.
          UpdateExpression: `SET #state = if_not_exists(#state, :pending), ${identity.assignments}, #lastError = :code ADD #deliveries :one${release ? ' REMOVE #claimedUntil' : ''}`,
          ExpressionAttributeNames: { '#state': 'state', '#lastError': 'lastError', '#deliveries': 'deliveries', ...(release && { '#claimedUntil': 'claimedUntil' }), ...identity.names },
          ExpressionAttributeValues: { ':pending': 'pending', ':code': code, ':one': 1, ...identity.values },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.deliveries);
    },
  };
};
