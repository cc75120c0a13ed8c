import { DraftIdPath } from '../../schemas/drafts';
import { submitDraft } from '../core/drafts';
import { submissionResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { submitDraftRoute } from '../../infra/routes';

/** POST /drafts/{id}/submit: 201 as for POST /applications; asked again, the same application (replayed). */
export const handler = httpRoute({ routes: [submitDraftRoute], issuers, path: DraftIdPath }, async ({ principal, path }) =>
  submissionResponse(principal, await submitDraft({ ...draftDeps, applications: applicationDeps }, principal, path.id)),
);
