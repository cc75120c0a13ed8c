import { functions, openapiRoute, routes } from '../../infra/routes';
import { api } from '../../schemas/api/document';
import { openApiDocument } from '../http/openapi';
import { httpRoute, json } from '../http/route';
import { issuers } from '../settings';

/** Built once per cold start: the document depends only on the route table and the schemas. */
const document = openApiDocument({ routes, functions }, api);

/** The same for every caller, so shared caches may keep it (the chain's default is `no-store`). */
const headers = { 'cache-control': 'public, max-age=300', 'content-language': 'en' };

/** GET /openapi.json: the OpenAPI 3.1 description of the whole API. */
export const handler = httpRoute({ routes: [openapiRoute], issuers }, async () => json(200, document, headers));
