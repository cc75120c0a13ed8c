/**
 * Notification markers (one per event and e-mail) and the timeline events
 * that record their outcome. Settling a marker and appending its event happen
 * in one transaction guarded by "not yet settled", so an outcome is recorded once.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Application, DecisionRecord, NotificationRecord, TimelineEvent } from '../core/model';
import type { ReturnedMailStore } from '../core/mail-events';
import type { NotificationKey, NotificationStore } from '../core/notifier';
import { createApplicationRepository, eventItem, withoutKeys } from './application-repository';
import { isConditionFailure } from './dynamo-errors';
import { applicationKey, decisionKey, eventKey, failedPartition, notificationKey } from './keys';

const keyOf = ({ applicationId, eventId, kind }: NotificationKey) => notificationKey(applicationId, eventId, kind);

/** Attributes every marker write sets, so a marker is self-describing whichever write created it. */
const markerIdentity = (key: NotificationKey, at: string) => ({
  names: { '#updatedAt': 'updatedAt', '#entity': 'entity', '#applicationId': 'applicationId', '#eventId': 'eventId', '#kind': 'kind' },
  values: { ':at': at, ':entity': 'notification', ':applicationId': key.applicationId, ':eventId': key.eventId, ':kind': key.kind },
  assignments: '#updatedAt = :at, #entity = :entity, #applicationId = :applicationId, #eventId = :eventId, #kind = :kind',
});

const failedListing = (key: NotificationKey, failure: { code: string; permanent: boolean }, event: TimelineEvent, serviceId: string) => ({
  failure,
  gsi3pk: failedPartition(serviceId),
  gsi3sk: `${event.at}#${key.applicationId}#${key.eventId}#${key.kind}`,
});

export const createNotificationRepository = (client: DynamoDBDocumentClient, tableName: string): NotificationStore & ReturnedMailStore => {
  const applications = createApplicationRepository(client, tableName);
  /** Settles a marker that is still `from` (pending: never settled; sent: a bounce or complaint came back). */
  const settle = async (
    key: NotificationKey,
    state: 'sent' | 'failed',
    attributes: Record<string, unknown>,
    event: TimelineEvent,
    from: 'pending' | 'sent' = 'pending',
  ): Promise<boolean> => {
    const names = Object.fromEntries(Object.keys(attributes).map((name, i) => [`#a${i}`, name]));
    const values = Object.fromEntries(Object.values(attributes).map((value, i) => [`:a${i}`, value]));
    const assignments = Object.keys(attributes).map((_, i) => `#a${i} = :a${i}`);
    const identity = markerIdentity(key, event.at);
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: keyOf(key),
                UpdateExpression: `SET #state = :state, ${identity.assignments}, #deliveries = if_not_exists(#deliveries, :zero)${assignments.map((a) => `, ${a}`).join('')}`,
                ConditionExpression: from === 'pending' ? 'attribute_not_exists(#state) OR #state = :from' : '#state = :from',
                ExpressionAttributeNames: { '#state': 'state', '#deliveries': 'deliveries', ...identity.names, ...names },
                ExpressionAttributeValues: { ':state': state, ':from': from, ':zero': 0, ...identity.values, ...values },
              },
            },
            { Put: { TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };

  return {
    loadApplication: applications.findApplication,

    async find(key) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }));
      return result.Item ? withoutKeys<NotificationRecord>(result.Item) : undefined;
    },

    recordSent: (key, messageId, event) => settle(key, 'sent', { messageId }, event),

    // A failed notification joins its service's list for staff (gsi3) until someone resends it.
    recordFailed: (key, failure, event, serviceId) => settle(key, 'failed', failedListing(key, failure, event, serviceId), event),

    recordReturned: (key, failure, event, serviceId) => settle(key, 'failed', failedListing(key, failure, event, serviceId), event, 'sent'),

    async loadEvent(applicationId, eventId) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: eventKey(applicationId, eventId), ConsistentRead: true }));
      return result.Item ? withoutKeys<TimelineEvent>(result.Item) : undefined;
    },

    async loadDecision(applicationId, eventId) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: decisionKey(applicationId, eventId), ConsistentRead: true }));
      return result.Item ? withoutKeys<DecisionRecord>(result.Item) : undefined;
    },

    async recordTemporaryFailure(key, code, at) {
      const identity = markerIdentity(key, at);
      const result = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(key),
          UpdateExpression: `SET #state = if_not_exists(#state, :pending), ${identity.assignments}, #lastError = :code ADD #deliveries :one`,
          ExpressionAttributeNames: { '#state': 'state', '#lastError': 'lastError', '#deliveries': 'deliveries', ...identity.names },
          ExpressionAttributeValues: { ':pending': 'pending', ':code': code, ':one': 1, ...identity.values },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.deliveries);
    },
  };
};
