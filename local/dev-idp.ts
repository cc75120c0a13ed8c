/**
 * A development identity provider standing in for citizens' eID (OIDC) and
 * for the workforce Cognito user pool. It signs ES256 tokens with a key kept
 * in the data folder, so `npm run token` and `npm start` agree, and verifies
 * them the way API Gateway's JWT authorizer does (signature, iss, aud, exp).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Audience } from '../infra/routes';
import { checkPersonalCode } from '../schemas/personal-code';
import { serviceIds } from '../schemas/services';
import type { WorkforceRole } from '../functions/core/model';
import { accessTokenAdditions, scopeAttributes, workforceRoles, type WorkforceUser } from '../functions/core/workforce-identity';

export const devIssuers: Record<Audience, { issuer: string; audience: string }> = {
  citizen: { issuer: 'https://dev-idp.siva.local/citizen', audience: 'siva-eservices-citizen' },
  // For the workforce, `audience` is the app client: Cognito access tokens name it in `client_id` and carry no `aud`.
  workforce: { issuer: 'https://dev-idp.siva.local/workforce', audience: 'siva-eservices-workforce' },
};

const algorithm = 'ES256';
const keyId = 'dev-idp-1';

export type WorkforceKind = WorkforceRole;
export const workforceKinds = workforceRoles;

/**
 * The claims of a workforce access token as the deployed pool issues it for a user with these groups
 * and attributes: Cognito's own access-token claims plus what the pre-token-generation trigger adds
 * (the same function), so local tokens have the deployed shape (docs/identity.md).
 */
export const workforceAccessClaims = (user: WorkforceUser, username: string): Record<string, unknown> => {
  const { claims, scopes } = accessTokenAdditions(user);
  return {
    token_use: 'access',
    client_id: devIssuers.workforce.audience,
    scope: ['openid', 'email', 'profile', ...scopes].join(' '),
    username,
    'cognito:groups': [...user.groups],
    auth_time: Math.floor(Date.now() / 1000),
    ...claims,
  };
};

export interface WorkforceAccountOptions {
  readonly services?: readonly string[];
  readonly officer?: string;
  readonly emailVerified?: boolean;
}

/**
 * A pool user as an administrator would set them up: `who` is the staff member's user name, or the organisation an
 * officer acts for (`officer` tells officers of one organisation apart). Both local issuers (this one and the local
 * workforce sign-in in local/citizen-idp.ts) build their users here.
 */
export const workforceAccount = (kind: WorkforceKind, who: string, options: WorkforceAccountOptions = {}) => {
  const officer = options.officer ?? 'officer';
  const staff = kind === 'staff';
  const attributes: Record<string, string> = staff
    ? { name: who, email: `${who}@siva.gov.lv`, [scopeAttributes.services]: (options.services ?? serviceIds).join(',') }
    : { name: `${officer} (${kind} ${who})`, email: `${officer}.${kind}.${who}@example.lv`, [scopeAttributes.organisation]: who };
  attributes.email_verified = String(options.emailVerified ?? true);
  const user: WorkforceUser = { groups: [kind], attributes };
  return {
    user,
    username: staff ? who : `${officer}.${kind}.${who}`,
    subject: staff ? `${kind}-${who}` : `${kind}-${who}-${officer}`,
  };
};

export interface DevIdentityProvider {
  /** The private key as JWK JSON, to hand the same issuer to another process (tests). */
  readonly privateJwk: string;
  /** `birthDate`: the eID's `birthdate` claim (YYYY-MM-DD), sent only when given. */
  citizen(personalCode: string, options?: { email?: string; givenName?: string; familyName?: string; birthDate?: string }): Promise<string>;
  /** `who`: the staff user, or the organisation an officer acts for; `officer` tells officers of one organisation apart. */
  workforce(
    kind: WorkforceKind,
    who: string,
    options?: WorkforceAccountOptions,
  ): Promise<string>;
  /** Claims of a valid token for the audience, or undefined (what the JWT authorizer would reject). */
  verify(token: string, audience: Audience): Promise<JWTPayload | undefined>;
}

export const devIdentityProviderFromJwk = async (privateJwk: string): Promise<DevIdentityProvider> => {
  const jwk = JSON.parse(privateJwk) as JWK;
  const privateKey = await importJWK(jwk, algorithm);
  const { d: _d, ...publicJwk } = jwk;
  const publicKey = await importJWK(publicJwk, algorithm);

  const sign = (audience: Audience, subject: string, claims: Record<string, unknown>) => {
    const token = new SignJWT(claims)
      .setProtectedHeader({ alg: algorithm, kid: keyId, typ: 'JWT' })
      .setIssuer(devIssuers[audience].issuer)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('12h');
    return (audience === 'citizen' ? token.setAudience(devIssuers.citizen.audience) : token).sign(privateKey);
  };

  return {
    privateJwk,
    citizen(personalCode, options = {}) {
      const code = checkPersonalCode(personalCode);
      if (!code.valid) throw new Error(`Not a valid personal code: ${personalCode}`);
      const pseudonym = createHash('sha256').update(code.normalised).digest('hex').slice(0, 24);
      return sign('citizen', `eid-${pseudonym}`, {
        personal_code: code.normalised,
        given_name: options.givenName ?? 'Jānis',
        family_name: options.familyName ?? 'Bērziņš',
        email: options.email ?? `iedzivotajs+${code.normalised.slice(-4)}@example.lv`,
        locale: 'lv',
        ...(options.birthDate && { birthdate: options.birthDate }),
      });
    },
    workforce(kind, who, options = {}) {
      const { user, username, subject } = workforceAccount(kind, who, options);
      return sign('workforce', subject, workforceAccessClaims(user, username));
    },
    async verify(token, audience) {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer: devIssuers[audience].issuer, algorithms: [algorithm] });
        // As API Gateway's JWT authorizer: `aud` must name the audience; a token without `aud` (a Cognito
        // access token) must name it in `client_id`. Route scopes are the gateway's next check.
        const audiences = payload.aud === undefined ? [payload.client_id] : [payload.aud].flat();
        return audiences.includes(devIssuers[audience].audience) ? payload : undefined;
      } catch {
        return undefined;
      }
    },
  };
};

/** A new key in memory (tests), or the one kept in `keyFile`, created on first use. */
export const createDevIdentityProvider = async (keyFile?: string): Promise<DevIdentityProvider> => {
  if (keyFile && existsSync(keyFile)) return devIdentityProviderFromJwk(readFileSync(keyFile, 'utf8'));
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const privateJwk = JSON.stringify(await exportJWK(privateKey));
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, privateJwk, { mode: 0o600 });
  }
  return devIdentityProviderFromJwk(privateJwk);
};

/** API Gateway's JWT authorizer hands claims to Lambda as strings; lists become "[a b]". */
export const claimsAsApiGatewayPassesThem = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
    ]),
  );
