/**
 * Queue positions at the size the agency knows (3,788 people at the end of
 * 2021): computed by a Query on the keys-only queue index, never a Scan, in a
 * single round trip, and right at the front, the middle and the end.
 */
import { describe, expect, it } from 'vitest';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { applicationItems } from '../../functions/adapters/entities/application';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import type { Application } from '../../functions/core/model';
import { storedApplication } from '../support/stored-application';
import { documentClient, freshTable } from './support/local';

const queueLength = 3_788;

const queued = (index: number): Application => {
  const admittedAt = new Date(Date.UTC(2021, 0, 1) + index * 60_000).toISOString();
  const application = storedApplication();
  return {
    ...application,
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    reference: `SIVA-2021-${String(index).padStart(6, '0')}`,
    status: 'queued',
    version: 3,
    // Realistic item size: the index must stay small however large the applications are.
    evidence: { ...application.evidence, notes: 'x'.repeat(800) },
    submittedAt: admittedAt,
    updatedAt: admittedAt,
    queue: { priorityGroup: 2, admittedAt, positionAtAdmission: index + 1 },
  };
};

describe('queue positions with a queue of several thousand', () => {
  it('counts the places ahead with Queries on the keys-only index, exactly, at any place', { timeout: 120_000 }, async () => {
    const tableName = await freshTable('queue-scale');
    const client = documentClient();
    const items = Array.from({ length: queueLength }, (_, index) => queued(index));
    const writes = [];
    for (let start = 0; start < items.length; start += 25) {
      writes.push(items.slice(start, start + 25));
    }
    // Bounded concurrency: eight batch writes in flight.
    for (let next = 0; next < writes.length; next += 8) {
      await Promise.all(
        writes.slice(next, next + 8).map(async (batch) => {
          let pending: Record<string, unknown>[] | undefined = batch.map((application) => ({ PutRequest: { Item: applicationItems.toItem(application) } }));
          while (pending && pending.length > 0) {
            const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
            pending = result.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
          }
        }),
      );
    }

    const commands: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const workflow = createWorkflowRepository(client, tableName);
    const slotOf = (application: Application) => ({
      serviceId: application.serviceId,
      track: application.track,
      priorityGroup: application.queue!.priorityGroup,
      admittedAt: application.queue!.admittedAt,
      id: application.id,
    });

    expect(await workflow.placesAhead(slotOf(items[0]!))).toBe(0);
    expect(await workflow.placesAhead(slotOf(items[1_894]!))).toBe(1_894);
    commands.length = 0;
    expect(await workflow.placesAhead(slotOf(items[queueLength - 1]!))).toBe(queueLength - 1);
    // Only Queries on the index. On DynamoDB the keys-only index holds ~200 bytes a place, so 3,788 places are one
    // 1 MB page; DynamoDB Local pages by the whole item, so here it takes a few: the count is bounded, never a Scan.
    expect(new Set(commands)).toEqual(new Set(['QueryCommand']));
    expect(commands.length).toBeLessThanOrEqual(8);

    // An urgent case admitted today goes ahead of all of them.
    expect(await workflow.placesAhead({ ...slotOf(items[0]!), priorityGroup: 0, admittedAt: new Date().toISOString(), id: 'urgent' })).toBe(0);

    // Staff read the queue in order, a page at a time.
    const firstPage = await workflow.listQueue('social-rehabilitation', 'functional-impairment', { limit: 50 });
    expect(firstPage.items.map((application) => application.reference)).toEqual(items.slice(0, 50).map((application) => application.reference));
    const secondPage = await workflow.listQueue('social-rehabilitation', 'functional-impairment', { limit: 50, cursor: firstPage.nextCursor! });
    expect(secondPage.items[0]!.reference).toBe(items[50]!.reference);
  });
});
