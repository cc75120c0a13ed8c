/** Citizens and what the table holds of them, for the fault drills. */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { canary, uniquePersonalCode } from '../../support/fixtures';
import { dynamoClient, tokens } from './local';

export interface Citizen {
  readonly token: string;
  readonly personalCode: string;
  /** The `sub` of the token: what the application's owner is recorded as. */
  readonly subject: string;
}

/** A citizen nobody else is: a personal code of their own, canary names, and a token the gateway accepts. */
export const newCitizen = async (email: string = canary.email): Promise<Citizen> => {
  const personalCode = uniquePersonalCode();
  const token = await (await tokens()).citizen(personalCode, { email, givenName: canary.givenName, familyName: canary.familyName });
  const { sub } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string };
  return { token, personalCode, subject: sub };
};

type Item = Record<string, any>;

/** Every item of a (small) table, read with the low-level client so a mocked document client cannot get in the way. */
export const tableItems = async (tableName: string): Promise<Item[]> => {
  const client = dynamoClient();
  const items: Item[] = [];
  let startKey: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  client.destroy();
  return items;
};

/** The applications a citizen owns and the timeline events they caused. */
export const storedBy = (items: readonly Item[], subject: string) => ({
  applications: items.filter((item) => item.entity === 'application' && item.ownerSubject === subject),
  events: items.filter((item) => item.entity === 'event' && item.actor?.subject === subject),
});

/** Timeline items whose application is missing: what a half-written submission would leave. */
export const orphans = (items: readonly Item[]) => {
  const applications = new Set(items.filter((item) => item.entity === 'application').map((item) => item.pk));
  return items.filter((item) => (item.entity === 'event' || item.entity === 'notification') && !applications.has(item.pk));
};
