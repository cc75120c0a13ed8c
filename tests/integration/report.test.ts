/**
 * The annual report against DynamoDB Local. A synthetic 2020 and 2021 whose
 * events reproduce the agency's published 2021 figures (docs/domain.md, "2021 load
 * figures") go through reportIncrements and the real repository's countOnce,
 * in batches as a stream delivers them, into a fresh table; the report read
 * back must give every figure exactly, whatever was delivered twice.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DecisionType } from '../../schemas/decision';
import type { ApplicationStatus } from '../../schemas/lifecycle';
import { AnnualReport } from '../../schemas/report';
import type { ServiceId } from '../../schemas/services';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { createReportRepository } from '../../functions/adapters/report-repository';
import { nextStatus } from '../../functions/core/lifecycle';
import type { Application, Channel, TimelineEvent } from '../../functions/core/model';
import { buildReport, countForReport, eventCount, queueByMonth, reportIncrements, type ReportStore } from '../../functions/core/report';
import { apiEvent, lambdaContext, staffClaims, testIssuers } from '../support/api-event';
import { documentClient, freshTable, local } from './support/local';

// ─── The synthetic years ────────────────────────────────────────────────────

/** Applications filed in 2021 [R §6.2], by service, track and channel. */
const filed2021: readonly [ServiceId, string, Partial<Record<Channel, number>>][] = [
  ['social-rehabilitation', 'functional-impairment', { self: 1000, representative: 250, referral: 550 }],
  ['social-rehabilitation', 'after-medical-rehabilitation', { self: 300, representative: 40, referral: 60 }],
  ['social-rehabilitation', 'politically-repressed', { self: 180, representative: 45 }],
  ['social-rehabilitation', 'chernobyl', { self: 160, representative: 40 }],
  ['vocational-suitability', 'disability', { self: 150, representative: 50 }],
  ['vocational-suitability', 'predicted-disability', { self: 20 }],
  ['vocational-suitability', 'mental-disorder', { self: 50, representative: 10 }],
  ['vocational-suitability', 'unemployed-nva', { referral: 34 }],
  ['vocational-rehabilitation', 'vocational-school', { self: 63 }],
  ['vocational-rehabilitation', 'college', { self: 61 }],
  ['driving-training', 'category-b', { self: 10 }],
  ['vehicle-adaptation', 'state-funded', { self: 30 }],
  ['vehicle-adaptation', 'paid', { self: 3 }],
];

type Step = `${2020 | 2021} ${DecisionType | 'withdraw'}`;
/** `count` applications on a track, in `status`, that then went through the same steps (each from where the last left off). */
type Story = readonly [count: number, serviceId: ServiceId, track: string, status: ApplicationStatus, ...steps: Step[]];

const [FI, AM, REP, CH] = ['functional-impairment', 'after-medical-rehabilitation', 'politically-repressed', 'chernobyl'];
const sr = 'social-rehabilitation';
const cs = 'coordinated-services';

/**
 * Decisions on social rehabilitation. 2020: 6,600 admitted to the queue, 13
 * of them withdrew: 6,587 queued at the end of 2020. 2021 [R §3.2, §3.3]:
 *   398 admissions (48 + 203 + 147); 3,502 grants, 2,959 from the queue and
 *   543 straight away (urgent); 300 refusals, 238 from the queue; 1,667 others
 *   (1,335 registrations, 332 requests for documents): 5,867 decisions.
 *   The queue: +398 − (2,959 + 238) = −2,799, so 3,788 at the end of 2021.
 *   Of the 3,502 granted, 2,254 started, 1,020 did not and 228 are yet to.
 * Applications filed in 2021 are counted in `filed2021`; the stories say only
 * what was decided on them.
 */
