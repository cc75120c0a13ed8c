import { NewDraft } from '../../schemas/drafts';
import { createDraft } from '../core/drafts';
import { draftResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { createDraftRoute } from '../../infra/routes';

/** POST /drafts: 201 with a new draft, or 200 with the live one the person already has for this service and track. */
export const handler = httpRoute({ routes: [createDraftRoute], issuers, body: NewDraft }, async ({ principal, body, language }) => {
  const { draft, created } = await createDraft(draftDeps, principal, body, language);
  return draftResponse(created ? 201 : 200, draft, language, { location: `/drafts/${draft.id}` });
});
