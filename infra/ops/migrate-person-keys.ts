/**
 * Operator tool: re-keys every application to the current person key version
 * (docs/person-key.md). Run with the same configuration the functions get:
 *   TABLE_NAME=… PERSON_KEY_ID=<the stack's PersonKey ARN> npm run migrate:person-keys    (AWS)
 *   TABLE_NAME=siva-eservices PERSON_KEY_FILE=.local/person-key AWS_ENDPOINT_URL_DYNAMODB=http://localhost:8000 npm run migrate:person-keys
 * Prints counts only, never a personal code or a key. Re-run until `rekeyed` is 0.
 */
import { rekeyPersonKeys } from '../../functions/adapters/person-key-migration';
import { personKeyFromConfig } from '../../functions/adapters/person-key';
import { createDocumentClient } from '../../functions/adapters/dynamo';
import { readEnvironment } from '../../functions/config';

const env = readEnvironment(['tableName'], ['personKeyId', 'personKeyFile']);
const report = await rekeyPersonKeys(createDocumentClient(), env.tableName, personKeyFromConfig(env));
console.log(JSON.stringify(report));
