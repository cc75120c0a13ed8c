/**
 * A diagnostic, not a part of `npm run bench`: where a portal page's server time goes against the API call it is
 * built on, in one process (issues 10 and 12). Sets up what parts "portal" and "worklist" set up (one citizen's
 * application; 4,000 queued applications of one service and a staff member), warms both handlers, then runs
 * PROFILE_ITERATIONS requests of each, alternating, and prints per request: wall time (p50), CPU time of this
 * process (mean), the nunjucks render's wall time, and the DynamoDB calls with their wall time.
 * `node --import tsx bench/profile-pages.ts [portal|worklist]`; with PROFILE_CPU=<file.cpuprofile> the sampled
 * requests alone (not the set-up) are CPU-profiled into that file (open it in chrome://inspect or speedscope), and
 * PROFILE_ONLY=page (or api) samples one side alone.
 */
import { writeFileSync } from 'node:fs';
import { Session as InspectorSession } from 'node:inspector/promises';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { applicationItems } from '../functions/adapters/entities/application';
import type { Application } from '../functions/core/model';
import { claimsAsApiGatewayPassesThem, devIssuers, workforceAccessClaims, workforceAccount } from '../local/dev-idp';
import { apiEvent, citizenClaims, lambdaContext } from '../tests/support/api-event';
import { storedApplication } from '../tests/support/stored-application';
import { distinctCitizens } from './lib/citizens';
import { benchTableName, loadHandler, startBenchTable, type Handler } from './lib/in-process';
import { runChild } from './lib/processes';
import { ms, percentile } from './lib/stats';

const iterations = Number(process.env.PROFILE_ITERATIONS ?? 300);
const warmUp = 30;
const which = process.argv[2] ?? 'portal';

interface Sample {
  readonly wall: number;
  readonly cpu: number;
  readonly render: number;
  readonly calls: readonly { command: string; wall: number }[];
}

