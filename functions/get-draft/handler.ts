import { DraftIdPath } from '../../schemas/drafts';
import { getDraft } from '../core/drafts';
import { draftResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { getDraftRoute } from '../../infra/routes';

/** getDraftRoute (infra/routes.ts): the draft with its messages in the caller's language and its version as ETag. */
export const handler = httpRoute({ routes: [getDraftRoute], issuers, path: DraftIdPath }, async ({ principal, path, language }) =>
  draftResponse(200, await getDraft(draftDeps, principal, path.id), language),
);
