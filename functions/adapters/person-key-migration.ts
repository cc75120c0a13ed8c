/**
 * Re-keying: gives every application the person key of the current version and
 * moves its open-need marker to that key (docs/person-key.md). Used once for
 * v1 (plain SHA-256) → v2 (HMAC), and again at every rotation of the HMAC key.
 *
 * It derives the new key from the personal code stored on the application, so
 * it never needs the old key: a rotated-out KMS key can be scheduled for
 * deletion as soon as a run reports nothing left to re-key. Safe to re-run and
 * to interrupt: each application moves in one transaction guarded by its
 * version, and the version is raised, so a staff decision taken on the old
 * item meanwhile gets a 409 and is retried on the re-keyed one.
 */
import { type DynamoDBDocumentClient, GetCommand, paginateScan, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamo-errors';
import { openNeedKey, personIndexKeys, type Entity } from './keys';
import { applicationItems } from './entities/application';
import { openNeedItem } from './entities/open-need';
import type { Application } from '../core/model';
import { putAtVersion, putNew, type TransactItem } from './writes';
type Write = TransactItem;

export interface RekeyReport {
  /** Applications read. */
  readonly examined: number;
  /** Applications given the current person key (and index keys). */
  readonly rekeyed: number;
  /** Open-need markers moved to the current key. */
  readonly markersMoved: number;
  /** Open applications whose need was taken under the new key meanwhile: flagged for staff as possible duplicates. */
  readonly flaggedDuplicates: number;
  /** Applications that changed while being re-keyed: left for the next run. */
  readonly skipped: number;
}

export const rekeyPersonKeys = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  personKey: (personalCode: string) => Promise<string>,
): Promise<RekeyReport> => {
  const report = { examined: 0, rekeyed: 0, markersMoved: 0, flaggedDuplicates: 0, skipped: 0 };
  // A one-off operator run over every application: a Scan is the honest tool here (never on a request path).
  const pages = paginateScan(
    { client },
    { TableName: tableName, FilterExpression: 'entity = :application', ExpressionAttributeValues: { ':application': 'application' satisfies Entity }, ConsistentRead: true },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      report.examined += 1;
      const application = applicationItems.fromItem(item);
      const current = await personKey(application.applicant.personalCode);
      if (application.personKey === current && item.gsi4pk === personIndexKeys(current, '', '').gsi4pk) continue;
      const outcome = await rekey(client, tableName, application, current);
      if (outcome === 'changed-meanwhile') {
        report.skipped += 1;
        continue;
      }
      report.rekeyed += 1;
      if (outcome === 'marker-moved') report.markersMoved += 1;
      if (outcome === 'flagged') report.flaggedDuplicates += 1;
    }
  }
  return report;
};

type Outcome = 'rekeyed' | 'marker-moved' | 'flagged' | 'changed-meanwhile';

const rekey = async (client: DynamoDBDocumentClient, tableName: string, application: Application, current: string): Promise<Outcome> => {
  const oldMarker = openNeedKey(application.serviceId, application.track, application.personKey);
  const newMarker = openNeedKey(application.serviceId, application.track, current);
  const held = (await client.send(new GetCommand({ TableName: tableName, Key: oldMarker, ConsistentRead: true }))).Item;
  const holdsNeed = held?.applicationId === application.id && !application.possibleDuplicateOf;

  const put = (after: Application): Write => putAtVersion(tableName, applicationItems.toItem(after), application.version);
  const rekeyed: Application = { ...application, personKey: current, version: application.version + 1 };
  const releaseOld: Write = {
    Delete: { TableName: tableName, Key: oldMarker, ConditionExpression: 'applicationId = :id', ExpressionAttributeValues: { ':id': application.id } },
  };
  const send = (writes: Write[]) => client.send(new TransactWriteCommand({ TransactItems: writes }));

  try {
    if (!holdsNeed) {
      await send([put(rekeyed)]);
      return 'rekeyed';
    }
    try {
      await send([
        put(rekeyed),
        releaseOld,
        putNew(tableName, openNeedItem(application, current, String(held?.since ?? application.submittedAt))),
      ]);
      return 'marker-moved';
    } catch (error) {
      if (!isConditionFailure(error, 2)) throw error;
    }
    // Someone filed for the same need under the new key before this run: both stay, staff decide.
    const holder = (await client.send(new GetCommand({ TableName: tableName, Key: newMarker, ConsistentRead: true }))).Item;
    if (typeof holder?.applicationId !== 'string') return 'changed-meanwhile';
    await send([put({ ...rekeyed, possibleDuplicateOf: holder.applicationId }), releaseOld]);
    return 'flagged';
  } catch (error) {
    if (isConditionFailure(error)) return 'changed-meanwhile';
    throw error;
  }
};
