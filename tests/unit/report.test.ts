import { describe, expect, it, vi } from 'vitest';
import { decisionTypes } from '../../schemas/decision';
import { applicationStatuses } from '../../schemas/lifecycle';
import { AnnualReport } from '../../schemas/report';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countedMarkerTtlSeconds } from '../../functions/adapters/entities/report';
import { createReportRepository } from '../../functions/adapters/report-repository';
import { nextStatus } from '../../functions/core/lifecycle';
import type { Application, TimelineEvent } from '../../functions/core/model';
import {
  annualReport,
  annualReportWithQueueByMonth,
  buildReport,
  countForReport,
  queueByMonth,
  reportIncrements,
  restrictToServices,
  type Counter,
  type EventCount,
  type QueueNet,
  type ReportStore,
} from '../../functions/core/report';

type Case = Pick<Application, 'serviceId' | 'track' | 'channel'>;
const socialRehab: Case = { serviceId: 'social-rehabilitation', track: 'chernobyl', channel: 'self' };
const scope = { year: 2021, month: 6, serviceId: 'social-rehabilitation', track: 'chernobyl' } as const;

let sequence = 0;
const event = (type: TimelineEvent['type'], details: TimelineEvent['details'] = {}, at = '2021-06-01T09:00:00.000Z'): TimelineEvent => ({
  applicationId: `application-${(sequence += 1)}`,
  id: `${at}#${sequence}`,
  type,
  at,
  actor: { role: 'staff', subject: 'staff-anna' },
  details,
});
const decision = (type: string, from: string, at?: string) => event('decision', { decision: type, from, to: nextStatus(type as never, from as never)! }, at);

describe('what a timeline event adds to the report', () => {
  it('counts a submitted application by service, track and the channel it came by', () => {
    expect(reportIncrements(event('submitted', { channel: 'referral', referrer: 'social-service' }), socialRehab)).toEqual([
      { ...scope, metric: 'applications', dimension: 'referral', delta: 1 },
    ]);
  });

  it('dates every figure by the Riga calendar, not UTC', () => {
    const dateOf = (at: string) => {
      const increment = reportIncrements(event('submitted', { channel: 'self' }, at), socialRehab)[0];
      return [increment?.year, increment?.month];
    };
    expect(dateOf('2020-12-31T21:59:59.999Z')).toEqual([2020, 12]);
    expect(dateOf('2020-12-31T22:00:00.000Z')).toEqual([2021, 1]); // midnight in Riga (EET, UTC+2)
    expect(dateOf('2021-12-31T21:59:59.999Z')).toEqual([2021, 12]);
    expect(dateOf('2021-05-31T21:00:00.000Z')).toEqual([2021, 6]); // midnight in Riga (EEST, UTC+3)
  });

  it('counts a decision under its category, on the service and track', () => {
    const categoryOf = (type: string, from: string) => reportIncrements(decision(type, from), socialRehab).find((i) => i.metric === 'decisions');
    expect(categoryOf('admit-to-queue', 'under_review')).toMatchObject({ dimension: 'queue-admission', delta: 1 });
    expect(categoryOf('grant', 'under_review')).toMatchObject({ dimension: 'grant' });
    expect(categoryOf('refuse', 'registered')).toMatchObject({ dimension: 'refusal' });
    // Letters and requests are decisions too (docs/domain.md: 8,491 in 2021).
    expect(categoryOf('register', 'submitted')).toMatchObject({ dimension: 'other' });
    expect(categoryOf('request-documents', 'registered')).toMatchObject({ dimension: 'other' });
    expect(categoryOf('postpone', 'granted')).toMatchObject({ dimension: 'other' });
  });

  it('counts course delivery as recipients, not among the coordination decisions', () => {
    expect(reportIncrements(decision('start', 'granted'), socialRehab)).toEqual([{ ...scope, metric: 'recipients', dimension: 'started', delta: 1 }]);
    expect(reportIncrements(decision('not-started', 'postponed'), socialRehab)).toEqual([
      { ...scope, metric: 'recipients', dimension: 'not-started', delta: 1 },
    ]);
    expect(reportIncrements(decision('complete', 'started'), socialRehab)).toEqual([{ ...scope, metric: 'recipients', dimension: 'completed', delta: 1 }]);
  });

  it('moves the queue length: +1 on admission, −1 on any decision that takes the application out of the queue', () => {
    const queueOf = (e: TimelineEvent) => reportIncrements(e, socialRehab).filter((i) => i.metric === 'queue');
    expect(queueOf(decision('admit-to-queue', 'registered'))).toEqual([{ ...scope, metric: 'queue', delta: 1 }]);
    expect(queueOf(decision('grant', 'queued'))).toEqual([{ ...scope, metric: 'queue', delta: -1 }]);
    expect(queueOf(decision('refuse', 'queued'))).toEqual([{ ...scope, metric: 'queue', delta: -1 }]);
    expect(queueOf(decision('grant', 'under_review'))).toEqual([]); // urgent: skipped the queue
  });

  it('counts a withdrawal by the status it left, and takes it out of the queue when it was queued', () => {
    expect(reportIncrements(event('withdrawn', { from: 'queued', to: 'withdrawn' }), socialRehab)).toEqual([
      { ...scope, metric: 'withdrawals', dimension: 'queued', delta: 1 },
      { ...scope, metric: 'queue', delta: -1 },
    ]);
    expect(reportIncrements(event('withdrawn', { from: 'registered', to: 'withdrawn' }), socialRehab)).toEqual([
      { ...scope, metric: 'withdrawals', dimension: 'registered', delta: 1 },
    ]);
  });

  it('ignores other events and details it cannot read', () => {
    for (const type of ['documents_submitted', 'viewed_by_staff', 'viewed_by_referrer', 'notification_sent', 'notification_failed', 'notification_resend_requested'] as const) {
      expect(reportIncrements(event(type, { from: 'queued', to: 'under_review' }), socialRehab)).toEqual([]);
    }
    expect(reportIncrements(event('decision', { decision: 'promote', from: 'queued', to: 'granted' }), socialRehab)).toEqual([]);
    expect(reportIncrements(event('decision', { decision: 'grant' }), socialRehab)).toEqual([]);
    expect(reportIncrements(event('withdrawn', {}), socialRehab)).toEqual([]);
  });

  it('yields at most two increments for any lawful transition, far within one transaction', () => {
    for (const type of decisionTypes) {
      for (const from of applicationStatuses.filter((status) => nextStatus(type, status))) {
        expect(reportIncrements(decision(type, from), socialRehab).length).toBeLessThanOrEqual(2);
      }
    }
  });

  it('depends only on the event and the application\u2019s service and track, so a late or repeated delivery adds the same', () => {
    const grant = decision('grant', 'queued');
    const statusesByThen: Application['status'][] = ['granted', 'started', 'completed'];
    const seen = statusesByThen.map((status) => {
      const application = { ...socialRehab, status, version: 7 };
      return reportIncrements(grant, application);
    });
    expect(new Set(seen.map((increments) => JSON.stringify(increments))).size).toBe(1);
  });
});

