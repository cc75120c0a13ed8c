/**
 * Dependencies of the handlers that use the table, built once per cold start
 * from the checked environment. Handlers import what they need from here.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationDeps } from './core/applications';
import type { WorkflowDeps } from './core/workflow';
import { createWorkflowRepository } from './adapters/workflow-repository';
import { createApplicationRepository } from './adapters/application-repository';
import { fingerprint, personKey } from './adapters/digests';
import { createDocumentClient } from './adapters/dynamo';
import { readEnvironment } from './config';
import { rules } from './settings';

export { issuers, rules } from './settings';

const env = readEnvironment(['tableName']);

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
  personKey,
  fingerprint,
};
