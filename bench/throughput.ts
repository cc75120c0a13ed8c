/**
 * Part 3: requests per second through the local gateway with nothing lost.
 * The whole local stack runs in this process (DynamoDB Local, SES local,
 * gateway, stream poller, notifier); the load comes from a separate process
 * (bench/throughput-load.ts). Afterwards every accepted application is read
 * back through the API with its owner's token, and the e-mails each one causes
 * are looked for in the SES local store: accepted = stored = e-mailed, or not.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../local/dynamodb';
import { localAgencyInboxes, startLocalStack } from '../local/stack';
import { firstMessage, forkTypeScript, runPart, stopChild } from './lib/processes';
import { partTitles, table } from './lib/results';
import { ms, percentile } from './lib/stats';
import type { Accepted, BurstResult, LoadPlan, LoadResult } from './throughput-load';

const plan = { connections: 20, burstSeconds: [10, 10], idleSeconds: 2 } as const;
/** Citizens minted in advance per second of load: well above what the stack takes on a small machine. */
const citizensPerBurstSecond = 400;
/** How long the notifier may take to catch up after the last response before we count anyway. */
const settleTimeoutMs = 240_000;
/** Parallel read-backs through the API. */
const readConcurrency = 8;

interface SentEmail {
  readonly subject: string;
  readonly destination: { readonly to: readonly string[] };
}

/** The applicant's confirmation and, when the service has an inbox, the agency's alert. */
const expectedRecipients = (application: Accepted): string[] => {
  const agency = (localAgencyInboxes as Record<string, string | undefined>)[application.serviceId];
  return agency ? [application.email, agency] : [application.email];
};

/** E-mails by the references their subjects carry (SIVA-2026-000123). */
const byReference = (emails: readonly SentEmail[]): Map<string, SentEmail[]> => {
  const found = new Map<string, SentEmail[]>();
  for (const email of emails) {
    for (const reference of email.subject.match(/\b[A-Z]+-\d{4}-\d{6,}\b/g) ?? []) {
      found.set(reference, [...(found.get(reference) ?? []), email]);
    }
  }
  return found;
};

const hasAllEmails = (application: Accepted, emails: Map<string, SentEmail[]>): boolean => {
  const received = emails.get(application.reference) ?? [];
  return expectedRecipients(application).every((recipient) => received.some((email) => email.destination.to.includes(recipient)));
};

