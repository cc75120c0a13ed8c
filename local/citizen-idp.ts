/**
 * The local stand-in for citizens' eID: a real OpenID Connect provider (`oidc-provider`) with a login page where you
 * type a personal code and a name. It also stands in for the workforce user pool's hosted UI: the portal's workforce
 * client gets a login page for a user name, a role and the services or organisation, and a JWT access token built by
 * the same claim builder as `npm run token` (local/dev-idp.ts), so it has the deployed pool's access-token shape
 * (docs/identity.md). The portal trusts each client for one kind of account only. The portal signs in against it with the authorization code flow and PKCE, exactly
 * as it does against the eID issuer deployed; the ID token carries the claims the citizen JWT authorizer reads
 * (sub, personal_code, given_name, family_name, email, birthdate when given). Nothing is kept: accounts and sessions
 * live in memory for the life of the process.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { Configuration } from 'oidc-provider';
import type { WorkforceRole } from '../functions/core/model';
import { checkPersonalCode } from '../schemas/personal-code';
import { serviceIds } from '../schemas/services';
import { devIssuers, workforceAccessClaims, workforceAccount, workforceKinds } from './dev-idp';

/** The portal's client at the local provider. */
export const citizenIdpClientId = 'siva-portal-local';
export const citizenIdpScope = 'openid profile email eid';
/** The portal's workforce client: the client id the workforce access-token claim builder names. */
export const workforceIdpClientId = devIssuers.workforce.audience;
export const workforceIdpScope = 'openid profile email';
/** The API the workforce access token is for (a resource indicator: oidc-provider issues JWT access tokens only for one). */
const workforceResource = 'urn:siva-eservices:workforce-api';

export interface CitizenIdp {
  readonly issuer: string;
  stop(): Promise<void>;
}

export interface CitizenIdpOptions {
  readonly port: number;
  /** Where the portal receives the code (its origin + /auth/callback); localhost and 127.0.0.1 both allowed. */
  readonly redirectUris: readonly string[];
  /** Where the portal receives the workforce code (its origin + /darbs/auth/callback). */
  readonly workforceRedirectUris?: readonly string[];
}

