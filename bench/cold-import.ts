/**
 * Part 1: bundle size and cold import. Every function of infra/routes.ts is
 * bundled by the CDK stack itself, next to a baseline holding only the bare
 * DynamoDB client; each bundle is imported in fresh `node` processes, rounds
 * interleaved (and rotated) so machine drift hits every bundle alike. Two
 * diagnostic variants, interleaved too, show where extra import time goes.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../local/paths';
import { compositionOf, largestAdditions } from './lib/bundle-composition';
import { baselineName, bundleLikeTheStack, coldFunctionFilter, s3BaselineName, type Bundle } from './lib/bundles';
import { functions, type FunctionDefinition, type FunctionName } from '../infra/routes';
import { handlerEnvironment, offlineAwsEnvironment } from './lib/environment';
import { runPart } from './lib/processes';
import { partTitles, table } from './lib/results';
import { aaSpread, kb, median, ms, outcomeBeyondSpread, percentile, ratio, ratioWithSpread, verdictBeyondSpread } from './lib/stats';

/** Imports per bundle as deployed (the measurement), and per diagnostic variant (run in the first rounds). */
const rounds = 12;
const diagnosticRounds = 6;
const targetRatio = 1.15;
const probe = join(repositoryRoot, 'bench/lib/import-probe.mjs');

interface Variant {
  readonly label: string;
  readonly rounds: number;
  readonly nodeOptions: (bundle: Bundle) => string;
  readonly probeFlags: readonly string[];
}
/** The first is the measurement; the others change one thing each, to attribute the difference. */
const variants: readonly Variant[] = [
  { label: 'as deployed', rounds, nodeOptions: (bundle) => bundle.nodeOptions, probeFlags: [] },
  { label: "without the stack's NODE_OPTIONS", rounds: diagnosticRounds, nodeOptions: () => '', probeFlags: [] },
  { label: 'ICU time zones initialised first', rounds: diagnosticRounds, nodeOptions: (bundle) => bundle.nodeOptions, probeFlags: ['--warm-icu'] },
];

/** One import, as the probe reports it. */
interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}
type Metric = keyof Sample;

const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, index) => items[(index + by) % items.length]!);