runChild(
  `profile ${which}`,
  async (cleanup) => {
    await startBenchTable(cleanup);
    // The nunjucks render as a span of its own: the web bundle's runtime build, patched before the handler loads it.
    const nunjucks = (await import('nunjucks/browser/nunjucks-slim.js')).default as unknown as { Environment: { prototype: { render: (...args: unknown[]) => string } } };
    const render = nunjucks.Environment.prototype.render;
    let renderWall = 0;
    nunjucks.Environment.prototype.render = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return render.apply(this, args);
      } finally {
        renderWall += performance.now() - started;
      }
    };
    const web = await loadHandler('web');
    const { documentClient } = await import('../functions/wiring');
    const { createSessionRepository } = await import('../functions/adapters/session-repository');
    const { newSession, sessionDigest, expiresAtOf } = await import('../functions/web/session');
    const saveSession = (session: ReturnType<typeof newSession>) =>
      createSessionRepository(documentClient, benchTableName).save(sessionDigest(session.id), session, expiresAtOf(session) + 3600);

    let sessionDigestOfPage = '';
    let api: { handler: Handler; event: unknown };
    let page: { handler: Handler; event: unknown };
    if (which === 'portal') {
      const submit = await loadHandler('submit-application');
      const read = await loadHandler('get-application');
      const [citizen] = distinctCitizens(1);
      const subject = `bench-${citizen!.personalCode}`;
      const claims = citizenClaims({ iss: devIssuers.citizen.issuer, sub: subject, personal_code: citizen!.personalCode, email: citizen!.email });
      const created = await submit(apiEvent({ body: citizen!.body, claims }), lambdaContext);
      const { id } = JSON.parse(created.body ?? '{}') as { id: string };
      const session = newSession(Date.now(), { principal: { role: 'citizen', subject, personalCode: citizen!.personalCode, givenName: 'Jānis', familyName: 'Bērziņš' } });
      await saveSession(session);
      sessionDigestOfPage = sessionDigest(session.id);
      api = { handler: read, event: apiEvent({ method: 'GET', path: `/applications/${id}`, claims, pathParameters: { id } }) };
      page = { handler: web, event: { ...apiEvent({ method: 'GET', path: `/pieteikumi/${id}`, claims: null }), cookies: [`siva_session=${session.id}`] } };
    } else {
      const list = await loadHandler('list-work');
      const applications: Application[] = Array.from({ length: 4000 }, (_, index) => {
        const at = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
        const application = storedApplication();
        return { ...application, status: 'queued', version: 3, evidence: { ...application.evidence, notes: 'x'.repeat(800) }, submittedAt: at, updatedAt: at, queue: { priorityGroup: 2, admittedAt: at, positionAtAdmission: index + 1 } };
      });
      for (let start = 0; start < applications.length; start += 25) {
        let pending: Record<string, unknown>[] | undefined = applications.slice(start, start + 25).map((application) => ({ PutRequest: { Item: applicationItems.toItem(application) } }));
        while (pending && pending.length > 0) {
          const result = await documentClient.send(new BatchWriteCommand({ RequestItems: { [benchTableName]: pending as never } }));
          pending = result.UnprocessedItems?.[benchTableName] as Record<string, unknown>[] | undefined;
        }
      }
      const account = workforceAccount('staff', 'bench-anna', { services: ['social-rehabilitation'] });
      const claims = { iss: devIssuers.workforce.issuer, sub: account.subject, ...claimsAsApiGatewayPassesThem(workforceAccessClaims(account.user, account.username)) };
      const session = newSession(Date.now(), { workforce: { role: 'staff', subject: account.subject, name: 'bench-anna', services: ['social-rehabilitation'] } });
      await saveSession(session);
      sessionDigestOfPage = sessionDigest(session.id);
      api = { handler: list, event: apiEvent({ method: 'GET', path: '/staff/applications', claims, query: { serviceId: 'social-rehabilitation', limit: '25' } }) };
      page = { handler: web, event: { ...apiEvent({ method: 'GET', path: '/darbs/pieteikumi', claims: null, query: { serviceId: 'social-rehabilitation' } }), cookies: [`siva_session=${session.id}`] } };
    }

    let calls: { command: string; wall: number }[] = [];
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        const started = performance.now();
        try {
          return await next(args);
        } finally {
          calls.push({ command: String(context.commandName), wall: performance.now() - started });
        }
      },
      { step: 'initialize', name: 'profileCallTimer' },
    );
    const sample = async (target: { handler: Handler; event: unknown }): Promise<Sample> => {
      calls = [];
      renderWall = 0;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const result = await target.handler(target.event, lambdaContext);
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      if (result.statusCode !== 200) throw new Error(`answered ${result.statusCode}`);
      return { wall, cpu: (cpu.user + cpu.system) / 1000, render: renderWall, calls };
    };
    for (let i = 0; i < warmUp; i++) {
      await sample(api);
      await sample(page);
    }
    const apiSamples: Sample[] = [];
    const pageSamples: Sample[] = [];
    const sessionSamples: Sample[] = [];
    // The session read alone, as the page makes it: what the page pays beyond the API call before any work of its own.
    const sessions = createSessionRepository(documentClient, benchTableName);
    const sessionRead: { handler: Handler; event: unknown } = {
      handler: async () => ((await sessions.find(sessionDigestOfPage)) ? { statusCode: 200 } : { statusCode: 404 }),
      event: undefined,
    };
    const only = process.env.PROFILE_ONLY;
    const profileFile = process.env.PROFILE_CPU;
    const inspector = new InspectorSession();
    if (profileFile) {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    }
    for (let i = 0; i < iterations; i++) {
      if (i % 2 === 0 && only !== 'page') apiSamples.push(await sample(api));
      if (only !== 'api') pageSamples.push(await sample(page));
      if (i % 2 === 1 && only !== 'page') apiSamples.push(await sample(api));
      if (!only) sessionSamples.push(await sample(sessionRead));
    }
    if (profileFile) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      inspector.disconnect();
    }
    const summary = (samples: Sample[]) => {
      const commands = [...new Set(samples.flatMap((one) => one.calls.map((call) => call.command)))];
      return {
        p50: ms(percentile(samples.map((one) => one.wall), 50)),
        cpuMean: ms(samples.reduce((sum, one) => sum + one.cpu, 0) / samples.length),
        renderP50: ms(percentile(samples.map((one) => one.render), 50)),
        calls: commands.map((command) => {
          const walls = samples.flatMap((one) => one.calls.filter((call) => call.command === command).map((call) => call.wall));
          return `${command} ×${(walls.length / samples.length).toFixed(1)} p50 ${ms(percentile(walls, 50))}`;
        }),
      };
    };
    if (apiSamples.length === 0 || pageSamples.length === 0) return { which, iterations, only, samples: summary(apiSamples.length > 0 ? apiSamples : pageSamples) };
    const ratio = percentile(pageSamples.map((one) => one.wall), 50) / percentile(apiSamples.map((one) => one.wall), 50);
    return { which, iterations, api: summary(apiSamples), page: summary(pageSamples), sessionReadAlone: summary(sessionSamples), ratio: ratio.toFixed(2) };
  },
  (result) => console.log(JSON.stringify(result, null, 2)),
);
