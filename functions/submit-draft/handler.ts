import { DraftIdPath } from '../../schemas/drafts';
import { submitDraft } from '../core/drafts';
import { submissionResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { submitDraftRoute } from '../../infra/routes';

/** submitDraftRoute (infra/routes.ts): 201 as submitApplicationRoute; a repeat answers the same application. */
export const handler = httpRoute({ routes: [submitDraftRoute], issuers, path: DraftIdPath }, async ({ principal, path }) =>
  submissionResponse(principal, await submitDraft({ ...draftDeps, applications: applicationDeps }, principal, path.id)),
);