const socialRehabilitation: readonly Story[] = [
  [1500, sr, FI, 'under_review', '2020 admit-to-queue', '2021 grant', '2021 start'],
  [750, sr, FI, 'under_review', '2020 admit-to-queue', '2021 grant', '2021 not-started'],
  [200, sr, FI, 'under_review', '2020 admit-to-queue', '2021 grant'],
  [40, sr, AM, 'under_review', '2020 admit-to-queue', '2021 grant', '2021 start'],
  [200, sr, REP, 'under_review', '2020 admit-to-queue', '2021 grant', '2021 start'],
  [32, sr, REP, 'under_review', '2020 admit-to-queue', '2021 grant', '2021 not-started'],
  [200, sr, CH, 'under_review', '2020 admit-to-queue', '2021 grant', '2021 start'],
  [37, sr, CH, 'under_review', '2020 admit-to-queue', '2021 grant', '2021 not-started'],
  [200, sr, FI, 'under_review', '2020 admit-to-queue', '2021 refuse'],
  [38, sr, CH, 'under_review', '2020 admit-to-queue', '2021 refuse'],
  [2550, sr, FI, 'under_review', '2020 admit-to-queue'],
  [147, sr, AM, 'under_review', '2020 admit-to-queue'],
  [368, sr, REP, 'under_review', '2020 admit-to-queue'],
  [325, sr, CH, 'under_review', '2020 admit-to-queue'],
  [13, sr, FI, 'under_review', '2020 admit-to-queue', '2020 withdraw'],
  [48, sr, AM, 'submitted', '2021 register', '2021 admit-to-queue'],
  [203, sr, REP, 'submitted', '2021 register', '2021 admit-to-queue'],
  [147, sr, CH, 'submitted', '2021 register', '2021 admit-to-queue'],
  [250, sr, AM, 'submitted', '2021 register', '2021 grant', '2021 start'],
  [71, sr, AM, 'submitted', '2021 register', '2021 grant', '2021 not-started'],
  [64, sr, FI, 'submitted', '2021 register', '2021 grant', '2021 start'],
  [130, sr, FI, 'submitted', '2021 register', '2021 grant', '2021 not-started'],
  [28, sr, FI, 'submitted', '2021 register', '2021 grant'],
  [62, sr, FI, 'submitted', '2021 register', '2021 refuse'],
  [332, sr, FI, 'submitted', '2021 register', '2021 request-documents'],
];

/**
 * Coordinated services [R §3.2]: one 2021 decision on each referral, filed
 * earlier. Long-term care (2,124) spread over its three tracks; 400 adults
 * with severe mental disorders wait in that service's own queue. No other
 * service has decisions, so all 8,491 decisions are coordination decisions.
 */
const coordinatedServices: readonly Story[] = [
  [500, cs, 'long-term-care-children', 'registered', '2021 grant'],
  [24, cs, 'long-term-care-children', 'registered', '2021 refuse'],
  [900, cs, 'long-term-care-mental-disorders', 'registered', '2021 grant'],
  [400, cs, 'long-term-care-mental-disorders', 'registered', '2021 admit-to-queue'],
  [100, cs, 'long-term-care-mental-disorders', 'registered', '2021 refuse'],
  [200, cs, 'long-term-care-blind-adults', 'registered', '2021 grant'],
  [350, cs, 'addiction-children', 'registered', '2021 grant'],
  [20, cs, 'addiction-children', 'registered', '2021 refuse'],
  [67, cs, 'addiction-adults', 'registered', '2021 grant'],
  [63, cs, 'trafficking-victims', 'registered', '2021 grant'],
];

const day = 24 * 60 * 60 * 1000;
/**
 * The k-th step of the i-th application of a year: spread over the year, in
 * order, the first ones just after midnight in Riga, which is still the
 * previous year in UTC.
 */
const instant = (year: number, i: number, k: number) =>
  new Date(Date.UTC(year - 1, 11, 31, 22, 30) + ((i * 7919) % (300 * 24 * 60)) * 60_000 + k * 10 * day).toISOString();

let applicationCount = 0;
const syntheticApplication = (serviceId: ServiceId, track: string, channel: Channel, status: ApplicationStatus, at: string): Application => {
  applicationCount += 1;
  return {
    id: crypto.randomUUID(),
    reference: `SIVA-SYNTH-${String(applicationCount).padStart(6, '0')}`,
    serviceId,
    track,
    status,
    version: 1,
    channel,
    ...(channel === 'referral' ? {} : { ownerSubject: `eid-synthetic-${applicationCount}` }),
    personKey: `person-${applicationCount}`,
    applicant: {
      givenName: 'Sintētisks',
      familyName: `Klients ${applicationCount}`,
      personalCode: '32579461005',
      dateOfBirth: '1970-01-01',
      address: { municipality: 'jurmala', line: 'Dubultu prospekts 71' },
      phone: '+37120000000',
      language: 'lv',
      contactChannel: 'post',
    },
    evidence: {},
    language: 'lv',
    submittedAt: at,
    updatedAt: at,
  };
};

