/**
 * Part "drafts": a draft save through the save-draft handler (validation, person key, one conditional UpdateItem)
 * against a bare conditional PutItem of the same item through the same document client (p50 ratio, target ≤ 1.3×),
 * in one process, against the same DynamoDB Local, alternating. A save is one round trip (asserted in
 * tests/integration/drafts.test.ts with the DynamoDB spy); this measures what the chain around it costs.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { devIssuers } from '../local/dev-idp';
import { apiEvent, citizenClaims, lambdaContext } from '../tests/support/api-event';
import { validForm } from '../tests/support/service-forms';
import { distinctCitizens } from './lib/citizens';
import { benchTableName, loadHandler, startBenchTable } from './lib/in-process';
import { runPart } from './lib/processes';
import { partTitles, table } from './lib/results';
import { againstBaselineRows } from './lib/stats';

const warmUp = 50;
const iterations = Number(process.env.BENCH_DRAFT_ITERATIONS ?? 400);
const targetP50Ratio = 1.3;

runPart('drafts', async (cleanup, measured) => {
  await startBenchTable(cleanup);
  const create = await loadHandler('create-draft');
  const save = await loadHandler('save-draft');
  const { documentClient } = await import('../functions/wiring');
  const { draftItems } = await import('../functions/adapters/entities/draft');
  const { draftDeps } = await import('../functions/wiring/drafts');

  const [citizen] = distinctCitizens(1);
  const claims = citizenClaims({ iss: devIssuers.citizen.issuer, sub: `bench-${citizen!.personalCode}`, personal_code: citizen!.personalCode, email: citizen!.email });
  const created = await create(apiEvent({ path: '/drafts', claims, body: JSON.stringify({ serviceId: 'social-rehabilitation', track: 'functional-impairment' }) }), lambdaContext);
  const { id } = JSON.parse(created.body ?? '{}') as { id: string };
  const form = validForm('social-rehabilitation', 'functional-impairment', new Date().toISOString().slice(0, 10));
  const body = JSON.stringify(form);
  const { serviceId, track, ...content } = form;

  let version = 1;
  const timedSave = async () => {
    const event = apiEvent({ method: 'PUT', path: `/drafts/${id}`, pathParameters: { id }, claims, headers: { 'if-match': `"${version}"` }, body });
    const started = performance.now();
    const result = await save(event, lambdaContext);
    const elapsed = performance.now() - started;
    if (result.statusCode !== 200) throw new Error(`save answered ${result.statusCode}`);
    version += 1;
    return elapsed;
  };
  // The same item, written bare: a conditional PutItem of what a save stores (another key, so versions do not clash).
  const ownerKey = await draftDeps.personKey(citizen!.personalCode);
  const bareId = `${id.slice(0, 24)}${'0'.repeat(12)}`;
  const now = new Date().toISOString();
  let bareVersion = 0;
  const timedPut = async () => {
    const item = draftItems.toItem({ id: bareId, ownerKey, serviceId, track, content, version: bareVersion + 1, formVersion: 'bench', createdAt: now, savedAt: now, expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const started = performance.now();
    await documentClient.send(
      new PutCommand({
        TableName: benchTableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': bareVersion },
      }),
    );
    const elapsed = performance.now() - started;
    bareVersion += 1;
    return elapsed;
  };
  for (let i = 0; i < warmUp; i++) {
    await timedSave();
    await timedPut();
  }
  const saves: number[] = [];
  const puts: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // Alternating, so drift on a busy machine falls on both alike.
    if (i % 2 === 0) puts.push(await timedPut());
    saves.push(await timedSave());
    if (i % 2 === 1) puts.push(await timedPut());
  }
  return [
    `## ${partTitles.drafts}`,
    '',
    measured,
    '',
    table(
      ['measure', 'draft save (handler)', 'bare conditional PutItem', 'ratio ± A/A spread', 'target'],
      againstBaselineRows(saves, puts, targetP50Ratio),
    ),
    '',
    `${iterations} saves of a complete social-rehabilitation form; DynamoDB round trips per save: 1 (an UpdateItem). The spread is the bare PutItem's alternate samples against each other (A/A); a target is met or missed only when the whole band lies on one side of it.`,
  ].join('\n');
});
