import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createSessionRepository } from '../adapters/session-repository';
import { createUploadRepository } from '../adapters/upload-repository';
import { readEnvironment } from '../config';
import { draftDeps } from '../draft-wiring';
import { applicationDeps, documentClient, rules, tableName, workflowDeps } from '../wiring';
import { createWebApp } from './app';
import { serveAsset } from './assets';
import { citizenPages } from './citizen/pages';
import { createOidcClient } from './oidc';

const env = readEnvironment(['citizenOidcIssuer', 'citizenOidcClientId', 'webOrigin']);

const app = createWebApp(citizenPages, {
  applications: applicationDeps,
  workflow: workflowDeps,
  uploads: { store: createUploadRepository(documentClient, tableName) },
  evidence: async () => (await import('../upload-wiring')).uploadDeps,
  drafts: draftDeps,
  webOrigin: env.webOrigin,
  rules,
  sessions: createSessionRepository(documentClient, tableName),
  oidc: createOidcClient({
    issuer: env.citizenOidcIssuer,
    clientId: env.citizenOidcClientId,
    redirectUri: `${env.webOrigin.replace(/\/$/, '')}/auth/callback`,
    scope: 'openid profile email eid',
  }),
  issuerOrigin: new URL(env.citizenOidcIssuer).origin,
  issuer: env.citizenOidcIssuer,
  now: () => Date.now(),
});

/** Every page of the portal (`GET /`, `GET|POST /{proxy+}` not taken by an API route); static files locally. */
export const handler = async (event: APIGatewayProxyEventV2) => serveAsset(event) ?? app(event);
