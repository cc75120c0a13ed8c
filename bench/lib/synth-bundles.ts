/**
 * Child process (started by bundles.ts): bundles every function exactly as the
 * CDK stack does, by building the real stack; NodejsFunction runs esbuild with the
 * options in infra/constructs/service-function.ts, so none are copied here. The
 * baseline goes through the same ServiceFunction construct. Prints nothing useful
 * (CDK and esbuild write progress to stderr, which the parent swallows unless this
 * fails); writes the manifest to <outdir>/bundles.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { DataTable } from '../../infra/constructs/data-table';
import { ServiceFunction } from '../../infra/constructs/service-function';
import { functions, type FunctionDefinition, type FunctionName } from '../../infra/routes';
import { repositoryRoot } from '../../local/paths';
import { defineApp } from '../../infra/app-definition';
import { baselineName, manifestName, replayBaselines, s3BaselineName, type BundleManifest } from './bundles';

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: synth-bundles.ts <outdir>');

const baselineDefinition: FunctionDefinition = {
  entry: 'bench/baseline/dynamodb-client.ts',
  description: 'Bench baseline: only the bare DynamoDB client',
  tableAccess: 'read',
  indexes: [],
  sendsEmail: false,
};

/** Where NodejsFunction staged the bundle, and the NODE_OPTIONS the function runs with on Lambda. */
const describe = (name: string, built: ServiceFunction): BundleManifest[number] => {
  const asset = built.function.node.findChild('Code') as s3assets.Asset;
  const cfn = built.function.node.defaultChild as lambda.CfnFunction;
  const environment = Stack.of(built).resolve(cfn.environment) as { variables?: Record<string, unknown> } | undefined;
  const nodeOptions = environment?.variables?.NODE_OPTIONS;
  return {
    name,
    file: join(outdir, asset.assetPath, 'index.mjs'),
    nodeOptions: typeof nodeOptions === 'string' ? nodeOptions : '',
  };
};

// The context `cdk synth` reads from cdk.json (settings, feature flags).
const cdkContext = (JSON.parse(readFileSync(join(repositoryRoot, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context;
const app = new App({ outdir, context: cdkContext ?? {} });

const stack = defineApp(app).main;
const bundles: BundleManifest = (Object.keys(functions) as FunctionName[]).map((name) => {
  const built = stack.functions.get(name);
  if (!built) throw new Error(`The stack built no function for "${name}"`);
  return describe(name, built);
});

const baselineStack = new Stack(app, 'BenchBaseline');
/** A baseline goes through the same ServiceFunction construct as the functions, so esbuild gets the same options. */
const baselineBundle = (name: string, entry: string, description: string, tableAccess: FunctionDefinition['tableAccess']) => {
  const id = name.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
  const built = new ServiceFunction(baselineStack, id, {
    definition: { ...baselineDefinition, entry, description, tableAccess },
    repositoryRoot,
    data: new DataTable(baselineStack, `${id}Data`),
    environment: {},
    logRetention: logs.RetentionDays.ONE_DAY,
    memorySize: 512,
    timeout: Duration.seconds(10),
  });
  return describe(name, built);
};

bundles.unshift(
  baselineBundle(baselineName, baselineDefinition.entry, baselineDefinition.description, 'read'),
  // The upload functions also hold an S3 client: their fair baseline holds only that.
  baselineBundle(s3BaselineName, 'bench/baseline/s3-client.ts', 'Bench baseline: only the bare S3 client', 'none'),
);
// The first-answer part's baselines: bare clients replaying a function's recorded requests (bench/baseline/replay.ts).
if (process.argv.includes('--replay-baselines')) {
  bundles.unshift(...replayBaselines.map(({ name, clients }) => baselineBundle(name, `bench/baseline/${name}.ts`, `Bench baseline: bare ${clients} making a function's calls`, 'read-write')));
}

writeFileSync(join(outdir, manifestName), JSON.stringify(bundles, null, 2));
