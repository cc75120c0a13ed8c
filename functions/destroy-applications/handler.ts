import { DestructionRequest } from '../../schemas/retention';
import { createEvidenceDisposal, createS3Client } from '../adapters/evidence-storage';
import { createRetentionRepository } from '../adapters/retention-repository';
import { destroyApplications } from '../core/retention';
import { httpRoute, json } from '../http/route';
import { readEnvironment } from '../config';
import { issuers } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { destroyApplicationsRoute } from '../../infra/routes';

const env = readEnvironment(['evidenceBucket']);
const deps = {
  store: createRetentionRepository(documentClient, tableName, createEvidenceDisposal(createS3Client(), env.evidenceBucket)),
  clock: () => new Date(),
};

/** destroyApplicationsRoute (infra/routes.ts): answers the ids destroyed. */
export const handler = httpRoute({ routes: [destroyApplicationsRoute], issuers, body: DestructionRequest }, async ({ principal, body }) =>
  json(200, { destroyed: await destroyApplications(deps, principal, body) }),
);
