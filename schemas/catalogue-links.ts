/**
 * The API routes the public catalogue (GET /services) links every service to: pre-check, apply, refer. Data the
 * catalogue (functions/core/catalogue.ts) and the route table (infra/routes.ts) both read, so the links follow the
 * routes without the core importing infrastructure.
 */
export const catalogueRoutes = {
  eligibility: { method: 'POST', path: '/services/{serviceId}/eligibility' },
  apply: { method: 'POST', path: '/applications' },
  refer: { method: 'POST', path: '/referrals' },
} as const;

export type CatalogueLink = keyof typeof catalogueRoutes;
