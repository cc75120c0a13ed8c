/**
 * Before each fuzz file: a fresh table, and the environment the handlers read
 * pointing at it, so a file can count exactly what it stored.
 */
import { inject } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import { ensureTable } from '../../local/table';
import { testIssuers } from '../support/api-event';
import { useHandlerEnvironment } from '../support/handler-environment';

const dynamoEndpoint = inject('fuzzDynamoEndpoint');
const tableName = `fuzz-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const client = localDynamoClient(dynamoEndpoint);
await ensureTable(client, tableName);
client.destroy();
useHandlerEnvironment({ tableName, dynamoEndpoint, issuers: testIssuers });
