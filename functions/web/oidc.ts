/**
 * Signing citizens in: OpenID Connect authorization code flow with PKCE (S256), state and nonce, against the citizen
 * issuer (deployed: the eID issuer the API's JWT authorizer trusts; locally: local/citizen-idp.ts). The ID token is
 * verified (signature by the issuer's JWKS, iss, aud, exp, nonce) and read into a principal by the same function
 * the API reads verified claims with, so the portal and the API know a person by the same identity.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Language } from '../../schemas/primitives';
import type { CitizenPrincipal } from '../core/applications';
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

export interface OidcClient {
  start(language: Language): Promise<LoginStart>;
  /** The signed-in citizen, or undefined when the code, the token or the person's claims do not hold. */
  finish(code: string, expected: { nonce: string; verifier: string }): Promise<CitizenPrincipal | undefined>;
}

const random = () => randomBytes(32).toString('base64url');
export const codeChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export const createOidcClient = (settings: OidcSettings, fetcher: typeof fetch = fetch): OidcClient => {
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
      const tokens = (await response.json()) as { id_token?: string };
      if (!tokens.id_token) return undefined;
      try {
        const { payload } = await jwtVerify(tokens.id_token, keys, { issuer: settings.issuer, audience: settings.clientId });
        if (payload.nonce !== expected.nonce) return undefined;
        const principal = principalFromClaims(payload as Claims, { citizen: settings.issuer, workforce: '' });
        return principal.role === 'citizen' ? principal : undefined;
      } catch {
        return undefined;
      }
    },
  };
};
