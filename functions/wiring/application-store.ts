/**
 * Reading applications by id or by referrer: the application repository alone. Functions that never MAC a
 * personal code (infra/routes.ts: no `macsPersonalCodes`) import this, not ./applications, so they hold no person key.
 */
import type { ApplicationDeps } from '../core/applications/ports';
import { createApplicationRepository } from '../adapters/application-repository';
import { documentClient, tableName } from './table';

export const applicationStore: Pick<ApplicationDeps, 'store'> = { store: createApplicationRepository(documentClient, tableName) };
