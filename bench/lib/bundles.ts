/** The function bundles as the CDK stack builds them, plus the baseline, with their sizes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { forkTypeScript, stopChild, type Cleanup } from './processes';

export const baselineName = 'baseline';
/** A second baseline, for the functions that use the upload buckets: only the bare S3 client. */
export const s3BaselineName = 'baseline-s3';
export const manifestName = 'bundles.json';
/** The first-answer part's baselines (bench/baseline/<name>.ts), by the SDK clients they hold. */
export const replayBaselines = [
  { name: 'bare-dynamodb', clients: 'DynamoDB client' },
  { name: 'bare-dynamodb-sesv2', clients: 'DynamoDB and SES v2 clients' },
  { name: 'bare-dynamodb-s3', clients: 'DynamoDB and S3 clients' },
  { name: 'bare-dynamodb-streams', clients: 'DynamoDB and DynamoDB Streams clients' },
] as const;
export type ReplayBaselineName = (typeof replayBaselines)[number]['name'];

/** `BENCH_COLD_FUNCTIONS` (comma-separated function names): the cold part measures only these; undefined when unset. */
export const coldFunctionFilter = (): string[] | undefined => {
  const names = (process.env.BENCH_COLD_FUNCTIONS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  return names.length > 0 ? names : undefined;
};

/** Written by synth-bundles.ts: the baselines first, then one entry per function of infra/routes.ts. */
export type BundleManifest = { readonly name: string; readonly file: string; readonly nodeOptions: string }[];

export interface Bundle {
  readonly name: string;
  /** index.mjs; its source map lies next to it. */
  readonly file: string;
  /** What the stack sets in the function's NODE_OPTIONS (source maps). */
  readonly nodeOptions: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** `replayBaselines`: also bundle the first-answer part's baselines (they come first in the list). */
export const bundleLikeTheStack = async (outdir: string, cleanup: Cleanup, options: { replayBaselines?: boolean } = {}): Promise<Bundle[]> => {
  const child = forkTypeScript('bench/lib/synth-bundles.ts', [outdir, ...(options.replayBaselines ? ['--replay-baselines'] : [])], { quiet: true });
  cleanup.add('CDK bundling', () => stopChild(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
  if (code !== 0) throw new Error(`Bundling through the CDK stack failed (exit ${code}):\n${output.slice(-4000)}`);

  const manifest = JSON.parse(readFileSync(join(outdir, manifestName), 'utf8')) as BundleManifest;
  return manifest.map((entry) => {
    const content = readFileSync(entry.file);
    return { ...entry, bytes: content.byteLength, gzipBytes: gzipSync(content).byteLength };
  });
};
