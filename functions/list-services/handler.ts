import { serviceCatalogue } from '../core/catalogue';
import { httpRoute, json } from '../http/route';
import { issuers, rules } from '../settings';
import { listServicesRoute } from '../../infra/routes';

/** Built once per cold start: the catalogue depends only on the registry, the forms and the configured rules. */
const catalogue = serviceCatalogue(rules);

/** The same for every caller and both languages, so shared caches may keep it (the chain's default is `no-store`). */
const headers = { 'cache-control': 'public, max-age=300', 'content-language': 'lv, en' };

/** listServicesRoute (infra/routes.ts). */
export const handler = httpRoute({ routes: [listServicesRoute], issuers }, async () => json(200, catalogue, headers));
