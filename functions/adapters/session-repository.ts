/** Portal sessions in the single table, each under a digest of its id, removed by the table's TTL when expired. */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SessionData, SessionStore, StoredSession } from '../web/session';
import { sessionKey } from './keys';

export const createSessionRepository = (client: DynamoDBDocumentClient, tableName: string): SessionStore => ({
  async find(idDigest) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: sessionKey(idDigest), ConsistentRead: true }));
    if (!Item) return undefined;
    return { createdAt: Item.createdAt as number, lastSeenAt: Item.lastSeenAt as number, data: Item.data as SessionData };
  },
  async save(idDigest, session: StoredSession, expiresAt) {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...sessionKey(idDigest), entity: 'session', createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, data: session.data, expiresAt },
      }),
    );
  },
  async remove(idDigest) {
    await client.send(new DeleteCommand({ TableName: tableName, Key: sessionKey(idDigest) }));
  },
});
