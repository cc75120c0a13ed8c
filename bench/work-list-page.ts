/**
 * Part "worklist": the staff work-list page of a service with 4,000 queued applications, `GET /darbs/pieteikumi`
 * through the web handler, against the API call it is built on, `GET /staff/applications` through the list-work
 * handler (p50 ratio, target ≤ 1.5×), in one process, against the same DynamoDB Local, alternating. Also the
 * DynamoDB calls one request makes, and how many items its list Query may read (one page + 1 per service); the
 * counts per status at the top are one more call, a BatchGet of one item per service (kept from the stream).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { applicationItems } from '../functions/adapters/entities/application';
import { createReportRepository } from '../functions/adapters/report-repository';
import type { Application } from '../functions/core/model';
import { claimsAsApiGatewayPassesThem, devIssuers, workforceAccessClaims, workforceAccount } from '../local/dev-idp';
import { apiEvent, lambdaContext } from '../tests/support/api-event';
import { storedApplication } from '../tests/support/stored-application';
import { benchTableName, loadHandler, samplePageAgainstApi, startBenchTable, type Handler } from './lib/in-process';
import { runPart } from './lib/processes';
import { partTitles, table } from './lib/results';
import { againstBaselineRows } from './lib/stats';

const tableName = benchTableName;
const queued = 4_000;
const warmUp = Number(process.env.BENCH_WORKLIST_WARMUP ?? 5);
const iterations = Number(process.env.BENCH_WORKLIST_ITERATIONS ?? 40);
const targetP50Ratio = 1.5;

runPart('worklist', async (cleanup, measured) => {
  await startBenchTable(cleanup);
  const list = await loadHandler('list-work');
  const web = await loadHandler('web');
  const { documentClient } = await import('../functions/wiring');
  const { createSessionRepository } = await import('../functions/adapters/session-repository');
  const { newSession, sessionDigest, expiresAtOf } = await import('../functions/web/session');

  // 4,000 queued applications of one service, realistic in size.
  const applications: Application[] = Array.from({ length: queued }, (_, index) => {
    const at = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
    const application = storedApplication();
    return { ...application, status: 'queued', version: 3, evidence: { ...application.evidence, notes: 'x'.repeat(800) }, submittedAt: at, updatedAt: at, queue: { priorityGroup: 2, admittedAt: at, positionAtAdmission: index + 1 } };
  });
  for (let start = 0; start < applications.length; start += 25 * 8) {
    await Promise.all(
      Array.from({ length: 8 }, (_, batch) => applications.slice(start + batch * 25, start + batch * 25 + 25)).filter((batch) => batch.length > 0).map(async (batch) => {
        let pending: Record<string, unknown>[] | undefined = batch.map((application) => ({ PutRequest: { Item: applicationItems.toItem(application) } }));
        while (pending && pending.length > 0) {
          const result = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
          pending = result.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
        }
      }),
    );
  }

  // The counts the stream would have kept for them: 4,000 entered "queued" (one marker, the increments merged into one update).
  await createReportRepository(documentClient, tableName).countOnce([
    {
      event: { applicationId: 'bench-worklist', id: 'bench-seed' },
      increments: applications.map(() => ({ metric: 'status' as const, serviceId: 'social-rehabilitation' as const, status: 'queued' as const, delta: 1 as const })),
    },
  ]);

  // One staff member of that service: a bearer token's claims for the API, a signed-in session for the page.
  const account = workforceAccount('staff', 'bench-anna', { services: ['social-rehabilitation'] });
  const claims = { iss: devIssuers.workforce.issuer, sub: account.subject, ...claimsAsApiGatewayPassesThem(workforceAccessClaims(account.user, account.username)) };
  const member = { role: 'staff' as const, subject: account.subject, name: 'bench-anna', services: ['social-rehabilitation' as const] };
  const session = newSession(Date.now(), { workforce: member });
  await createSessionRepository(documentClient, tableName).save(sessionDigest(session.id), session, expiresAtOf(session) + 3600);

  const query = { serviceId: 'social-rehabilitation', limit: '25' };
  const apiList = apiEvent({ method: 'GET', path: '/staff/applications', claims, query });
  const pageList = { ...apiEvent({ method: 'GET', path: '/darbs/pieteikumi', claims: null, query: { serviceId: 'social-rehabilitation' } }), cookies: [`siva_session=${session.id}`] };

  const calls: { command: string; limit?: number }[] = [];
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push({ command: String(context.commandName), limit: (args.input as { Limit?: number }).Limit });
      return next(args);
    },
    { step: 'initialize', name: 'benchCallCounter' },
  );
  const callsOf = async (handler: Handler, event: unknown) => {
    const before = calls.length;
    await handler(event, lambdaContext);
    return calls.slice(before);
  };
  const apiCalls = await callsOf(list, apiList);
  const pageCalls = await callsOf(web, pageList);
  const firstPage = await web(pageList, lambdaContext);
  if (!String((firstPage as { body?: string }).body).includes(`>${queued}<`)) throw new Error(`the work-list page does not show the count of ${queued} queued`);
  const { apiSamples, pageSamples } = await samplePageAgainstApi({ handler: list, event: apiList }, { handler: web, event: pageList }, warmUp, iterations);
  const describe = (made: typeof calls) => {
    const listQueries = made.filter((call) => call.command === 'QueryCommand' && call.limit !== undefined);
    return `${made.length} (${listQueries.length} list Query, Limit ${listQueries.map((call) => call.limit).join(', ')}; other: ${made.filter((call) => call.command !== 'QueryCommand' || call.limit === undefined).map((call) => call.command).join(', ') || 'none'})`;
  };

  return [
    `## ${partTitles.worklist}`,
    '',
    measured,
    '',
    table(
      ['measure', 'page', 'JSON API', 'ratio ± A/A spread', 'target'],
      againstBaselineRows(pageSamples, apiSamples, targetP50Ratio, [`work list, ${queued} queued, first page of 25, p50`, 'p99']),
    ),
    '',
    table(['DynamoDB calls of one request', 'page', 'JSON API'], [['calls', describe(pageCalls), describe(apiCalls)]]),
    '',
    `${iterations} alternating samples each after ${warmUp} warm-ups (BENCH_WORKLIST_ITERATIONS); the spread is the API call's alternate samples against each other (A/A), and the target is met or missed only outside it. Both show the counts per status (the page at its top, ${queued} queued): the one BatchGetCommand among the calls, one item per service of the counts kept from the table stream, never a read of the applications (counting them by reading the partition timed out, 10 s, at ${queued}).`,
  ].join('\n');
});