interface Person {
  readonly personal_code: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly email?: string;
  readonly birthdate?: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const loginPage = (uid: string, language: 'lv' | 'en', error?: string, values: Record<string, string> = {}) => {
  const lv = language === 'lv';
  const input = (name: string, label: string, attributes = '') =>
    `<p><label for="${name}">${label}</label><br><input id="${name}" name="${name}" value="${escapeHtml(values[name] ?? '')}" ${attributes}></p>`;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lv ? 'eID pieteikšanās (izstrādei)' : 'eID sign-in (development)'}</title>
<style>body{font:19px/1.4 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:38rem;color:#0b0c0c}input{font:inherit;padding:.3rem;max-width:100%;border:2px solid #0b0c0c}button{font:inherit;padding:.4rem 1rem;background:#00703c;color:#fff;border:0}.error{color:#d4351c;font-weight:700}:focus{outline:3px solid #fd0}</style>
</head><body><main><h1>${lv ? 'Pieteikšanās ar eID (izstrādes vide)' : 'Sign in with eID (development)'}</h1>
<p>${lv ? 'Šī lapa aizstāj eID tikai lokāli. Ievadiet personas kodu un vārdu.' : 'This page stands in for eID locally only. Enter a personal code and a name.'}</p>
${error ? `<p class="error" role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
${input('personal_code', lv ? 'Personas kods' : 'Personal code', `autocomplete="off" inputmode="numeric" required${error ? ' aria-describedby="error"' : ''}`)}
${input('given_name', lv ? 'Vārds' : 'Given name', 'autocomplete="given-name" required')}
${input('family_name', lv ? 'Uzvārds' : 'Family name', 'autocomplete="family-name" required')}
${input('email', lv ? 'E-pasts (nav obligāts)' : 'E-mail (optional)', 'type="email" autocomplete="email"')}
<button type="submit">${lv ? 'Pieteikties' : 'Sign in'}</button>
</form></main></body></html>`;
};

const workforceLoginPage = (uid: string, language: 'lv' | 'en', error?: string, values: Record<string, string> = {}) => {
  const lv = language === 'lv';
  const input = (name: string, label: string, hint: string, attributes = '') =>
    `<p><label for="${name}">${label}</label><br><span id="${name}-hint">${hint}</span><br><input id="${name}" name="${name}" value="${escapeHtml(values[name] ?? '')}" aria-describedby="${name}-hint${error ? ' error' : ''}" ${attributes}></p>`;
  const roles = workforceKinds.map((role) => `<option value="${role}"${values.role === role ? ' selected' : ''}>${role}</option>`).join('');
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lv ? 'Darbinieku pieteikšanās (izstrādei)' : 'Workforce sign-in (development)'}</title>
<style>body{font:19px/1.4 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:38rem;color:#0b0c0c;overflow-wrap:anywhere}input,select{font:inherit;padding:.3rem;max-width:100%;border:2px solid #0b0c0c}button{font:inherit;padding:.4rem 1rem;background:#00703c;color:#fff;border:0}.error{color:#d4351c;font-weight:700}:focus{outline:3px solid #fd0}</style>
</head><body><main><h1>${lv ? 'Darbinieku pieteikšanās (izstrādes vide)' : 'Workforce sign-in (development)'}</h1>
<p>${lv ? 'Šī lapa lokāli aizstāj lietotāju kopas pieteikšanos (Cognito).' : 'This page stands in for the user pool sign-in (Cognito) locally only.'}</p>
${error ? `<p class="error" role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
${input('username', lv ? 'Lietotājvārds' : 'User name', lv ? 'Piemēram, anna' : 'For example, anna', 'autocomplete="username" required')}
<p><label for="role">${lv ? 'Loma' : 'Role'}</label><br><select id="role" name="role">${roles}</select></p>
${input('services', lv ? 'Pakalpojumi (darbiniekam)' : 'Services (staff)', lv ? `Ar komatiem; tukšs — visi: ${serviceIds.join(', ')}` : `Comma-separated; empty for all: ${serviceIds.join(', ')}`, 'autocomplete="off"')}
${input('organisation', lv ? 'Iestāde (amatpersonai)' : 'Organisation (officer)', lv ? 'Piemēram, riga' : 'For example, riga', 'autocomplete="off"')}
<button type="submit">${lv ? 'Pieteikties' : 'Sign in'}</button>
</form></main></body></html>`;
};

const readForm = (request: IncomingMessage): Promise<URLSearchParams> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 16_384) chunks.push(chunk);
    });
    request.on('end', () => done(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', fail);
  });

const send = (response: ServerResponse, status: number, html: string) => {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
};

const withoutProviderWarnings = async <T>(work: () => Promise<T>): Promise<T> => {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('oidc-provider WARNING')) warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
};

const trimmed = (form: URLSearchParams, name: string) => (form.get(name) ?? '').trim().slice(0, 100);

