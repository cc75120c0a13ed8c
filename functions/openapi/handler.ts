import { httpRoute, json } from '../http/route';
import { issuers } from '../settings';

/** Placeholder until the catalogue and OpenAPI work lands: answers 501-free 200 with nothing. */
export const handler = httpRoute({ roles: 'public', issuers }, async () => json(200, {}));