const counter = (c: Counter) => c;
const sr = { serviceId: 'social-rehabilitation' } as const;

describe('the annual report from counters', () => {
  it('tabulates applications per service with per-track and per-channel breakdowns, and the total', () => {
    const report = buildReport(2021, [
      counter({ ...sr, track: 'chernobyl', metric: 'applications', dimension: 'self', count: 5 }),
      counter({ ...sr, track: 'chernobyl', metric: 'applications', dimension: 'referral', count: 2 }),
      counter({ ...sr, track: 'functional-impairment', metric: 'applications', dimension: 'self', count: 10 }),
      counter({ serviceId: 'driving-training', track: 'category-b', metric: 'applications', dimension: 'representative', count: 1 }),
    ], []);
    expect(report.services['social-rehabilitation']?.applications).toEqual({
      total: 17,
      byChannel: { self: 15, representative: 0, referral: 2 },
      byTrack: { chernobyl: 7, 'functional-impairment': 10 },
    });
    expect(report.totals.applications).toEqual({ total: 18, byChannel: { self: 15, representative: 1, referral: 2 } });
    expect(report.services['vehicle-adaptation']).toBeUndefined(); // nothing counted
  });

  it('tabulates decisions per service and track by category, recipients by outcome, withdrawals by former status', () => {
    const report = buildReport(2021, [
      counter({ ...sr, track: 'chernobyl', metric: 'decisions', dimension: 'grant', count: 237 }),
      counter({ ...sr, track: 'chernobyl', metric: 'decisions', dimension: 'queue-admission', count: 147 }),
      counter({ ...sr, track: 'politically-repressed', metric: 'decisions', dimension: 'grant', count: 232 }),
      counter({ ...sr, track: 'chernobyl', metric: 'recipients', dimension: 'started', count: 200 }),
      counter({ ...sr, track: 'chernobyl', metric: 'recipients', dimension: 'not-started', count: 37 }),
      counter({ ...sr, track: 'chernobyl', metric: 'withdrawals', dimension: 'queued', count: 3 }),
    ], []);
    const figures = report.services['social-rehabilitation']!;
    expect(figures.decisions).toEqual({
      total: 616,
      byCategory: { 'queue-admission': 147, grant: 469, refusal: 0, other: 0 },
      byTrack: {
        chernobyl: { total: 384, byCategory: { 'queue-admission': 147, grant: 237, refusal: 0, other: 0 } },
        'politically-repressed': { total: 232, byCategory: { 'queue-admission': 0, grant: 232, refusal: 0, other: 0 } },
      },
    });
    expect(figures.recipients).toEqual({
      byOutcome: { started: 200, 'not-started': 37, completed: 0 },
      byTrack: { chernobyl: { started: 200, 'not-started': 37, completed: 0 } },
    });
    expect(figures.withdrawals).toEqual({ total: 3, byFromStatus: { queued: 3 }, byTrack: { chernobyl: 3 } });
    expect(report.totals.decisions.total).toBe(616);
  });

  it('gives the queue at a year\u2019s end as the net changes of every year up to and including it', () => {
    const net = (year: number, track: string, change: number): QueueNet => ({ year, ...sr, track, net: change });
    const changes = [net(2020, 'chernobyl', 600), net(2020, 'functional-impairment', 5200), net(2021, 'chernobyl', -128), net(2022, 'chernobyl', -400)];
    expect(buildReport(2020, [], changes).services['social-rehabilitation']?.queueAtYearEnd).toEqual({
      total: 5800,
      byTrack: { chernobyl: 600, 'functional-impairment': 5200 },
    });
    expect(buildReport(2021, [], changes).services['social-rehabilitation']?.queueAtYearEnd).toEqual({
      total: 5672,
      byTrack: { chernobyl: 472, 'functional-impairment': 5200 },
    });
    expect(buildReport(2021, [], changes).totals.queueAtYearEnd.total).toBe(5672);
  });

  it('shows a staff member only their services, with totals over those', () => {
    const report = buildReport(2021, [
      counter({ ...sr, track: 'chernobyl', metric: 'applications', dimension: 'self', count: 5 }),
      counter({ serviceId: 'driving-training', track: 'category-b', metric: 'applications', dimension: 'self', count: 1 }),
    ], []);
    const theirs = restrictToServices(report, ['driving-training', 'vehicle-adaptation']);
    expect(theirs.scope).toEqual(['driving-training', 'vehicle-adaptation']);
    expect(Object.keys(theirs.services)).toEqual(['driving-training']);
    expect(theirs.totals.applications.total).toBe(1);
    expect(restrictToServices(report, []).totals.applications.total).toBe(0);
  });

  it('matches the published response schema', () => {
    const report = buildReport(2021, [counter({ ...sr, track: 'chernobyl', metric: 'decisions', dimension: 'other', count: 1 })], [
      { year: 2021, ...sr, track: 'chernobyl', net: 1 },
    ]);
    expect(AnnualReport.safeParse(report).success).toBe(true);
  });
});

