import { listDrafts } from '../core/drafts';
import { httpRoute, json } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';

/** GET /drafts: the caller's live drafts, newest first. */
export const handler = httpRoute({ roles: ['citizen'], issuers }, async ({ principal }) => json(200, { items: await listDrafts(draftDeps, principal) }));