/** True if `promise` settles within `ms`, false otherwise; the timer never outlives the race. */
const settlesWithin = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), Math.max(0, ms))));
  try {
    return await Promise.race([promise.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

/** Runs `work` over `items`, at most `limit` at a time. */
const forEachLimited = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

const percentileOrDash = (samples: readonly number[], p: number) => (samples.length ? ms(percentile(samples, p)) : '—');

const loadRow = (label: string, bursts: readonly BurstResult[]) => {
  const seconds = bursts.reduce((sum, burst) => sum + burst.seconds, 0);
  const latencies = bursts.flatMap((burst) => burst.latencies);
  return [
    label,
    `${seconds.toFixed(1)} s`,
    latencies.length,
    (latencies.length / seconds).toFixed(0),
    percentileOrDash(latencies, 50),
    percentileOrDash(latencies, 99),
    bursts.reduce((sum, burst) => sum + burst.non2xx, 0),
    bursts.reduce((sum, burst) => sum + burst.errors, 0),
  ];
};

runPart('throughput', async (cleanup, measured) => {
  console.log('throughput: starting the local stack (DynamoDB Local, SES local, gateway, stream poller) …');
  const stack = await startLocalStack({ log: () => {} });
  cleanup.add('the local stack', stack.stop);

  const load = forkTypeScript('bench/throughput-load.ts');
  cleanup.add('the load generator', () => stopChild(load));
  const loadDone = firstMessage<LoadResult>(load, 'The load generator');
  const loadSeconds = plan.burstSeconds.reduce((sum, seconds) => sum + seconds, 0);
  load.send({ ...plan, apiUrl: stack.apiUrl, idpKey: stack.idp.privateJwk, citizens: citizensPerBurstSecond * loadSeconds } satisfies LoadPlan);
  const { bursts, accepted, poolExhausted } = await loadDone;
  const loadFinished = performance.now();

  // E-mails follow from the table's stream. idle() = one full poll found nothing new; poll again while
  // e-mails are still being added, since a slow catch-up is not a loss.
  console.log(`throughput: ${accepted.length} accepted; waiting for the notifier to send their e-mails …`);
  const inbox = async (): Promise<SentEmail[]> => ((await (await fetch(`${stack.inboxUrl}/store`)).json()) as { emails: SentEmail[] }).emails;
  let emails: SentEmail[] = [];
  let emailed = 0;
  let settled = false;
  const deadline = loadFinished + settleTimeoutMs;
  while (!settled && performance.now() < deadline) {
    const idle = await settlesWithin(stack.poller.idle(), deadline - performance.now());
    const before = emails.length;
    emails = await inbox();
    emailed = accepted.filter((application) => hasAllEmails(application, byReference(emails))).length;
    settled = idle && (emailed === accepted.length || emails.length === before);
  }
  const settleSeconds = (performance.now() - loadFinished) / 1000;
  const emailsOf = byReference(emails);
  const overSent = accepted.filter((application) => (emailsOf.get(application.reference)?.length ?? 0) > expectedRecipients(application).length);

  console.log(`throughput: reading back ${accepted.length} applications through the API …`);
  let stored = 0;
  await forEachLimited(accepted, readConcurrency, async (application) => {
    const response = await fetch(`${stack.apiUrl}/applications/${application.id}`, { headers: { authorization: `Bearer ${application.token}` } });
    const body = (await response.json()) as { id?: string; reference?: string };
    if (response.status === 200 && body.id === application.id && body.reference === application.reference) stored++;
  });

  // Everything the table holds, including writes whose 201 never reached the client (in flight when a burst stopped).
  const dynamo = localDynamoClient(stack.dynamoEndpoint);
  cleanup.add('the counting client', () => dynamo.destroy());
  let inTable = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName: stack.tableName,
        Select: 'COUNT',
        FilterExpression: '#entity = :application',
        ExpressionAttributeNames: { '#entity': 'entity' },
        ExpressionAttributeValues: { ':application': { S: 'application' } },
        ExclusiveStartKey: startKey as never,
      }),
    );
    inTable += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);

  const statusCodes = new Map<string, number>();
  for (const [code, count] of bursts.flatMap((burst) => Object.entries(burst.statusCodes))) statusCodes.set(code, (statusCodes.get(code) ?? 0) + count);
  // A duplicated e-mail is a failure as much as a missing one: the notifier promises each e-mail once.
  const nothingLost = accepted.length === stored && stored === emailed && overSent.length === 0;

  return [
    `## ${partTitles.throughput}`,
    '',
    measured,
    '',
    table(
      ['load', 'time', 'responses', 'requests/s', 'p50', 'p99', 'non-2xx', 'errors (incl. timeouts)'],
      [...bursts.map((burst, index) => loadRow(`burst ${index + 1}`, [burst])), loadRow('**all**', bursts)],
    ),
    '',
    `Status codes: ${[...statusCodes].map(([code, count]) => `${code} × ${count}`).join(', ') || 'none'}.${
      poolExhausted ? ' **The minted citizens ran out: raise `citizensPerBurstSecond` in bench/throughput.ts (the surplus got 401).**' : ''
    }`,
    '',
    table(
      ['accepted (201)', 'stored (read back)', 'e-mailed (all expected e-mails)', 'e-mailed more than once', 'notifier lag after the last response', 'nothing lost or doubled'],
      [[accepted.length, stored, emailed, overSent.length, settled ? `${settleSeconds.toFixed(1)} s` : `> ${settleTimeoutMs / 1000} s (not caught up)`, nothingLost ? '**holds**' : '**does not hold**']],
    ),
    '',
    `- E-mails: ${emails.length} in the SES local store; ${overSent.length} accepted application(s) with more e-mails than expected. The notifier ${
      settled ? 'had caught up' : `had **not** caught up when the bench stopped waiting (${settleTimeoutMs / 1000} s)`
    } ${settleSeconds.toFixed(1)} s after the last response.`,
    `- The table holds ${inTable} applications, ${inTable - accepted.length} more than accepted: requests in flight when a burst ended (stored, answer not read), or answered otherwise than 201.`,
    '',
    '### How',
    '',
    `- \`startLocalStack\` (local/stack.ts) in this process: DynamoDB Local, SES local, the gateway mounting infra/routes.ts with JWT checks, the stream poller feeding the notifier. The load runs in a separate process (autocannon, ${plan.connections} connections, ${plan.burstSeconds.length} bursts of ${plan.burstSeconds.join(' s and ')} s with ${plan.idleSeconds} s idle between them, POST /applications), so it does not share the gateway's event loop.`,
    '- Every request is a distinct citizen (new-format personal code, own e-mail) with a token from the stack\'s dev identity provider, minted before the load starts, and a valid application (tests/support/fixtures.ts). requests/s = responses / burst time; latencies are autocannon\'s, per response of any status; p50/p99 nearest-rank.',
    '- accepted = 201 answers (id and reference recorded); stored = those read back with `GET /applications/{id}` and the owner\'s token; e-mailed = those with the applicant confirmation (to the applicant\'s address) and the agency alert (to the service\'s inbox) in the SES local store, found by the reference in the subject. Counted once the stream poller is idle and no more e-mails arrive.',
  ].join('\n');
});
