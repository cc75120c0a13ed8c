import { DocumentsSubmitted } from '../../schemas/decision';
import { ApplicationIdPath } from '../../schemas/lifecycle';
import { createUploadRepository } from '../adapters/upload-repository';
import { submitDocuments } from '../core/workflow';
import { transitionResponse } from '../http/transitions';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { workflowDeps } from '../wiring/workflow';
import { submitApplicationDocumentsRoute, submitReferralDocumentsRoute } from '../../infra/routes';

// Attaching reads and marks uploads in the table only: no S3 client here.
const uploads = { store: createUploadRepository(documentClient, tableName) };

/**
 * POST /applications/{id}/documents (and /referrals/{id}/documents): the applicant, or the referring organisation's
 * officer, reports the requested documents as sent, or attaches their own clean uploads; staff are alerted.
 */
export const handler = httpRoute(
  { routes: [submitApplicationDocumentsRoute, submitReferralDocumentsRoute], issuers, path: ApplicationIdPath, body: DocumentsSubmitted },
  async ({ principal, path, body }) => transitionResponse(await submitDocuments(workflowDeps, uploads, principal, path.id, body)),
);
