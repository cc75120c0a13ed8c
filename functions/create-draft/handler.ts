import { NewDraft } from '../../schemas/drafts';
import { createDraft } from '../core/drafts';
import { draftResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { createDraftRoute } from '../../infra/routes';

/** createDraftRoute (infra/routes.ts): 201 for a new draft, 200 for the live one already there (`created`). */
export const handler = httpRoute({ routes: [createDraftRoute], issuers, body: NewDraft }, async ({ principal, body, language }) => {
  const { draft, created } = await createDraft(draftDeps, principal, body, language);
  return draftResponse(created ? 201 : 200, draft, language, { location: `/drafts/${draft.id}` });
});