/** A store with the repository's contract: increments applied once per event. */
const memoryStore = (applications: Record<string, Case>) => {
  const counted = new Set<string>();
  const counts = new Map<string, EventCount['increments'][number] & { count: number }>();
  const store: ReportStore = {
    loadApplication: vi.fn(async (id: string) => applications[id] as Application | undefined),
    async countOnce(batch) {
      return batch.map(({ event, increments }) => {
        const marker = `${event.applicationId}/${event.id}`;
        if (increments.length === 0 || counted.has(marker)) return false;
        counted.add(marker);
        for (const increment of increments) {
          const { delta, ...figure } = increment;
          const key = JSON.stringify(figure);
          counts.set(key, { ...increment, count: (counts.get(key)?.count ?? 0) + delta });
        }
        return true;
      });
    },
    async readYear(year) {
      const all = [...counts.values()].flatMap((c) => (c.metric === 'status' ? [] : [c]));
      const queue = all.flatMap((c) => (c.metric === 'queue' ? [{ year: c.year, month: c.month, serviceId: c.serviceId, track: c.track, net: c.count }] : []));
      const byYear = new Map<string, QueueNet>();
      for (const { month: _m, ...change } of queue.filter((c) => c.year <= year)) {
        const key = `${change.year}/${change.track}`;
        byYear.set(key, { ...change, net: (byYear.get(key)?.net ?? 0) + change.net });
      }
      return {
        counters: all.filter((c) => c.metric !== 'queue' && c.year === year).map(({ year: _y, month: _m, delta: _d, ...c }) => c as Counter),
        queueNetByYear: [...byYear.values()],
        queueNetByMonth: queue.filter((c) => c.year === year),
      };
    },
  };
  return store;
};

