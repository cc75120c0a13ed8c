/**
 * Dependencies of the handlers that use the table, built once per cold start
 * from the checked environment. Handlers import what they need from here.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationDeps } from './core/applications';
import type { WorkflowDeps } from './core/workflow';
import { createWorkflowRepository } from './adapters/workflow-repository';
import { createApplicationRepository } from './adapters/application-repository';
import { fingerprint } from './adapters/digests';
import { personKeyFromConfig } from './adapters/person-key';
import { createDocumentClient } from './adapters/dynamo';
import { readEnvironment } from './config';
import { rules } from './settings';

export { issuers, rules } from './settings';

const env = readEnvironment(['tableName'], ['personKeyId', 'personKeyFile', 'representativeDailyLimit']);

/** A representative's filings per day (docs/access.md): 5 unless configured. */
const dailyLimit = (value: string | undefined): number => {
  if (value === undefined) return 5;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error('REPRESENTATIVE_DAILY_LIMIT must be a whole number from 1 to 1000');
  return limit;
};

export const documentClient = createDocumentClient();
export const tableName = env.tableName;

export const workflowDeps: WorkflowDeps = {
  store: createWorkflowRepository(documentClient, env.tableName),
  clock: () => new Date(),
  newId: randomUUID,
};

export const applicationDeps: ApplicationDeps = {
  store: createApplicationRepository(documentClient, env.tableName),
  clock: () => new Date(),
  newId: randomUUID,
  rules,
  referencePrefix: 'SIVA',
  personKey: personKeyFromConfig(env),
  representativeDailyLimit: dailyLimit(env.representativeDailyLimit),
  fingerprint,
};