runPart('cold', async (cleanup, measured) => {
  const outdir = mkdtempSync(join(tmpdir(), 'siva-bench-bundles-'));
  cleanup.add('the bundle folder', () => rmSync(outdir, { recursive: true, force: true }));
  console.log('cold: bundling every function through the CDK stack (NodejsFunction + esbuild) …');
  const bundled = await bundleLikeTheStack(outdir, cleanup);
  // BENCH_COLD_FUNCTIONS=promote-upload,create-upload: only those functions (and the baselines) are imported, for a
  // quick look at a few; such a run is printed, not written to RESULTS.md (bench/run.ts), since the table is partial.
  const only = coldFunctionFilter();
  const bundles = only ? bundled.filter((bundle) => bundle.name === baselineName || bundle.name === s3BaselineName || only.includes(bundle.name)) : bundled;
  if (only && bundles.length !== only.length + 2) throw new Error(`BENCH_COLD_FUNCTIONS names no function of infra/routes.ts among: ${only.join(', ')}`);
  const baseline = bundles.find((bundle) => bundle.name === baselineName);
  const s3Baseline = bundles.find((bundle) => bundle.name === s3BaselineName);
  if (!baseline || !s3Baseline) throw new Error('No baseline bundle');

  // What a Lambda cold start has: the handler's variables and fake credentials; NODE_OPTIONS per variant.
  const environment = { PATH: process.env.PATH ?? '', ...offlineAwsEnvironment, ...handlerEnvironment('siva-eservices-bench') };
  let running: ChildProcess | undefined;
  cleanup.add('the import probe', () => running?.kill('SIGKILL'));
  const timeImport = (bundle: Bundle, variant: Variant) =>
    new Promise<Sample>((resolve, reject) => {
      running = execFile(
        process.execPath,
        [probe, bundle.file, ...variant.probeFlags],
        { env: { ...environment, NODE_OPTIONS: variant.nodeOptions(bundle) }, cwd: outdir },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`Importing the ${bundle.name} bundle failed: ${stderr || error.message}`));
          else resolve(JSON.parse(stdout) as Sample);
        },
      );
    });

  const runs = bundles.flatMap((bundle) => variants.map((variant) => ({ bundle, variant, samples: [] as Sample[] })));
  const imports = runs.reduce((sum, run) => sum + run.variant.rounds, 0);
  console.log(`cold: ${imports} imports (${bundles.length} bundles, ${rounds} rounds as deployed, ${diagnosticRounds} per diagnostic variant), one fresh node process each …`);
  for (let round = 0; round < Math.max(...variants.map((variant) => variant.rounds)); round++) {
    const thisRound = runs.filter((run) => round < run.variant.rounds);
    for (const run of rotate(thisRound, round)) run.samples.push(await timeImport(run.bundle, run.variant));
  }
  const [deployed] = variants;
  const samplesOf = (bundle: Bundle, metric: Metric, variant = deployed!) =>
    runs.find((run) => run.bundle === bundle && run.variant === variant)!.samples.map((sample) => sample[metric]);
  const medianOf = (bundle: Bundle, metric: Metric, variant = deployed!) => median(samplesOf(bundle, metric, variant));
  // Rounded as printed, so a table never shows "1.15×" next to "missed".
  const ratioOf = (bundle: Bundle, metric: Metric, variant = deployed!) =>
    Number((medianOf(bundle, metric, variant) / medianOf(baseline, metric, variant)).toFixed(2));

  // The baseline against itself (alternate rounds): how far a ratio moves by noise alone on this machine.
  const spreadOf = (metric: Metric) => aaSpread(samplesOf(baseline, metric));
  const outcomeOf = (bundle: Bundle, metric: Metric) => outcomeBeyondSpread(ratioOf(bundle, metric), targetRatio, spreadOf(metric));

  const functionBundles = bundles.filter((bundle) => bundle !== baseline && bundle !== s3Baseline);
  // The functions that use the upload buckets build an S3 client too: also compared with a bundle holding only that.
  const uploadBundles = functionBundles.filter((bundle) => (functions[bundle.name as FunctionName] as FunctionDefinition | undefined)?.buckets);
  const s3RatioOf = (bundle: Bundle, metric: Metric) => Number((medianOf(bundle, metric) / medianOf(s3Baseline, metric)).toFixed(2));
  const metBy = (metric: Metric) => functionBundles.filter((bundle) => outcomeOf(bundle, metric) === 'met');
  const missed = functionBundles.filter((bundle) => outcomeOf(bundle, 'wallMs') === 'missed');
  const inconclusive = functionBundles.filter((bundle) => outcomeOf(bundle, 'wallMs') === 'inconclusive');
  const baselineComposition = compositionOf(baseline.file);
  const label = (bundle: Bundle) =>
    bundle === baseline ? `${bundle.name} (DynamoDBClient only)` : bundle === s3Baseline ? `${bundle.name} (S3Client only)` : bundle.name;
  const nodeOptions = [...new Set(bundles.map((bundle) => bundle.nodeOptions || '(none)'))].join(', ');
  // Read from the artifact rather than assumed: the baseline's source map names the client's package if it was bundled.
  const sdkBundled = baselineComposition.has('@aws-sdk/client-dynamodb');

  return [
    `## ${partTitles.cold}`,
    '',
    measured,
    '',
    table(
      ['bundle', 'minified', 'gzip', 'median import', 'p25 – p75', 'vs baseline', `target ≤ ${targetRatio}×`, 'median CPU time', 'vs baseline (CPU)'],
      bundles.map((bundle) => {
        const wall = samplesOf(bundle, 'wallMs');
        return [
          label(bundle),
          kb(bundle.bytes),
          kb(bundle.gzipBytes),
          ms(median(wall)),
          `${ms(percentile(wall, 25))} – ${ms(percentile(wall, 75))}`,
          ratioWithSpread(ratioOf(bundle, 'wallMs'), spreadOf('wallMs')),
          bundle === baseline || bundle === s3Baseline ? '—' : verdictBeyondSpread(ratioOf(bundle, 'wallMs'), targetRatio, spreadOf('wallMs')),
          ms(medianOf(bundle, 'cpuMs')),
          ratioWithSpread(ratioOf(bundle, 'cpuMs'), spreadOf('cpuMs')),
        ];
      }),
    ),
    '',
    `**Cold-import target (median import ≤ ${targetRatio}× the baseline's, judged outside the A/A spread of ±${(spreadOf('wallMs') * 100).toFixed(1)} %): ${
      missed.length > 0 ? 'missed' : inconclusive.length > 0 ? 'inconclusive' : 'met'
    }; met by ${metBy('wallMs').length} of ${functionBundles.length} functions${missed.length ? ` (missed: ${missed.map((bundle) => bundle.name).join(', ')})` : ''}${
      inconclusive.length ? ` (within the spread: ${inconclusive.map((bundle) => bundle.name).join(', ')})` : ''
    }. On CPU time (spread ±${(spreadOf('cpuMs') * 100).toFixed(1)} %): met by ${metBy('cpuMs').length} of ${functionBundles.length}.**`,
    '',
    'Import time is wall-clock, as specified. CPU time (user + system of the importing process, all threads) is shown beside it because other work on a small machine stretches wall-clock time and pulls every ratio towards 1, while CPU time stays put; on Lambda, with a fraction of a vCPU at 512 MB, a cold start pays roughly in proportion to CPU time.',
    '',
    '### The upload functions against a bare S3 client',
    '',
    `Their S3 client is built at import (\`functions/upload-wiring.ts\`), so besides the DynamoDB baseline they are compared with \`bench/baseline/s3-client.ts\` (\`new S3Client(…)\` and nothing else, ${ms(medianOf(s3Baseline, 'wallMs'))} median, ${ratio(ratioOf(s3Baseline, 'wallMs'))} the DynamoDB baseline).`,
    '',
    table(
      ['function', 'median import', 'vs bare S3 client', `target ≤ ${targetRatio}×`, 'vs bare S3 client (CPU)'],
      uploadBundles.map((bundle) => [
        bundle.name,
        ms(medianOf(bundle, 'wallMs')),
        ratio(s3RatioOf(bundle, 'wallMs')),
        verdictBeyondSpread(s3RatioOf(bundle, 'wallMs'), targetRatio, spreadOf('wallMs')),
        ratio(s3RatioOf(bundle, 'cpuMs')),
      ]),
    ),
    '',
    '### Where the extra import time goes',
    '',
    `Diagnostic variants (${diagnosticRounds} imports each, interleaved with the measurement), each changing one thing; every cell is the bundle's median CPU time vs the baseline's under the same variant. "Without NODE_OPTIONS" drops what the stack sets (${nodeOptions}); "ICU time zones initialised first" creates one \`Intl.DateTimeFormat\` with a time zone before the clock starts, so what remains excludes ICU's one-off start-up.`,
    '',
    table(
      ['bundle (CPU time)', ...variants.map((variant) => variant.label)],
      bundles.map((bundle) => [
        label(bundle),
        ...variants.map((variant) => `${ratio(ratioOf(bundle, 'cpuMs', variant))} (${ms(medianOf(bundle, 'cpuMs', variant))})`),
      ]),
    ),
    '',
    '### What each function adds over the baseline',
    '',
    'Minified characters per npm package (or folder of ours), attributed through the source map shipped with each bundle; the five largest additions.',
    '',
    table(
      ['function', 'size vs baseline', 'largest additions'],
      functionBundles.map((bundle) => [
        bundle.name,
        `${bundle.bytes >= baseline.bytes ? '+' : '−'}${kb(Math.abs(bundle.bytes - baseline.bytes))}`,
        largestAdditions(compositionOf(bundle.file), baselineComposition, 5)
          .map(({ group, added }) => `${group} ${kb(added)}`)
          .join(' · '),
      ]),
    ),
    '',
    '### How',
    '',
    `- Bundles: \`bench/lib/synth-bundles.ts\` builds the real \`SivaEservicesStack\` (one \`NodejsFunction\` per entry of \`functions\` in \`infra/routes.ts\`), so esbuild runs with exactly the options of \`infra/constructs/service-function.ts\`; none are copied into the bench. The AWS SDK is ${sdkBundled ? 'bundled' : '**not** bundled'} (read from the baseline's source map). The baseline (\`bench/baseline/dynamodb-client.ts\`: \`new DynamoDBClient({})\` and nothing else) goes through the same \`ServiceFunction\` construct.`,
    `- Cold import: \`performance.now()\` (and \`process.cpuUsage()\`) around \`await import(bundle)\` inside a fresh \`node\` process per sample (\`bench/lib/import-probe.mjs\`), with the handler's environment, fake credentials, \`AWS_EC2_METADATA_DISABLED=true\` and, as deployed, the stack's \`NODE_OPTIONS\` (${nodeOptions}). ${rounds} rounds; each round imports every bundle once (and under each diagnostic variant in the first ${diagnosticRounds} rounds), in an order rotated per round. Medians, and the ratio of medians.`,
    '- gzip: Node zlib at its default level, as an indication of the deployment package size.',
  ].join('\n');
});
