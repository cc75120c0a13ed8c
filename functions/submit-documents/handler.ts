import { DocumentsSubmitted } from '../../schemas/decision';
import { ApplicationIdPath } from '../../schemas/lifecycle';
import { createUploadRepository } from '../adapters/upload-repository';
import { submitDocuments } from '../core/workflow';
import { transitionResponse } from '../http/transitions';
import { httpRoute } from '../http/route';
import { documentClient, issuers, tableName, workflowDeps } from '../wiring';

// Attaching reads and marks uploads in the table only: no S3 client here.
const uploads = { store: createUploadRepository(documentClient, tableName) };

/** POST /applications/{id}/documents: the applicant reports the requested documents as sent, or attaches clean uploads; staff are alerted. */
export const handler = httpRoute(
  { roles: ['citizen'], issuers, path: ApplicationIdPath, body: DocumentsSubmitted },
  async ({ principal, path, body }) => transitionResponse(await submitDocuments(workflowDeps, uploads, principal, path.id, body)),
);
