/** API Gateway HTTP API (payload 2.0) events for in-process handler tests. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type { WorkforceRole } from '../../functions/core/model';
import { claimsAsApiGatewayPassesThem, workforceAccessClaims } from '../../local/dev-idp';
import type { ServiceId } from '../../schemas/services';

export const testIssuers = { citizen: 'https://eid.test/citizen', workforce: 'https://cognito.test/pool' };

export const citizenClaims = (overrides: Record<string, string> = {}) => ({
  iss: testIssuers.citizen,
  sub: 'eid-citizen-1',
  personal_code: '16117519997',
  given_name: 'Jānis',
  family_name: 'Bērziņš',
  email: 'janis@example.lv',
  ...overrides,
});

/** A workforce access token's claims as the JWT authorizer hands them over (the deployed shape, local/dev-idp.ts). */
export const workforceClaims = (role: WorkforceRole, subject: string, attributes: Record<string, string>): Record<string, string> => ({
  iss: testIssuers.workforce,
  sub: subject,
  ...claimsAsApiGatewayPassesThem(workforceAccessClaims({ groups: [role], attributes }, subject)),
});

export const staffClaims = (services: readonly ServiceId[] = []) =>
  workforceClaims('staff', 'staff-anna', { email: 'anna@siva.gov.lv', email_verified: 'true', 'custom:services': services.join(',') });

export const apiEvent = (options: {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  claims?: Record<string, string> | null;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
}): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/applications';
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.query && { queryStringParameters: options.query }),
    ...(options.pathParameters && { pathParameters: options.pathParameters }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '22/Nov/2026:12:00:00 +0000',
      timeEpoch: 0,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: options.claims === null ? {} : (options.claims ?? citizenClaims()), scopes: [] } },
    },
    ...(options.body !== undefined && { body: options.body }),
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
};

export const lambdaContext = { awsRequestId: 'aws-req-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
