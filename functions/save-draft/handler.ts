import { DraftContent, DraftIdPath } from '../../schemas/drafts';
import { saveDraft } from '../core/drafts';
import { draftResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { saveDraftRoute } from '../../infra/routes';

/** PUT /drafts/{id} with If-Match: saved (field errors reported, not blocking), 412 when stale, 428 without If-Match. */
export const handler = httpRoute({ routes: [saveDraftRoute], issuers, path: DraftIdPath, body: DraftContent }, async ({ principal, path, body, ifMatch, language }) =>
  draftResponse(200, await saveDraft(draftDeps, principal, path.id, ifMatch, body, language), language),
);
