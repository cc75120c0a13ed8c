import { DraftIdPath } from '../../schemas/drafts';
import { getDraft } from '../core/drafts';
import { draftResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { getDraftRoute } from '../../infra/routes';

/** GET /drafts/{id}: the draft with its field errors and the fields its form no longer has. */
export const handler = httpRoute({ routes: [getDraftRoute], issuers, path: DraftIdPath }, async ({ principal, path, language }) =>
  draftResponse(200, await getDraft(draftDeps, principal, path.id), language),
);
