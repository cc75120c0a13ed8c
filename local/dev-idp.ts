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
import { referrerKinds, serviceIds } from '../schemas/services';
import type { WorkforceRole } from '../functions/core/model';

export const devIssuers: Record<Audience, { issuer: string; audience: string }> = {
  citizen: { issuer: 'https://dev-idp.siva.local/citizen', audience: 'siva-eservices-citizen' },
  workforce: { issuer: 'https://dev-idp.siva.local/workforce', audience: 'siva-eservices-workforce' },
};

const algorithm = 'ES256';
const keyId = 'dev-idp-1';

export type WorkforceKind = WorkforceRole;
export const workforceKinds: readonly WorkforceKind[] = ['staff', ...referrerKinds];

export interface DevIdentityProvider {
  /** The private key as JWK JSON, to hand the same issuer to another process (tests). */
  readonly privateJwk: string;
  citizen(personalCode: string, options?: { email?: string; givenName?: string; familyName?: string; birthDate?: string }): Promise<string>;
  /** `who`: the staff user, or the organisation an officer acts for; `officer` tells officers of one organisation apart. */
  workforce(kind: WorkforceKind, who: string, options?: { services?: readonly string[]; officer?: string }): Promise<string>;
  /** Claims of a valid token for the audience, or undefined (what the JWT authorizer would reject). */
  verify(token: string, audience: Audience): Promise<JWTPayload | undefined>;
}

export const devIdentityProviderFromJwk = async (privateJwk: string): Promise<DevIdentityProvider> => {
  const jwk = JSON.parse(privateJwk) as JWK;
  const privateKey = await importJWK(jwk, algorithm);
  const { d: _d, ...publicJwk } = jwk;
  const publicKey = await importJWK(publicJwk, algorithm);

  const sign = (audience: Audience, subject: string, claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: algorithm, kid: keyId, typ: 'JWT' })
      .setIssuer(devIssuers[audience].issuer)
      .setAudience(devIssuers[audience].audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(privateKey);

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
        ...(options.birthDate && { birthdate: options.birthDate }),
        locale: 'lv',
      });
    },
    workforce(kind, who, options = {}) {
      const claims: Record<string, unknown> = { 'cognito:username': who, 'cognito:groups': [kind], token_use: 'id' };
      if (kind === 'staff') {
        claims.email = `${who}@siva.gov.lv`;
        claims.name = who;
        claims['custom:services'] = (options.services ?? serviceIds).join(',');
      } else {
        const officer = options.officer ?? 'officer';
        claims['custom:organisation'] = who;
        claims.email = `${officer}.${kind}.${who}@example.lv`;
        claims.name = `${officer} (${kind} ${who})`;
        return sign('workforce', `${kind}-${who}-${officer}`, claims);
      }
      return sign('workforce', `${kind}-${who}`, claims);
    },
    async verify(token, audience) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: devIssuers[audience].issuer,
          audience: devIssuers[audience].audience,
          algorithms: [algorithm],
        });
        return payload;
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
