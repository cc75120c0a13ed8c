/** Portal sessions in the single table, each under a digest of its id, removed by the table's TTL when expired. */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SessionStore } from '../web/session';
import { sessionItem, sessionOfItem } from './entities/session';
import { sessionKey } from './keys';

export const createSessionRepository = (client: DynamoDBDocumentClient, tableName: string): SessionStore => ({
  async find(idDigest) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: sessionKey(idDigest), ConsistentRead: true }));
    return Item ? sessionOfItem(Item) : undefined;
  },
  async save(idDigest, session, expiresAt) {
    await client.send(new PutCommand({ TableName: tableName, Item: sessionItem(idDigest, session, expiresAt) }));
  },
  async remove(idDigest) {
    await client.send(new DeleteCommand({ TableName: tableName, Key: sessionKey(idDigest) }));
  },
});
