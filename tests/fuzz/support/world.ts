/**
 * The fuzz suite's data: other people's applications and referrals, seeded
 * through the real routes, and a scan of the whole table.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect, inject } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamo';
import { applicationKey } from '../../../functions/adapters/keys';
import { rigaDate } from '../../../functions/core/dates';
import { routes, routeKey } from '../../../infra/routes';
import { localDynamoClient } from '../../../local/dynamodb';
import { afterMedicalRehabilitationApplication, canaryContact, functionalImpairmentApplication, uniquePersonalCode } from '../../support/fixtures';
import { referralOf, validForm } from '../../support/service-forms';
import { freshIdentity, send, type Caller, type FuzzRequest, type Identity, type Route } from './requests';
import type { Holder, World } from './route-fuzz';

export const fuzzTableName = () => process.env.TABLE_NAME!;

export const routeFor = (key: string): Route => {
  const route = routes.find((candidate) => routeKey(candidate) === key);
  if (!route) throw new Error(`no route ${key} in infra/routes.ts`);
  return route;
};

const call = async (key: string, identity: Identity, request: Partial<FuzzRequest>, status: number) => {
  const answer = await send(routeFor(key), identity, request);
  expect(answer.status, `seeding, ${key}: ${answer.text.slice(0, 300)}`).toBe(status);
  return answer.json;
};

/** Files each body on `submitKey` as `identity` and reads back a cursor to the second page of `listKey`. */
const holderOf = async (identity: Identity, submitKey: string, bodies: readonly unknown[], listKey: string): Promise<Holder> => {
  const created = [];
  for (const body of bodies) created.push(await call(submitKey, identity, { body: JSON.stringify(body) }, 201));
  const page = await call(listKey, identity, { query: { limit: '1' } }, 200);
  return { identity, ids: created.map(({ id }) => id), references: created.map(({ reference }) => reference), cursor: page.nextCursor };
};

export const seedWorld = async (): Promise<World> => {
  const today = rigaDate(new Date());
  const withCanary = <T extends { applicant: { dateOfBirth: string } }>(form: T) => ({
    ...form,
    applicant: { ...form.applicant, ...canaryContact, dateOfBirth: form.applicant.dateOfBirth },
  });
  // Two of each on different tracks, so neither is a duplicate of the other.
  const owner = await holderOf(
    freshIdentity('citizen', 'owner'),
    'POST /applications',
    [withCanary(functionalImpairmentApplication(today)), withCanary(afterMedicalRehabilitationApplication(today))],
    'GET /applications',
  );
  const referrer = await holderOf(
    freshIdentity('social-service', 'referrer'),
    'POST /referrals',
    ['addiction-adults', 'trafficking-victims'].map((track) => referralOf(withCanary(validForm('coordinated-services', track, today)), uniquePersonalCode(), today)),
    'GET /referrals',
  );
  const staff = freshIdentity('staff', 'staff');
  const work = await call('GET /staff/applications', staff, { query: { serviceId: 'social-rehabilitation', limit: '1' } }, 200);
  const world = { today, owner, referrer, staff: { identity: staff, cursor: work.nextCursor } };
  expect([owner.cursor, referrer.cursor, world.staff.cursor], 'seeding: a cursor to the second page of each list').toEqual([
    expect.any(String),
    expect.any(String),
    expect.any(String),
  ]);
  return world;
};

/** The identity a request is sent as. */
export const identityOf = (as: Caller, world: World, freshRole: Identity['role']): Identity =>
  as === 'fresh' ? freshIdentity(freshRole) : world[as].identity;

/** The version an application has now, read from the table (undefined when the id names none). */
export const versionOf = async (id: string): Promise<number | undefined> => {
  // A hostile id may be no valid key at all (too long, odd characters): it names no application either.
  if (!/^[\w-]{1,64}$/.test(id)) return undefined;
  const client = createDocumentClient(localDynamoClient(inject('fuzzDynamoEndpoint')));
  try {
    const item = (await client.send(new GetCommand({ TableName: fuzzTableName(), Key: applicationKey(id), ConsistentRead: true }))).Item;
    return typeof item?.version === 'number' ? item.version : undefined;
  } finally {
    client.destroy();
  }
};

/** Every item of the fuzz table. */
export const scanTable = async (): Promise<Record<string, unknown>[]> => {
  const client = createDocumentClient(localDynamoClient(inject('fuzzDynamoEndpoint')));
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: fuzzTableName(), ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  client.destroy();
  return items;
};
