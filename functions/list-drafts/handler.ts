import { listDrafts } from '../core/drafts';
import { httpRoute, json } from '../http/route';
import { draftDeps } from '../draft-wiring';
import { issuers } from '../wiring';

/** GET /drafts: the caller's live drafts, newest first. */
export const handler = httpRoute({ roles: ['citizen'], issuers }, async ({ principal }) => json(200, { items: await listDrafts(draftDeps, principal) }));
