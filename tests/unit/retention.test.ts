/**
 * Retention arithmetic (docs/retention.md): a file is kept 10 years from the Riga date it closed, and is listed
 * under the month of that date; only closing moves write it.
 */
import { describe, expect, it } from 'vitest';
import type { Application } from '../../functions/core/model';
import {
  closingFields,
  destroyApplications,
  dueRecordOf,
  listDue,
  retainUntilOf,
  retentionMonthOf,
  type ArchivistPrincipal,
  type RetentionStore,
  type Tombstone,
} from '../../functions/core/retention';
import { applicationStatuses } from '../../schemas/lifecycle';
import { referredApplication } from '../support/email-fixtures';

describe('how long a file is kept', () => {
  it('ends ten years from the Riga date of closing, not the UTC one', () => {
    // 21:30 UTC on 31 May is 00:30 on 1 June in Riga (summer time, +3).
    expect(retainUntilOf('2027-05-31T21:30:00.000Z')).toBe('2037-06-01');
    expect(retentionMonthOf(retainUntilOf('2027-05-31T21:30:00.000Z'))).toBe('2037-06');
    // In winter (+2) 21:30 UTC is still the same day in Riga; 22:00 is the next.
    expect(retainUntilOf('2027-01-31T21:30:00.000Z')).toBe('2037-01-31');
    expect(retainUntilOf('2027-01-31T22:00:00.000Z')).toBe('2037-02-01');
  });

  it('keeps a file closed on 29 February until 28 February ten years on', () => {
    expect(retainUntilOf('2028-02-29T10:00:00.000Z')).toBe('2038-02-28');
  });

  it('is written by the moves that close an application, and by no other', () => {
    const at = '2027-03-10T10:00:00.000Z';
    const closing = applicationStatuses.filter((status) => Object.keys(closingFields(status, at)).length > 0);
    expect(closing.sort()).toEqual(['completed', 'not_started', 'refused', 'withdrawn']);
    expect(closingFields('refused', at)).toEqual({ closedAt: at, retainUntil: '2037-03-10' });
  });
});

describe('destroying files whose retention has ended (the archivist)', () => {
  const today = new Date('2037-03-10T08:00:00.000Z');
  const archivist: ArchivistPrincipal = { role: 'archivist', subject: 'archivist-1', name: 'Ilze Arhīve', services: [] };
  const closed = (id: string, retainUntil: string): Application => ({ ...referredApplication, id, status: 'refused', closedAt: '2027-03-10T10:00:00.000Z', retainUntil });
  const due = closed('due', '2037-03-10');
  const earlier = closed('earlier', '2037-02-01');

  const storeOf = (applications: Application[], tombstones: Tombstone[] = []) => {
    const kept = new Map(applications.map((application) => [application.id, application]));
    const left = new Map(tombstones.map((tombstone) => [tombstone.id, tombstone]));
    const store: RetentionStore = {
      findApplication: async (id) => kept.get(id),
      findTombstone: async (id) => left.get(id),
      listDue: async (month) => ({ items: [...kept.values()].filter(({ retainUntil }) => retainUntil?.startsWith(month)).map(dueRecordOf) }),
      destroy: async (application, tombstone) => {
        kept.delete(application.id);
        left.set(tombstone.id, tombstone);
      },
    };
    return { deps: { store, clock: () => today }, kept, left };
  };

  it('destroys every file named once each is due (retention ended today or before), leaving tombstones without personal data', async () => {
    const { deps, kept, left } = storeOf([due, earlier]);
    const tombstones = await destroyApplications(deps, archivist, { ids: ['due', 'earlier'], approvalReference: 'LVA-2037/14' });
    expect(tombstones).toEqual([
      {
        id: 'due',
        reference: referredApplication.reference,
        serviceId: referredApplication.serviceId,
        track: referredApplication.track,
        status: 'refused',
        submittedAt: referredApplication.submittedAt,
        closedAt: '2027-03-10T10:00:00.000Z',
        retainUntil: '2037-03-10',
        destroyedAt: '2037-03-10T08:00:00.000Z',
        destroyedBy: 'archivist-1',
        approvalReference: 'LVA-2037/14',
      },
      expect.objectContaining({ id: 'earlier', retainUntil: '2037-02-01', destroyedBy: 'archivist-1' }),
    ]);
    expect(kept.size).toBe(0);
    expect([...left.values()]).toEqual(tombstones);
  });

  it('destroys nothing when one named file is not due or still open, naming each such one by its place in the list', async () => {
    const open: Application = { ...referredApplication, id: 'open' };
    const tomorrow = closed('tomorrow', '2037-03-11');
    const { deps, kept } = storeOf([due, tomorrow, open]);
    await expect(destroyApplications(deps, archivist, { ids: ['due', 'tomorrow', 'open'], approvalReference: 'LVA-2037/14' })).rejects.toMatchObject({
      kind: 'not-eligible',
      violations: [
        { path: ['ids', 1], code: 'retention_not_due' },
        { path: ['ids', 2], code: 'retention_not_due' },
      ],
    });
    expect([...kept.keys()]).toEqual(['due', 'tomorrow', 'open']);
  });

  it('answers a repeated request with the same tombstones, and a file that never existed with 404, destroying nothing', async () => {
    const { deps, kept } = storeOf([due]);
    const first = await destroyApplications(deps, archivist, { ids: ['due'], approvalReference: 'LVA-2037/14' });
    expect(await destroyApplications(deps, archivist, { ids: ['due'], approvalReference: 'LVA-2037/15' })).toEqual(first);

    const other = storeOf([earlier]);
    await expect(destroyApplications(other.deps, archivist, { ids: ['earlier', 'never'], approvalReference: 'LVA-2037/14' })).rejects.toMatchObject({ kind: 'not-found' });
    expect([...other.kept.keys()]).toEqual(['earlier']);
    expect(kept.size).toBe(0);
  });

  it('lists a month’s due files by what the archive needs; an open file has no dates to list', async () => {
    const { deps } = storeOf([due, earlier]);
    expect((await listDue(deps, archivist, '2037-03', { limit: 50 })).items.map(({ id, retainUntil }) => [id, retainUntil])).toEqual([['due', '2037-03-10']]);
    const { closedAt: _closedAt, retainUntil: _retainUntil, ...open } = due;
    expect(dueRecordOf(open)).toMatchObject({ closedAt: '', retainUntil: '' });
  });
});