interface Delivery {
  readonly application: Application;
  readonly event: TimelineEvent;
}

const timelineEvent = (application: Application, type: TimelineEvent['type'], at: string, details: TimelineEvent['details']): TimelineEvent => ({
  applicationId: application.id,
  id: `${at}#${crypto.randomUUID().slice(0, 8)}`,
  type,
  at,
  actor: type === 'decision' ? { role: 'staff', subject: 'staff-synthetic' } : { role: 'citizen', subject: application.ownerSubject ?? 'officer' },
  details,
});

const filings = (): Delivery[] =>
  filed2021.flatMap(([serviceId, track, byChannel]) =>
    Object.entries(byChannel).flatMap(([channel, count]) =>
      Array.from({ length: count }, (_, i) => {
        const at = instant(2021, i, 0);
        const application = syntheticApplication(serviceId, track, channel as Channel, 'submitted', at);
        return { application, event: timelineEvent(application, 'submitted', at, { channel }) };
      }),
    ),
  );

const storyEvents = ([count, serviceId, track, status, ...steps]: Story): Delivery[] =>
  Array.from({ length: count }, (_, i) => {
    const application = syntheticApplication(serviceId, track, serviceId === cs ? 'referral' : 'self', status, instant(2020, i, 0));
    let from = status;
    return steps.map((step, k) => {
      const [year, action] = step.split(' ') as [string, DecisionType | 'withdraw'];
      const to = nextStatus(action, from);
      if (!to) throw new Error(`the story has ${action} from ${from}, which the lifecycle does not allow`);
      const at = instant(Number(year), i, k + 1);
      const event =
        action === 'withdraw'
          ? timelineEvent(application, 'withdrawn', at, { from, to })
          : timelineEvent(application, 'decision', at, { decision: action, from, to });
      from = to;
      return { application, event };
    });
  }).flat();

/** Runs `work` over the items with at most `limit` in flight. */
const inParallel = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
};

// ─── The specification ──────────────────────────────────────────────────────