export const startCitizenIdp = async (options: CitizenIdpOptions): Promise<CitizenIdp> => {
  const issuer = `http://localhost:${options.port}`;
  const people = new Map<string, Person>();
  const workforce = new Map<string, ReturnType<typeof workforceAccount>>();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'citizen-idp-1', use: 'sig', alg: 'RS256' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: citizenIdpClientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [...options.redirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: workforceIdpClientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [...(options.workforceRedirectUris ?? [])],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'birthdate', 'locale'],
      email: ['email'],
      eid: ['personal_code'],
    },
    // The portal reads the identity from the ID token, as the JWT authorizer reads it from tokens.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      // The workforce client's access token is a JWT for the API, as Cognito's is; citizens get none they could use.
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, client) => (client?.clientId === workforceIdpClientId ? workforceResource : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource !== workforceResource || client.clientId !== workforceIdpClientId) throw new Error('unknown resource');
          return { scope: 'siva-eservices/workforce', audience: workforceResource, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    formats: {
      customizers: {
        // The pool's access-token claims for this user, from the claim builder `npm run token` uses.
        jwt: (_ctx, token, jwt) => {
          const account = workforce.get(String(token.accountId));
          if (account) Object.assign(jwt.payload, workforceAccessClaims(account.user, account.username));
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [createHash('sha256').update(signingKey.kid + String(Date.now())).digest('hex')] },
    ttl: { Session: 12 * 3600, Interaction: 3600, Grant: 12 * 3600, AuthorizationCode: 60, IdToken: 3600, AccessToken: 3600 },
    findAccount: (_ctx, id) => {
      const member = workforce.get(id);
      if (member) return { accountId: id, claims: () => ({ sub: id, name: member.user.attributes.name, email: member.user.attributes.email, locale: 'lv' }) };
      const person = people.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...person, locale: 'lv' }) };
    },
    // The portal is the agency's own client: signing in is consent to it reading the identity (as with eID).
    loadExistingGrant: async (ctx) => {
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(ctx.oidc.client!.clientId === workforceIdpClientId ? workforceIdpScope : citizenIdpScope);
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p></main></body></html>`;
    },
  };
  // Imported when started (only the local stack needs it). Its warnings about Node 20 and the in-memory store it
  // keeps are known and intended for a local stand-in that keeps nothing, so they are not repeated on every start.
  const provider = await withoutProviderWarnings(async () => {
    const { default: Provider } = await import('oidc-provider');
    return new Provider(issuer, configuration);
  });
  const callback = provider.callback();

  const interaction = async (request: IncomingMessage, response: ServerResponse, uid: string, action?: string) => {
    const details = await provider.interactionDetails(request, response);
    const language = String(details.params.ui_locales ?? 'lv').startsWith('en') ? 'en' : 'lv';
    const forWorkforce = details.params.client_id === workforceIdpClientId;
    if (request.method === 'GET' && !action) return send(response, 200, forWorkforce ? workforceLoginPage(uid, language) : loginPage(uid, language));
    if (request.method !== 'POST' || action !== 'login') return send(response, 404, 'Not found');
    const form = await readForm(request);
    if (forWorkforce) return workforceLogin(request, response, uid, language, form);
    const values = Object.fromEntries(['personal_code', 'given_name', 'family_name', 'email'].map((name) => [name, trimmed(form, name)]));
    const code = checkPersonalCode(values.personal_code!);
    if (!code.valid || !values.given_name || !values.family_name) {
      const message = language === 'lv' ? 'Ievadiet derīgu personas kodu, vārdu un uzvārdu.' : 'Enter a valid personal code, given name and family name.';
      return send(response, 400, loginPage(uid, language, message, values));
    }
    // The same person gets the same subject every time, as with eID's pairwise identifiers.
    const accountId = `eid-${createHash('sha256').update(code.normalised).digest('hex').slice(0, 24)}`;
    people.set(accountId, {
      personal_code: code.normalised,
      given_name: values.given_name,
      family_name: values.family_name,
      ...(values.email && { email: values.email }),
      ...(code.format === 'old' && { birthdate: code.birthDate }),
    });
    await provider.interactionFinished(request, response, { login: { accountId } }, { mergeWithLastSubmission: false });
  };

  const workforceLogin = async (request: IncomingMessage, response: ServerResponse, uid: string, language: 'lv' | 'en', form: URLSearchParams) => {
    const values = Object.fromEntries(['username', 'role', 'services', 'organisation'].map((name) => [name, trimmed(form, name)]));
    const role = workforceKinds.find((kind) => kind === values.role) as WorkforceRole | undefined;
    const services = values.services!.split(/[\s,]+/).filter(Boolean);
    const valid =
      /^[\w.-]{1,64}$/.test(values.username!) &&
      role !== undefined &&
      (role === 'staff' ? services.every((id) => (serviceIds as readonly string[]).includes(id)) : /^[\w.-]{1,64}$/.test(values.organisation!));
    if (!valid) {
      const message = language === 'lv'
        ? 'Ievadiet lietotājvārdu, lomu un darbiniekam derīgus pakalpojumus vai amatpersonai iestādi.'
        : 'Enter a user name, a role, and valid services for staff or an organisation for an officer.';
      return send(response, 400, workforceLoginPage(uid, language, message, values));
    }
    const account = role === 'staff'
      ? workforceAccount(role, values.username!, services.length > 0 ? { services } : {})
      : workforceAccount(role, values.organisation!, { officer: values.username! });
    workforce.set(account.subject, account);
    await provider.interactionFinished(request, response, { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
  };

  const server: Server = createServer((request, response) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(new URL(request.url ?? '/', issuer).pathname);
    const handled = match ? interaction(request, response, match[1]!, match[2]) : Promise.resolve(callback(request, response));
    handled.catch(() => {
      if (!response.headersSent) send(response, 400, '<!doctype html><html lang="en"><head><title>Sign-in error</title></head><body><main><h1>Sign-in failed</h1><p>Start again from the portal.</p></main></body></html>');
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  if (port !== options.port) throw new Error('citizen IdP port mismatch');
  return {
    issuer,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};
