import { DraftContent, DraftIdPath } from '../../schemas/drafts';
import { saveDraft } from '../core/drafts';
import { draftResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { saveDraftRoute } from '../../infra/routes';

/** saveDraftRoute (infra/routes.ts): the version to match comes from If-Match; the new one goes back as ETag. */
export const handler = httpRoute({ routes: [saveDraftRoute], issuers, path: DraftIdPath, body: DraftContent }, async ({ principal, path, body, ifMatch, language }) =>
  draftResponse(200, await saveDraft(draftDeps, principal, path.id, ifMatch, body, language), language),
);
