/**
 * `npm run deploy`: builds the pages and what the schemas generate, deploys both stacks (the firewall in us-east-1 first, then the system; CDK
 * orders them) and uploads the portal's static files to the assets bucket the main stack exports. Uses the operator's
 * AWS credentials and profile as the AWS CLI would; `cdk deploy` asks before widening any permission.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { repositoryRoot } from '../../local/paths';
import { uploadPortalAssets } from './portal-assets';

const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: repositoryRoot, stdio: 'inherit' });

const outputsFile = join(repositoryRoot, 'cdk.out', 'deploy-outputs.json');
run('npm', ['run', 'build:web']);
run('npm', ['run', 'build:schemas']);
run('npx', ['cdk', 'deploy', '--all', '--outputs-file', outputsFile, ...process.argv.slice(2)]);

const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
const bucket = outputs.SivaEservices?.AssetsBucketName;
if (!bucket) throw new Error(`${outputsFile} has no SivaEservices.AssetsBucketName`);
const written = await uploadPortalAssets(new S3Client({}), bucket, join(repositoryRoot, 'functions/web/static'));
console.log(written.length ? `Uploaded ${written.join(', ')}` : 'The assets bucket already had every file');
