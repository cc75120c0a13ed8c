import { openapiRoute } from '../../infra/routes';
import { httpRoute, json, SerialisedJson } from '../http/route';
import { issuers } from '../settings';
import { openApiJson } from './generated/document';

/**
 * Generated at build time from the route table and the schemas (local/build-schemas.ts, `npm run build:schemas`):
 * building it here converted every schema at each cold start (docs/cold-start.md). A spec fails when it is stale.
 */
const document = new SerialisedJson(openApiJson);

/** The same for every caller, so shared caches may keep it (the chain's default is `no-store`). */
const headers = { 'cache-control': 'public, max-age=300', 'content-language': 'en' };

/** GET /openapi.json: the OpenAPI 3.1 description of the whole API. */
export const handler = httpRoute({ routes: [openapiRoute], issuers }, async () => json(200, document, headers));
