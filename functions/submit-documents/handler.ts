import { DocumentsSubmitted } from '../../schemas/decision';
import { ApplicationIdPath } from '../../schemas/lifecycle';
import { submitDocuments } from '../core/workflow';
import { transitionResponse } from '../http/transitions';
import { httpRoute } from '../http/route';
import { issuers, workflowDeps } from '../wiring';

/** POST /applications/{id}/documents: the applicant reports the requested documents as sent; staff are alerted. */
export const handler = httpRoute(
  { roles: ['citizen'], issuers, path: ApplicationIdPath, body: DocumentsSubmitted },
  async ({ principal, path, body }) => transitionResponse(await submitDocuments(workflowDeps, principal, path.id, body)),
);
