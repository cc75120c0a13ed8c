/**
 * Part "portal": a page's server time against the JSON API call that fetches the same data (p50 ratio, target
 * ≤ 1.5×): one application read by the signed-in person, `GET /pieteikumi/{id}` through the web handler against
 * `GET /applications/{id}` through the API handler, in one process, against the same DynamoDB Local, alternating.
 * Also the first page's weight as transferred (HTML and CSS gzip-compressed as the edge serves them, no fonts) against
 * 100 KB, and that applying needs no JavaScript (the pages carry no script at all). The web function's cold import is
 * measured with the others in part "cold" (it is one of the route table's functions).
 */
import { gzipSync } from 'node:zlib';
import { devIssuers } from '../local/dev-idp';
import { apiEvent, citizenClaims, lambdaContext } from '../tests/support/api-event';
import { distinctCitizens } from './lib/citizens';
import { benchTableName, loadHandler, samplePageAgainstApi, startBenchTable } from './lib/in-process';
import { runPart } from './lib/processes';
import { partTitles, table } from './lib/results';
import { againstBaselineRows, kb } from './lib/stats';

const tableName = benchTableName;
const warmUp = 50;
const iterations = 400;
const targetP50Ratio = 1.5;
const firstPageBudgetBytes = 100 * 1024;

runPart('portal', async (cleanup, measured) => {
  await startBenchTable(cleanup);

  const submit = await loadHandler('submit-application');
  const read = await loadHandler('get-application');
  const web = await loadHandler('web');
  const { createSessionRepository } = await import('../functions/adapters/session-repository');
  const { documentClient } = await import('../functions/wiring');
  const { newSession, sessionDigest, expiresAtOf } = await import('../functions/web/session');

  // One applicant, one application, one signed-in session.
  const [citizen] = distinctCitizens(1);
  const subject = `bench-${citizen!.personalCode}`;
  const claims = citizenClaims({ iss: devIssuers.citizen.issuer, sub: subject, personal_code: citizen!.personalCode, email: citizen!.email });
  const created = await submit(apiEvent({ body: citizen!.body, claims }), lambdaContext);
  const { id } = JSON.parse(created.body ?? '{}') as { id: string };
  const principal = { role: 'citizen' as const, subject, personalCode: citizen!.personalCode, givenName: 'Jānis', familyName: 'Bērziņš' };
  const session = newSession(Date.now(), { principal });
  await createSessionRepository(documentClient, tableName).save(sessionDigest(session.id), session, expiresAtOf(session) + 3600);

  const apiRead = apiEvent({ method: 'GET', path: `/applications/${id}`, claims, pathParameters: { id } });
  const pageRead = { ...apiEvent({ method: 'GET', path: `/pieteikumi/${id}`, claims: null }), cookies: [`siva_session=${session.id}`] };
  const { apiSamples, pageSamples } = await samplePageAgainstApi({ handler: read, event: apiRead }, { handler: web, event: pageRead }, warmUp, iterations);

  // The first page as a browser gets it: the HTML and the one stylesheet, compressed; no fonts, no script.
  const home = await web(apiEvent({ method: 'GET', path: '/', claims: null, headers: { 'accept-encoding': 'gzip' } }), lambdaContext);
  const html = home.body ?? '';
  const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1] ?? '';
  const stylesheet = await web(apiEvent({ method: 'GET', path: css, claims: null, headers: { 'accept-encoding': 'gzip' } }), lambdaContext);
  const transferred = gzipSync(html).byteLength + Buffer.from(stylesheet.body ?? '', 'base64').byteLength;
  const scripts = (html.match(/<script/g) ?? []).length;

  return [
    `## ${partTitles.portal}`,
    '',
    measured,
    '',
    table(
      ['measure', 'page', 'JSON API', 'ratio ± A/A spread', 'target'],
      againstBaselineRows(pageSamples, apiSamples, targetP50Ratio, ['one application, p50', 'one application, p99']),
    ),
    '',
    `${iterations} alternating samples each after ${warmUp} warm-ups; the spread is the API call's alternate samples against each other (A/A), and the target is met or missed only outside it.`,
    '',
    table(
      ['first page', 'transferred', 'budget', 'script elements'],
      [['start page: HTML + CSS (gzip), no fonts', kb(transferred), `${transferred <= firstPageBudgetBytes ? 'met' : '**missed**'} (≤ 100 KB)`, scripts]],
    ),
  ].join('\n');
});