describe('counting from the stream', () => {
  it('reads nothing for events the report ignores', async () => {
    const store = memoryStore({});
    expect(await countForReport(store, event('notification_sent'))).toBe(false);
    expect(store.loadApplication).not.toHaveBeenCalled();
  });

  it('gives the same report when every event is delivered twice', async () => {
    const submitted = { ...event('submitted', { channel: 'self' }), applicationId: 'a' };
    const admitted = { ...decision('admit-to-queue', 'registered'), applicationId: 'a' };
    const granted = { ...decision('grant', 'queued', '2022-02-01T09:00:00.000Z'), applicationId: 'a' };
    const store = memoryStore({ a: socialRehab });

    const firstDeliveries = [];
    for (const e of [submitted, admitted, granted]) firstDeliveries.push(await countForReport(store, e));
    const once = [await annualReport(store, 2021, ['social-rehabilitation']), await annualReport(store, 2022, ['social-rehabilitation'])];
    const again = [];
    for (const e of [granted, submitted, admitted]) again.push(await countForReport(store, e));

    expect(firstDeliveries).toEqual([true, true, true]);
    expect(again).toEqual([false, false, false]);
    expect([await annualReport(store, 2021, ['social-rehabilitation']), await annualReport(store, 2022, ['social-rehabilitation'])]).toEqual(once);
    expect(once.map((report) => report.totals.queueAtYearEnd.total)).toEqual([1, 0]);
    expect(once.map((report) => report.totals.decisions.total)).toEqual([1, 1]);
  });
});

describe('the report repository\u2019s transactions', () => {
  type TransactItems = { Put?: { Item: Record<string, unknown> }; Update?: { Key: Record<string, unknown> } }[];
  const cancelled = (...codes: string[]) =>
    Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });
  /** A client that answers each TransactWriteItems with the next scripted error, then success, and keeps what it was sent. */
  const scriptedClient = (...errors: Error[]) => {
    const sent: TransactItems[] = [];
    const client = {
      send: async (command: { input: { TransactItems: TransactItems } }) => {
        sent.push(command.input.TransactItems);
        const error = errors.shift();
        if (error) throw error;
        return {};
      },
    } as unknown as DynamoDBDocumentClient;
    return { client, sent };
  };
  const now = new Date('2026-11-22T10:00:00.000Z');
  const countOf = (i: number, increments = reportIncrements(decision('admit-to-queue', 'registered'), socialRehab)) => ({
    event: { applicationId: `application-${i}`, id: `2021-06-01T09:00:00.000Z#${i}` },
    increments,
  });

  it('puts a marker that expires long after the stream would deliver again, before the counter updates', async () => {
    const { client, sent } = scriptedClient();
    expect(await createReportRepository(client, 'table', () => now).countOnce([countOf(1)])).toEqual([true]);
    expect(sent).toHaveLength(1);
    const [marker, ...updates] = sent[0]!;
    expect(marker?.Put?.Item).toMatchObject({ pk: 'COUNTED#application-1#2021-06-01T09:00:00.000Z#1', expiresAt: now.getTime() / 1000 + countedMarkerTtlSeconds });
    expect(countedMarkerTtlSeconds).toBeGreaterThan(24 * 60 * 60);
    expect(updates.map((item) => item.Update?.Key)).toEqual([
      { pk: 'REPORT#2021', sk: 'decisions#social-rehabilitation#chernobyl#queue-admission' },
      { pk: 'REPORT#QUEUE', sk: '2021#social-rehabilitation#chernobyl' },
      { pk: 'REPORT#QUEUE-MONTHS#2021', sk: '06#social-rehabilitation#chernobyl' },
    ]);
  });

  it('answers false, changing nothing, for an event whose marker exists', async () => {
    const { client, sent } = scriptedClient(cancelled('ConditionalCheckFailed', 'None', 'None'));
    expect(await createReportRepository(client, 'table').countOnce([countOf(1)])).toEqual([false]);
    expect(sent).toHaveLength(1);
  });

  it('counts the other events of a batch when some were counted before', async () => {
    const { client, sent } = scriptedClient(cancelled('None', 'ConditionalCheckFailed', 'None', 'None', 'None'));
    expect(await createReportRepository(client, 'table').countOnce([countOf(1), countOf(2), countOf(3)])).toEqual([true, false, true]);
    expect(sent[1]?.filter((item) => item.Put).map((item) => item.Put?.Item.pk)).toEqual([
      'COUNTED#application-1#2021-06-01T09:00:00.000Z#1',
      'COUNTED#application-3#2021-06-01T09:00:00.000Z#3',
    ]);
  });

  it('merges the batch\u2019s increments into one update per counter, and counts a repeated record once', async () => {
    const { client, sent } = scriptedClient();
    expect(await createReportRepository(client, 'table').countOnce([countOf(1), countOf(2), countOf(1)])).toEqual([true, true, false]);
    expect(sent[0]).toHaveLength(2 + 3);
  });

  it('tries again when a concurrent count of the same figure won, and gives up to the stream after a few tries', async () => {
    const conflict = () => cancelled('None', 'TransactionConflict', 'None');
    const retried = scriptedClient(conflict(), conflict());
    expect(await createReportRepository(retried.client, 'table').countOnce([countOf(1)])).toEqual([true]);
    expect(retried.sent).toHaveLength(3);
    const hopeless = scriptedClient(...Array.from({ length: 8 }, conflict));
    await expect(createReportRepository(hopeless.client, 'table').countOnce([countOf(1)])).rejects.toThrow('Transaction cancelled');
  });

  it('keeps every transaction within 100 items, and refuses an event that could not fit one', async () => {
    const distinctCounter = (i: number) => reportIncrements(event('submitted', { channel: 'self' }), { ...socialRehab, track: `track-${i}` });
    const { client, sent } = scriptedClient();
    const counted = await createReportRepository(client, 'table').countOnce(Array.from({ length: 150 }, (_, i) => countOf(i, distinctCounter(i))));
    expect(counted.every(Boolean)).toBe(true);
    expect(sent.map((items) => items.length)).toEqual([100, 100, 100]);
    const tooMany = Array.from({ length: 100 }, (_, i) => distinctCounter(i)).flat();
    await expect(createReportRepository(client, 'table').countOnce([countOf(1, tooMany)])).rejects.toThrow(RangeError);
  });
});

