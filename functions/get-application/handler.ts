import * as z from 'zod/mini';
import { ApplicationId } from '../../schemas/application';
import { applicationView, getOwnApplication } from '../core/applications';
import { httpRoute, json } from '../http/route';
import { applicationDeps, issuers } from '../wiring';

/** GET /applications/{id}: the owner's view with status and timeline; anyone else gets 404. */
export const handler = httpRoute(
  { roles: ['citizen'], issuers, path: z.object({ id: ApplicationId }) },
  async ({ principal, path }) => json(200, applicationView(await getOwnApplication(applicationDeps, principal, path.id))),
);
