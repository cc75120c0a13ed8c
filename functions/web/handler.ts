import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createReportRepository } from '../adapters/report-repository';
import { createSessionRepository } from '../adapters/session-repository';
import { createUploadRepository } from '../adapters/upload-repository';
import { readEnvironment } from '../config';
import { rules } from '../settings';
import { applicationDeps } from '../wiring/applications';
import { documentClient, tableName } from '../wiring/table';
import { workflowDeps } from '../wiring/workflow';
import { personalDataDeps } from '../wiring/personal-data';
import { draftDeps } from '../wiring/drafts';
import { createWebApp } from './app';
import { serveAsset } from './assets';
import { createOidcClient, createWorkforceOidcClient } from './oidc';
import { portalPages } from './page-table';

const env = readEnvironment(['citizenOidcIssuer', 'citizenOidcClientId', 'webOrigin', 'staffPortalUrl', 'workforceOidcIssuer', 'workforceOidcClientId']);

// Each page group's module is imported by the first request for one of its pages (functions/web/page-table.ts).
const app = createWebApp(portalPages, {
  applications: applicationDeps,
  workflow: workflowDeps,
  uploads: { store: createUploadRepository(documentClient, tableName) },
  personalData: personalDataDeps,
  evidence: async () => (await import('../upload-wiring')).uploadDeps,
  drafts: draftDeps,
  webOrigin: env.webOrigin,
  rules,
  reports: createReportRepository(documentClient, tableName),
  sessions: createSessionRepository(documentClient, tableName),
  oidc: createOidcClient({
    issuer: env.citizenOidcIssuer,
    clientId: env.citizenOidcClientId,
    redirectUri: `${env.webOrigin.replace(/\/$/, '')}/auth/callback`,
    scope: 'openid profile email eid',
  }),
  // The user pool's app client lists `${staffPortalUrl}/auth/callback` (infra/constructs/workforce-pool.ts).
  workforceOidc: createWorkforceOidcClient({
    issuer: env.workforceOidcIssuer,
    clientId: env.workforceOidcClientId,
    redirectUri: `${env.staffPortalUrl.replace(/\/$/, '')}/auth/callback`,
    scope: 'openid profile email',
  }),
  issuerOrigin: new URL(env.citizenOidcIssuer).origin,
  workforceIssuerOrigin: new URL(env.workforceOidcIssuer).origin,
  workforceIssuer: env.workforceOidcIssuer,
  issuer: env.citizenOidcIssuer,
  now: () => Date.now(),
});

/** Every page of the portal (`GET /`, `GET|POST /{proxy+}` not taken by an API route); static files locally. */
export const handler = async (event: APIGatewayProxyEventV2) => serveAsset(event) ?? app(event);
