/**
 * The staff work list across services: each of the member's services is queried (never scanned) and the results
 * merged newest first, reading at most one page of items from each service per call, with a cursor that carries
 * each service's own place.
 */
import { describe, expect, it } from 'vitest';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationStatus } from '../../schemas/lifecycle';
import type { ServiceId } from '../../schemas/services';
import { applicationItems } from '../../functions/adapters/entities/application';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import { isDomainError } from '../../functions/core/errors';
import type { Application } from '../../functions/core/model';
import { storedApplication } from '../support/stored-application';
import { api, documentClient, freshTable, tokens } from './support/local';
import { rigaDate } from '../../functions/core/dates';
import { validForm, freshPersonalCode } from '../support/service-forms';

const statuses: readonly ApplicationStatus[] = ['submitted', 'registered', 'queued'];
const sizes: Record<string, number> = { 'social-rehabilitation': 12, 'vocational-suitability': 7, 'early-intervention': 5 };
const services = Object.keys(sizes) as ServiceId[];

/** Applications of three services, a minute apart, interleaved, so the newest page mixes services. */
const seeded = async () => {
  const tableName = await freshTable('work-list');
  const client = documentClient();
  const applications: Application[] = [];
  let minute = 0;
  for (const serviceId of services) {
    for (let index = 0; index < sizes[serviceId]!; index += 1) {
      const submittedAt = new Date(Date.UTC(2026, 10, 1) + (minute * 7 % 24) * 60_000 + minute).toISOString();
      minute += 1;
      applications.push({ ...storedApplication(), serviceId, status: statuses[index % statuses.length]!, submittedAt, updatedAt: submittedAt });
    }
  }
  for (let start = 0; start < applications.length; start += 25) {
    await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: applications.slice(start, start + 25).map((application) => ({ PutRequest: { Item: applicationItems.toItem(application) } })) } }));
  }
  const queries: { limit?: number }[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand') queries.push({ limit: (args.input as { Limit?: number }).Limit });
      if (context.commandName === 'ScanCommand') throw new Error('the work list must never scan');
      return next(args);
    },
    { step: 'initialize' },
  );
  return { store: createWorkflowRepository(client, tableName), applications, queries };
};

const newestFirst = (applications: readonly Application[]) => [...applications].sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1)).map((application) => application.id);

describe('the work list across services', () => {
  it('merges each service newest first, one Query of at most a page (+1) per service per call, until every application was listed once', async () => {
    const { store, applications, queries } = await seeded();
    const listed: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const before = queries.length;
      const page = await store.listByServices(services, {}, { limit: 10, ...(cursor && { cursor }) });
      calls += 1;
      const made = queries.slice(before);
      expect(made.length).toBeLessThanOrEqual(services.length);
      expect(made.every((query) => query.limit === 11)).toBe(true);
      listed.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor && calls < 10);
    expect(listed).toEqual(newestFirst(applications));
    expect(calls).toBe(3);
  });

  it('filters by status across services, and answers one service alone when asked', async () => {
    const { store, applications } = await seeded();
    const registered = await store.listByServices(services, { status: 'registered' }, { limit: 50 });
    expect(registered.items.map((item) => item.id)).toEqual(newestFirst(applications.filter((application) => application.status === 'registered')));
    const one = await store.listByServices(['early-intervention'], {}, { limit: 50 });
    expect(one.items.map((item) => item.id)).toEqual(newestFirst(applications.filter((application) => application.serviceId === 'early-intervention')));
  });

  it('refuses a cursor made for other services (it cannot reach a service the caller did not ask for)', async () => {
    const { store } = await seeded();
    const first = await store.listByServices(services, {}, { limit: 5 });
    const refused = await store.listByServices(['social-rehabilitation'], {}, { limit: 5, cursor: first.nextCursor! }).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.kind).toBe('validation');
  });
});

describe('GET /staff/applications without serviceId', () => {
  const today = rigaDate(new Date());

  it("lists all of the member's services; a queue still needs a service", async () => {
    const form = validForm('early-intervention', 'after-acute-event', today);
    const citizen = await (await tokens()).citizen(freshPersonalCode());
    const created = await api('/applications', { token: citizen, json: form });
    expect(created.status).toBe(201);
    const member = await (await tokens()).workforce('staff', `staff-${crypto.randomUUID().slice(0, 8)}`, { services: ['early-intervention', 'driving-training'] });
    const all = await api('/staff/applications?limit=50', { token: member });
    expect(all.status).toBe(200);
    expect(all.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(all.body.items.every((item: { serviceId: string }) => ['early-intervention', 'driving-training'].includes(item.serviceId))).toBe(true);
    const queue = await api('/staff/applications?sort=queue&track=after-acute-event', { token: member });
    expect(queue.status).toBe(400);
    expect(JSON.stringify(queue.body)).toContain('serviceId');
    const noServices = await (await tokens()).workforce('staff', 'nobody', { services: [] });
    const nothing = (await api('/staff/applications', { token: noServices })).body;
    expect(nothing.items).toEqual([]);
    expect(Object.values(nothing.counts).every((count) => count === 0)).toBe(true);
  });
});
