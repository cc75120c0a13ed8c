/**
 * Two people admitted to a queue at the same instant (same priority group, same millisecond): each gets a distinct
 * place, the order is stable (by application id, the last part of the index key), and staff's list agrees with it.
 */
import { describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { applicationItems } from '../../functions/adapters/entities/application';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import type { Application } from '../../functions/core/model';
import { storedApplication } from '../support/stored-application';
import { documentClient, freshTable } from './support/local';

const admittedAt = '2026-11-22T10:00:00.000Z';

const queued = (id: string, priorityGroup: 0 | 1 | 2, at = admittedAt): Application => ({
  ...storedApplication(),
  id,
  reference: `SIVA-2026-${id.slice(-6)}`,
  status: 'queued',
  version: 3,
  queue: { priorityGroup, admittedAt: at, positionAtAdmission: 1 },
});

describe('a queue with equal admission times', () => {
  it('gives each a distinct place in id order, behind an earlier admission and an urgent case', async () => {
    const tableName = await freshTable('queue-ties');
    const client = documentClient();
    const workflow = createWorkflowRepository(client, tableName);
    const tiedB = queued('00000000-0000-4000-8000-00000000000b', 2);
    const tiedA = queued('00000000-0000-4000-8000-00000000000a', 2);
    const earlier = queued('00000000-0000-4000-8000-00000000000c', 2, '2026-11-22T09:59:59.999Z');
    const urgentLater = queued('00000000-0000-4000-8000-00000000000d', 0, '2026-11-22T10:00:00.001Z');
    for (const application of [tiedB, tiedA, earlier, urgentLater]) {
      await client.send(new PutCommand({ TableName: tableName, Item: applicationItems.toItem(application) }));
    }
    const placesAhead = (application: Application) =>
      workflow.placesAhead({
        serviceId: application.serviceId,
        track: application.track,
        priorityGroup: application.queue!.priorityGroup,
        admittedAt: application.queue!.admittedAt,
        id: application.id,
      });

    expect(await placesAhead(urgentLater)).toBe(0);
    expect(await placesAhead(earlier)).toBe(1);
    expect(await placesAhead(tiedA)).toBe(2);
    expect(await placesAhead(tiedB)).toBe(3);

    const { items } = await workflow.listQueue(tiedA.serviceId, tiedA.track, { limit: 10 });
    expect(items.map((application) => application.id)).toEqual([urgentLater.id, earlier.id, tiedA.id, tiedB.id]);
  });
});
