/**
 * Signing citizens in: OpenID Connect authorization code flow with PKCE (S256), state and nonce, against the citizen
 * issuer (deployed: the eID issuer the API's JWT authorizer trusts; locally: local/citizen-idp.ts). The ID token is
 * verified (signature by the issuer's JWKS, iss, aud, exp, nonce) and read into a principal by the same function
 * the API reads verified claims with, so the portal and the API know a person by the same identity.
 *
 * Staff and officers sign in the same way against the workforce issuer (deployed: the Cognito user pool's hosted
 * UI). Their role and scope are in the access token only (the pool's trigger puts them there), so after the ID token
 * (nonce, audience) the access token is verified too and read exactly as the API's workforce authorizer reads it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Language } from '../../schemas/primitives';
import type { CitizenPrincipal } from '../core/applications/types';
import type { WorkforcePrincipal } from '../core/model';
import { principalFromClaims, type Claims } from '../http/auth';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
}

export interface LoginStart {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

export interface OidcClient<P = CitizenPrincipal> {
  start(language: Language): Promise<LoginStart>;
  /** The signed-in person, or undefined when the code, the tokens or the person's claims do not hold. */
  finish(code: string, expected: { nonce: string; verifier: string }): Promise<P | undefined>;
}

interface IssuedTokens {
  readonly id_token?: string;
  readonly access_token?: string;
}

/** Reads the principal from the token answer once the ID token's signature, iss, aud, exp and nonce held. */
type PrincipalReader<P> = (tokens: IssuedTokens, idToken: Claims, keys: JWTVerifyGetKey) => Promise<P | undefined>;

const random = () => randomBytes(32).toString('base64url');
export const codeChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const createCodeFlowClient = <P>(settings: OidcSettings, read: PrincipalReader<P>, fetcher: typeof fetch): OidcClient<P> => {
  let discovered: Promise<{ discovery: Discovery; keys: JWTVerifyGetKey }> | undefined;
  const discover = () => {
    discovered ??= (async () => {
      const response = await fetcher(`${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
      if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
      const discovery = (await response.json()) as Discovery;
      return { discovery, keys: createRemoteJWKSet(new URL(discovery.jwks_uri)) };
    })();
    // A failed discovery is retried on the next sign-in rather than remembered.
    discovered.catch(() => (discovered = undefined));
    return discovered;
  };

  return {
    async start(language) {
      const { discovery } = await discover();
      const state = random();
      const nonce = random();
      const verifier = random();
      const url = new URL(discovery.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        state,
        nonce,
        code_challenge: codeChallenge(verifier),
        code_challenge_method: 'S256',
        ui_locales: language,
      }).toString();
      return { url: url.toString(), state, nonce, verifier };
    },
    async finish(code, expected) {
      const { discovery, keys } = await discover();
      const response = await fetcher(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: settings.redirectUri,
          client_id: settings.clientId,
          code_verifier: expected.verifier,
        }),
      });
      if (!response.ok) return undefined;
      const tokens = (await response.json()) as IssuedTokens;
      if (!tokens.id_token) return undefined;
      try {
        const { payload } = await jwtVerify(tokens.id_token, keys, { issuer: settings.issuer, audience: settings.clientId });
        if (payload.nonce !== expected.nonce) return undefined;
        return await read(tokens, payload as Claims, keys);
      } catch {
        return undefined;
      }
    },
  };
};

/** Citizens: the identity is the ID token's (eID's claims), trusted from the citizen issuer only. */
export const createOidcClient = (settings: OidcSettings, fetcher: typeof fetch = fetch): OidcClient =>
  createCodeFlowClient(
    settings,
    async (_tokens, idToken) => {
      const principal = principalFromClaims(idToken, { citizen: settings.issuer, workforce: '' });
      return principal.role === 'citizen' ? principal : undefined;
    },
    fetcher,
  );

/**
 * Staff and officers: the access token of the same sign-in, issued by the workforce issuer to this client (Cognito
 * names it in `client_id`, not `aud`), for the same subject as the ID token; read as a workforce principal only.
 */
export const createWorkforceOidcClient = (settings: OidcSettings, fetcher: typeof fetch = fetch): OidcClient<WorkforcePrincipal> =>
  createCodeFlowClient(
    settings,
    async (tokens, idToken, keys) => {
      if (!tokens.access_token) return undefined;
      const { payload } = await jwtVerify(tokens.access_token, keys, { issuer: settings.issuer });
      if (payload.client_id !== settings.clientId || payload.sub !== idToken.sub) return undefined;
      const principal = principalFromClaims(payload as Claims, { citizen: '', workforce: settings.issuer });
      return principal.role === 'citizen' ? undefined : principal;
    },
    fetcher,
  );