describe('events the report cannot read in full', () => {
  const withoutDetails = (type: TimelineEvent['type']): TimelineEvent => {
    const { details: _details, ...rest } = event(type);
    return rest;
  };

  it('a submission without details counts under the application’s own channel; a decision or withdrawal without them counts nothing', () => {
    expect(reportIncrements(withoutDetails('submitted'), socialRehab)).toEqual([{ ...scope, metric: 'applications', dimension: 'self', delta: 1 }]);
    expect(reportIncrements(withoutDetails('decision'), socialRehab)).toEqual([]);
    expect(reportIncrements(withoutDetails('withdrawn'), socialRehab)).toEqual([]);
    expect(reportIncrements(event('withdrawn', { from: 'queued' }), socialRehab)).toEqual([]);
  });

  it('an event of an application that is gone counts nothing', async () => {
    const store = memoryStore({});
    const countOnce = vi.spyOn(store, 'countOnce');
    expect(await countForReport(store, event('submitted', { channel: 'self' }))).toBe(false);
    expect(countOnce).not.toHaveBeenCalled();
  });
});

describe('the queue at each month’s end, from one read', () => {
  it('adds up every change of the same month', () => {
    const changes = [
      { year: 2026, month: 3, ...sr, track: 'chernobyl', net: 2 },
      { year: 2026, month: 3, ...sr, track: 'functional-impairment', net: 3 },
    ];
    const months = queueByMonth(2026, 4, [{ year: 2026, ...sr, track: 'chernobyl', net: 5 }], changes, ['social-rehabilitation']);
    expect(months.map(({ length }) => length)).toEqual([0, 0, 5, 5]);
  });

  it('gives the report and the months up to today from the same counters', async () => {
    const store = memoryStore({ a: socialRehab });
    await countForReport(store, { ...decision('admit-to-queue', 'registered', '2021-03-10T09:00:00.000Z'), applicationId: 'a' });
    const both = await annualReportWithQueueByMonth(store, 2021, ['social-rehabilitation'], '2021-05-20');
    expect(both.report).toEqual(await annualReport(store, 2021, ['social-rehabilitation']));
    expect(both.queueByMonth).toEqual([
      { month: '2021-01', length: 0 },
      { month: '2021-02', length: 0 },
      { month: '2021-03', length: 1 },
      { month: '2021-04', length: 1 },
      { month: '2021-05', length: 1 },
    ]);
  });
});
