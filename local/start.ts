/** `npm start`: the whole system locally, data kept in .local/, Ctrl-C stops everything. */
import { javaProblem } from './java';
import { defaultDataDir } from './paths';
import { startLocalStack } from './stack';

const problem = javaProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

try {
  const stack = await startLocalStack({
    apiPort: port('API_PORT', 3000),
    sesPort: port('SES_PORT', 8005),
    dynamoPort: port('DYNAMODB_PORT', 8000),
    s3Port: port('S3_PORT', 4568),
    citizenIdpPort: port('CITIZEN_IDP_PORT', 8010),
    dataDir: process.env.LOCAL_DATA_DIR ?? defaultDataDir,
  });
  const localhost = (url: string) => url.replace('127.0.0.1', 'localhost');
  console.log(`
SIVA e-services are running locally.
  Portal:      ${stack.portalUrl}   (sign in at the local eID page with any valid personal code, e.g. 161175-19997)
  API:         ${localhost(stack.apiUrl)}
  Mail inbox:  ${localhost(stack.inboxUrl)}   (every e-mail sent; JSON at /store)
  DynamoDB:    ${localhost(stack.dynamoEndpoint)}  (table ${stack.tableName}, data in .local/)
  S3:          ${localhost(stack.s3Endpoint)}  (uploads scanned by ClamAV before promotion)
A citizen token:  TOKEN=$(npm run --silent token -- citizen 161175-19997)
Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
