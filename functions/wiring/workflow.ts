/** What the lifecycle functions (decisions, withdrawal, documents, work lists, queue positions) need: the workflow repository. */
import { randomUUID } from 'node:crypto';
import type { WorkflowDeps } from '../core/workflow';
import { createWorkflowRepository } from '../adapters/workflow-repository';
import { documentClient, tableName } from './table';

export const workflowDeps: WorkflowDeps = {
  store: createWorkflowRepository(documentClient, tableName),
  clock: () => new Date(),
  newId: randomUUID,
};
