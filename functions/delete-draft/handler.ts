import { DraftIdPath } from '../../schemas/drafts';
import { deleteDraft } from '../core/drafts';
import { httpRoute, json } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { deleteDraftRoute } from '../../infra/routes';

/** deleteDraftRoute (infra/routes.ts); the draft's uploads go later, from the table stream (draft-cleanup). */
export const handler = httpRoute({ routes: [deleteDraftRoute], issuers, path: DraftIdPath }, async ({ principal, path }) => {
  await deleteDraft(draftDeps, principal, path.id);
  return json(200, { id: path.id, deleted: true });
});
