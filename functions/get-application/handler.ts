import { ApplicationIdPath } from '../../schemas/lifecycle';
import { getApplication } from '../core/applications';
import { applicationView } from '../core/views';
import { httpRoute, json } from '../http/route';
import { applicationDeps, issuers, rules } from '../wiring';

/** GET /applications/{id}: status and timeline for the citizen who filed it or whom it concerns; anyone else gets 404. */
export const handler = httpRoute({ roles: ['citizen'], issuers, path: ApplicationIdPath }, async ({ principal, path }) =>
  json(200, applicationView(await getApplication(applicationDeps, principal, path.id), rules)),
);