describe('the annual report kept from the stream', () => {
  const deliveries = [...filings(), ...socialRehabilitation.flatMap(storyEvents), ...coordinatedServices.flatMap(storyEvents)];
  let tableName: string;
  let store: ReportStore;
  let firstPass: boolean[];
  let redelivered: boolean[];

  const countsOf = (records: readonly Delivery[]) => records.map(({ application, event }) => ({ event, increments: reportIncrements(event, application) }));
  /** Counts records as a stream consumer counts a batch: one countOnce for the batch, `inFlight` batches at a time. */
  const countInBatches = async (records: readonly Delivery[], size: number, inFlight: number) => {
    const batches = Array.from({ length: Math.ceil(records.length / size) }, (_, i) => records.slice(i * size, (i + 1) * size));
    return (await inParallel(batches, inFlight, (batch) => store.countOnce(countsOf(batch)))).flat();
  };

  beforeAll(async () => {
    tableName = await freshTable('report');
    store = createReportRepository(documentClient(), tableName);
    let started = performance.now();
    // DynamoDB Local applies transactions one at a time: more than a few in flight only queue.
    firstPass = await countInBatches(deliveries, 100, 4);
    const counting = performance.now() - started;
    // Every 100th record delivered again: alone, 16 at a time, as stream retries would; then within batches.
    const sample = deliveries.filter((_, i) => i % 100 === 0);
    started = performance.now();
    redelivered = [...(await countInBatches(sample, 1, 16)), ...(await countInBatches(sample, 100, 2))];
    const redelivering = performance.now() - started;
    console.info(
      `report: counted ${deliveries.length} events in ${Math.round(counting)} ms; re-delivered ${redelivered.length} in ${Math.round(redelivering)} ms`,
    );
  }, 300_000);

  const report = async (year: number) => {
    const { counters, queueNetByYear } = await store.readYear(year);
    return buildReport(year, counters, queueNetByYear);
  };

  it('counts each event exactly once, however often it is delivered', () => {
    expect(firstPass.every(Boolean)).toBe(true);
    expect(redelivered.length).toBeGreaterThan(400);
    expect(redelivered.some(Boolean)).toBe(false);
  });

  it('reproduces the applications of 2021 [R §6.2]', async () => {
    const { services, totals } = await report(2021);
    expect(services['social-rehabilitation']?.applications.total).toBe(2625);
    expect(services['vocational-suitability']?.applications.total).toBe(314);
    expect(services['vocational-rehabilitation']?.applications).toMatchObject({ total: 124, byTrack: { 'vocational-school': 63, college: 61 } });
    expect(services['driving-training']?.applications.total).toBe(10);
    expect(services['vehicle-adaptation']?.applications.total).toBe(33);
    // The report states 3,108 in total but itemises 3,106; the itemised figures are the ones reproduced.
    expect(totals.applications.total).toBe(3106);
    expect(totals.applications.byChannel).toEqual({ self: 2027, representative: 435, referral: 644 });
  });

  it('reproduces the coordination decisions of 2021 [R §3.2]', async () => {
    const { services, totals } = await report(2021);
    const socialRehab = services['social-rehabilitation']!.decisions;
    const coordinated = services['coordinated-services']!.decisions.byTrack;
    expect(totals.decisions.total).toBe(8491);
    expect(socialRehab.total).toBe(5867);
    const longTermCare = ['long-term-care-children', 'long-term-care-mental-disorders', 'long-term-care-blind-adults'];
    expect(longTermCare.reduce((sum, track) => sum + (coordinated[track]?.total ?? 0), 0)).toBe(2124);
    expect(coordinated['addiction-children']?.total).toBe(370);
    expect(coordinated['addiction-adults']?.total).toBe(67);
    expect(coordinated['trafficking-victims']?.total).toBe(63);
  });

  it('reproduces the social rehabilitation queue admissions and grants of 2021 by track [R §3.2]', async () => {
    const { decisions } = (await report(2021)).services['social-rehabilitation']!;
    const byTrack = (category: 'queue-admission' | 'grant') =>
      Object.fromEntries(Object.entries(decisions.byTrack).map(([track, tally]) => [track, tally.byCategory[category]]).filter(([, n]) => n));
    expect(decisions.byCategory['queue-admission']).toBe(398);
    expect(byTrack('queue-admission')).toEqual({ [AM]: 48, [REP]: 203, [CH]: 147 });
    expect(decisions.byCategory.grant).toBe(3502);
    expect(byTrack('grant')).toEqual({ [AM]: 361, [FI]: 2672, [REP]: 232, [CH]: 237 });
  });

  it('reproduces the social rehabilitation recipients of 2021 [R §3.3]', async () => {
    const { recipients } = (await report(2021)).services['social-rehabilitation']!;
    expect(recipients.byOutcome).toEqual({ started: 2254, 'not-started': 1020, completed: 0 });
  });

  it('reproduces the social rehabilitation queue at the end of 2021 and a year earlier [R §3.2]', async () => {
    expect((await report(2021)).services['social-rehabilitation']?.queueAtYearEnd.total).toBe(3788);
    expect((await report(2020)).services['social-rehabilitation']?.queueAtYearEnd.total).toBe(6587);
    expect((await report(2020)).services['social-rehabilitation']?.withdrawals).toEqual({ total: 13, byFromStatus: { queued: 13 }, byTrack: { [FI]: 13 } });
    expect((await report(2021)).services['coordinated-services']?.queueAtYearEnd.total).toBe(400);
  });

  it('answers GET /staff/reports/{year} with the figures of the caller\u2019s services only', async () => {
    vi.stubEnv('TABLE_NAME', tableName);
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', local.dynamoEndpoint);
    vi.stubEnv('CITIZEN_TOKEN_ISSUER', testIssuers.citizen);
    vi.stubEnv('WORKFORCE_TOKEN_ISSUER', testIssuers.workforce);
    vi.resetModules();
    try {
      const { handler } = await import('../../functions/staff-report/handler');
      const response = await handler(
        apiEvent({
          method: 'GET',
          path: '/staff/reports/2021',
          pathParameters: { year: '2021' },
          claims: staffClaims(['social-rehabilitation']),
        }),
        lambdaContext,
      );
      expect(response.statusCode).toBe(200);
      const body = AnnualReport.parse(JSON.parse(response.body as string));
      expect(body.scope).toEqual(['social-rehabilitation']);
      expect(Object.keys(body.services)).toEqual(['social-rehabilitation']);
      expect(body.services['social-rehabilitation']?.queueAtYearEnd.total).toBe(3788);
      expect(body.totals.decisions.total).toBe(5867);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('counting a stored application\u2019s event', () => {
  it('reads the application the event belongs to and counts the event once', async () => {
    const tableName = await freshTable('report-stored');
    const client = documentClient();
    const store = createReportRepository(client, tableName);
    const at = '2021-12-31T22:15:00.000Z'; // 00:15 on 1 January 2022 in Riga
    const application = syntheticApplication('vehicle-adaptation', 'paid', 'self', 'submitted', at);
    const event = timelineEvent(application, 'submitted', at, { channel: 'self' });
    await createApplicationRepository(client, tableName).insertSubmitted(application, event);

    expect(await countForReport(store, event)).toBe(true);
    expect(await countForReport(store, event)).toBe(false);
    expect((await store.readYear(2022)).counters).toEqual([
      { metric: 'applications', serviceId: 'vehicle-adaptation', track: 'paid', dimension: 'self', count: 1 },
    ]);
    expect((await store.readYear(2021)).counters).toEqual([]);
  });

  it('counts, in a batch, only the events not counted before, each once', async () => {
    const tableName = await freshTable('report-batch');
    const store = createReportRepository(documentClient(), tableName);
    const at = '2022-03-01T10:00:00.000Z';
    const application = syntheticApplication('social-rehabilitation', 'chernobyl', 'self', 'under_review', at);
    const admitted = timelineEvent(application, 'decision', at, { decision: 'admit-to-queue', from: 'under_review', to: 'queued' });
    const withdrawn = timelineEvent(application, 'withdrawn', '2022-04-01T10:00:00.000Z', { from: 'queued', to: 'withdrawn' });
    const count = (event: TimelineEvent) => ({ event, increments: reportIncrements(event, application) });

    expect(await store.countOnce([count(admitted)])).toEqual([true]);
    expect(await store.countOnce([count(admitted), count(withdrawn), count(withdrawn)])).toEqual([false, true, false]);
    const { counters, queueNetByYear } = await store.readYear(2022);
    const chernobyl = buildReport(2022, counters, queueNetByYear).services['social-rehabilitation']!;
    expect(chernobyl.decisions.total).toBe(1);
    expect(chernobyl.withdrawals.total).toBe(1);
    expect(chernobyl.queueAtYearEnd.total).toBe(0);
  });

  it('keeps the queue\u2019s changes per month, so a year\u2019s chart has a point for each month\u2019s end', async () => {
    const tableName = await freshTable('report-months');
    const store = createReportRepository(documentClient(), tableName);
    const first = syntheticApplication('social-rehabilitation', 'chernobyl', 'self', 'under_review', '2022-03-01T10:00:00.000Z');
    const second = syntheticApplication('social-rehabilitation', 'chernobyl', 'self', 'under_review', '2022-05-01T10:00:00.000Z');
    const events = [
      eventCount(timelineEvent(first, 'decision', '2022-03-01T10:00:00.000Z', { decision: 'admit-to-queue', from: 'under_review', to: 'queued' }), first),
      // 00:30 on 1 June in Riga: a June change, though still May in UTC.
      eventCount(timelineEvent(second, 'decision', '2022-05-31T21:30:00.000Z', { decision: 'admit-to-queue', from: 'under_review', to: 'queued' }), second),
      eventCount(timelineEvent(first, 'withdrawn', '2022-08-10T10:00:00.000Z', { from: 'queued', to: 'withdrawn' }), first),
    ];
    expect(await store.countOnce(events)).toEqual([true, true, true]);

    const { counters, queueNetByYear, queueNetByMonth } = await store.readYear(2022);
    const months = queueByMonth(2022, 12, queueNetByYear, queueNetByMonth, ['social-rehabilitation']);
    expect(months.map((point) => point.length)).toEqual([0, 0, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1]);
    expect(months.at(-1)?.length).toBe(buildReport(2022, counters, queueNetByYear).totals.queueAtYearEnd.total);
  });
});
