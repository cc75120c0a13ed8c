/**
 * Every shared dependency in one import, for code that needs them all (tests reaching the handlers' client).
 * Handlers import the modules under ./wiring/ their route uses instead, so a bundle holds only those
 * (functions/wiring/table.ts explains the pattern).
 */
export { issuers, rules } from './settings';
export { documentClient, tableName } from './wiring/table';
export { workflowDeps } from './wiring/workflow';
export { applicationStore } from './wiring/application-store';
export { applicationDeps } from './wiring/applications';
