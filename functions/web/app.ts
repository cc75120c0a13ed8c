/**
 * The portal's request pipeline, one for every page of every audience: language from the path (`/en/…` English,
 * otherwise Latvian), the server-side session from its cookie, CSRF on every POST, sign-in where a page needs it,
 * then the page; every answer is HTML with the security headers, and every failure a clear page in the person's
 * language. Pages call the same core functions the API handlers call, never the API over HTTP.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Language } from '../../schemas/primitives';
import type { CitizenPrincipal } from '../core/applications/types';
import type { ApplicationDeps } from '../core/applications/ports';
import { isDomainError } from '../core/errors';
import type { EligibilityRules } from '../core/rules';
import type { WorkforcePrincipal, WorkforceRole } from '../core/model';
import type { StatusCountStore } from '../core/status-counts';
import type { WorkflowDeps } from '../core/workflow';
import type { UploadDeps } from '../core/uploads';
import type { PersonalDataDeps } from '../core/personal-data';
import type { ReportStore } from '../core/report';
import type { DraftDeps } from '../core/drafts';
import { errorFields, logger } from '../adapters/logger';
import { assets } from './generated/assets';
import { messages, type Messages } from './i18n';
import type { OidcClient } from './oidc';
import { renderTemplate } from './render';
import {
  clearedSessionCookie,
  cookieName,
  csrfMatches,
  expiresAtOf,
  lapseOf,
  needsTouch,
  newSession,
  sessionCookie,
  sessionDigest,
  type Session,
  type SessionStore,
} from './session';

/** A form bigger than this is refused whole (no page of the portal needs a tenth of it). */
export const maxFormBytes = 64 * 1024;

export interface WebDeps {
  readonly applications: ApplicationDeps;
  readonly workflow: WorkflowDeps;
  /** Attaching documents reads and marks uploads in the table only. */
  readonly uploads: Pick<UploadDeps, 'store'>;
  /** The person's own data, as `GET /me/data` answers it. */
  readonly personalData: PersonalDataDeps;
  /** The document step's presigned POSTs and staff's 60-second download links: loaded on first use, so no other
   * page loads an S3 client. */
  readonly evidence: () => Promise<UploadDeps>;
  /** Drafts saved for later: the functions behind /drafts, called directly. */
  readonly drafts: DraftDeps;
  /** The portal's public origin: where S3 sends the browser back after an upload. */
  readonly webOrigin: string;
  readonly rules: EligibilityRules;
  /** The annual report's counters (staff's report page reads them as GET /staff/reports/{year} does). */
  readonly reports: Pick<ReportStore, 'readYear'> & StatusCountStore;
  readonly sessions: SessionStore;
  readonly oidc: OidcClient;
  /** Staff and officers sign in at the workforce issuer (deployed: the user pool's hosted UI). */
  readonly workforceOidc: OidcClient<WorkforcePrincipal>;
  /** The citizen issuer's origin: the browser is sent there to sign in (CSP form-action allows it). */
  readonly issuerOrigin: string;
  /** The workforce issuer's origin, allowed likewise. */
  readonly workforceIssuerOrigin: string;
  /** The workforce issuer itself: with the subject, the scope of an officer's Idempotency-Key, as the API scopes it. */
  readonly workforceIssuer: string;
  /** The citizen issuer itself: with the subject, the scope of an Idempotency-Key, as the API scopes it. */
  readonly issuer: string;
  readonly now: () => number;
}

export type WebResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

export interface PageContext {
  readonly method: 'GET' | 'POST';
  readonly language: Language;
  readonly t: Messages;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly form: URLSearchParams;
  readonly session: Session;
  readonly deps: WebDeps;
  /** The signed-in citizen (pages marked `signIn` only run with one). */
  readonly principal: CitizenPrincipal;
  /** The signed-in member of the workforce (pages marked `workforce` only run with one of their roles). */
  readonly member: WorkforcePrincipal;
  /** The path of a page in this request's language (or the one given). */
  href(page: string, params?: Record<string, string>, language?: Language): string;
  /** Marks the session as changed so it is stored with the response. */
  changed(): void;
  render(template: string, data: Record<string, unknown>, status?: number): WebResponse;
  redirect(location: string): WebResponse;
  message(status: number, content: MessageContent): WebResponse;
  /** Replaces the session with a new one (new id, new CSRF token), e.g. on signing in or out. */
  renew(data?: Omit<Session['data'], 'csrf'>): void;
  /** Lets this response's form post to another origin (CSP form-action): the document step's S3 form. */
  allowFormAction(origin: string): void;
}

export interface MessageContent {
  readonly title: string;
  readonly paragraphs?: readonly string[];
  readonly links?: readonly { text: string; href: string }[];
  readonly panel?: { text: string };
  readonly button?: { text: string; href: string };
}

type Handler = (context: PageContext) => Promise<WebResponse>;

export interface PageRoute {
  readonly name: string;
  readonly paths: Readonly<Record<Language, string>>;
  readonly get?: Handler;
  readonly post?: Handler;
  /** The page shows or changes a person's own data: only after signing in. */
  readonly signIn?: boolean;
  /**
   * For a GET page whose reads do not depend on who is signed in (a record named by the path, a list named by the
   * query): starts them and returns the page's handler, called beside the session read so the round trips overlap
   * instead of queueing (issues 10 and 12). The handler shows nothing it read before the core's access check against
   * the session's person has passed; without a session cookie nothing is started (the page sends the visitor to sign in).
   */
  readonly getEarly?: (params: Readonly<Record<string, string>>, deps: WebDeps, query: URLSearchParams) => Handler;
  /**
   * A workforce page: only after a workforce sign-in, for these roles. Anyone else signed in gets the 403 page
   * (a citizen, or a member of another role); nobody signed in is sent to the workforce sign-in.
   */
  readonly workforce?: readonly WorkforceRole[];
  /** A workforce page with this label is linked from the header of every member its roles allow. */
  readonly navLabel?: (t: Messages) => string;
  /**
   * A page listed without its handlers (functions/web/page-table.ts): imports its group's module, whose page of the
   * same name answers. esbuild keeps a dynamically imported module's top-level code until the first such call.
   */
  readonly load?: () => Promise<readonly PageRoute[]>;
}

/** The page with its handlers: a listed page's from its group's module, loaded on its first request. */
const withHandlers = async (page: PageRoute): Promise<PageRoute> => {
  if (!page.load) return page;
  const loaded = (await page.load()).find((candidate) => candidate.name === page.name);
  if (!loaded) throw new Error(`page ${page.name} is listed but its module does not serve it`);
  return loaded;
};

interface CompiledPage {
  readonly page: PageRoute;
  readonly language: Language;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const compile = (page: PageRoute, language: Language): CompiledPage => {
  const names: string[] = [];
  const source = page.paths[language].replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { page, language, pattern: new RegExp(`^${source}/?$`), names };
};

const fillPath = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

/** Headers of every page: no caching of personal data, a CSP without inline script, no framing, HTTPS only. */
export const securityHeaders = (formOrigins: readonly string[]): Record<string, string> => ({
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': `default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' ${[...new Set(formOrigins)].join(' ')}; frame-ancestors 'none'; base-uri 'none'`,
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
});

const readCookie = (event: APIGatewayProxyEventV2, name: string): string | undefined => {
  const all = event.cookies ?? event.headers?.cookie?.split(';') ?? [];
  for (const cookie of all) {
    const [key, ...value] = cookie.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
};

const readForm = (event: APIGatewayProxyEventV2): URLSearchParams | 'too-large' => {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > maxFormBytes) return 'too-large';
  return new URLSearchParams(bytes.toString('utf8'));
};

export const createWebApp = (pages: readonly PageRoute[], deps: WebDeps) => {
  const compiled = pages.flatMap((page) => [compile(page, 'en'), compile(page, 'lv')]);
  const pageByName = new Map(pages.map((page) => [page.name, page]));
  // Every page may send the browser to sign in (either issuer); only the document step's page also posts to S3 (allowFormAction).
  const signInOrigins = [deps.issuerOrigin, deps.workforceIssuerOrigin];
  const headers = securityHeaders(signInOrigins);
  const workforceNav = pages.filter((page) => page.workforce && page.navLabel);

  return async (event: APIGatewayProxyEventV2): Promise<WebResponse> => {
    const path = event.rawPath ?? '/';
    const method = event.requestContext?.http?.method === 'POST' ? 'POST' : 'GET';
    let matched: { page: PageRoute; language: Language; params: Record<string, string> } | undefined;
    for (const candidate of compiled) {
      const found = candidate.pattern.exec(path);
      if (!found) continue;
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)]));
      } catch {
        continue;
      }
      matched = { page: candidate.page, language: candidate.language, params };
      break;
    }
    const language: Language = matched?.language ?? (path === '/en' || path.startsWith('/en/') ? 'en' : 'lv');
    const t = messages[language];
    const now = deps.now();

    // The session named by the cookie, or a new one; a lapsed one is only an error where it mattered.
    const cookieId = readCookie(event, cookieName);
    const query = new URLSearchParams(event.rawQueryString ?? '');
    // The session read starts first; the page's module loads (its first time) and its early reads start beside it.
    const storedRead = cookieId ? deps.sessions.find(sessionDigest(cookieId)) : undefined;
    const pageRead = matched
      ? withHandlers(matched.page).then((page) => ({
          page,
          early: method === 'GET' && cookieId && page.getEarly ? page.getEarly(matched!.params, deps, query) : undefined,
        }))
      : undefined;
    // A module that fails to load is answered (and logged) below as any failing page is; not an unhandled rejection meanwhile.
    pageRead?.catch(() => undefined);
    const stored = await storedRead;
    const lapse = cookieId ? lapseOf(stored, now) : undefined;
    let session: Session = cookieId && stored && !lapse ? { id: cookieId, ...stored } : newSession(now);
    let isNew = session.id !== cookieId;
    let dirty = false;
    const cookies: string[] = [];
    const retired: string[] = [];
    const formOrigins = new Set(signInOrigins);

    const href = (name: string, params: Record<string, string> = {}, inLanguage: Language = language) =>
      fillPath(pageByName.get(name)!.paths[inLanguage], params);
    const otherLanguage: Language = language === 'lv' ? 'en' : 'lv';

    const render = (template: string, data: Record<string, unknown>, status = 200): WebResponse => {
      // A page with a form needs its session and token kept; a page anyone reads stores nothing (crawlers, bench).
      dirty ||= isNew && 'csrf' in data;
      const member = session.data.workforce;
      const body = renderTemplate(template, {
        lang: language,
        otherLang: otherLanguage,
        t,
        cssHref: `/assets/${assets.css}`,
        csrf: session.data.csrf,
        signedIn: Boolean(session.data.principal),
        nav: {
          home: href('home'),
          otherLanguage: matched ? fillPath(matched.page.paths[otherLanguage], matched.params) : href('home', {}, otherLanguage),
          applications: href('applications'),
          signIn: href('sign-in'),
          signOut: href('sign-out'),
          // A signed-in member of the workforce sees their own pages and signs out of the workforce session.
          ...(member && {
            workforce: {
              name: member.name,
              signOut: href('workforce-sign-out'),
              links: workforceNav.filter((page) => page.workforce!.includes(member.role)).map((page) => ({ text: page.navLabel!(t), href: href(page.name) })),
            },
          }),
        },
        ...data,
      });
      const pageHeaders = formOrigins.size > new Set(signInOrigins).size ? securityHeaders([...formOrigins]) : headers;
      return { statusCode: status, headers: { ...pageHeaders, 'content-language': language }, body };
    };
    const message = (status: number, content: MessageContent) =>
      render('message', { title: content.title, paragraphs: content.paragraphs, links: content.links, panel: content.panel, button: content.button }, status);
    const redirect = (location: string): WebResponse => ({ statusCode: 303, headers: { ...headers, location }, body: '' });

    const context: PageContext = {
      method,
      language,
      t,
      params: matched?.params ?? {},
      query,
      form: new URLSearchParams(),
      get session() {
        return session;
      },
      deps,
      get principal() {
        return session.data.principal!;
      },
      get member() {
        return session.data.workforce!;
      },
      href,
      changed: () => {
        dirty = true;
      },
      render,
      redirect,
      message,
      renew: (data = {}) => {
        if (!isNew) retired.push(session.id);
        session = newSession(now, data);
        isNew = true;
        dirty = true;
      },
      allowFormAction: (origin) => {
        formOrigins.add(origin);
      },
    };

    const respond = async (): Promise<WebResponse> => {
      if (!matched) return message(404, { title: t.notFoundTitle, paragraphs: [t.notFoundText], links: [{ text: t.startAgain, href: href('home') }] });
      const served = await pageRead!;
      const handler = method === 'POST' ? served.page.post : (served.early ?? served.page.get);
      if (!handler) return message(404, { title: t.notFoundTitle, paragraphs: [t.notFoundText], links: [{ text: t.startAgain, href: href('home') }] });

      const sessionEnded = () =>
        message(401, { title: t.sessionEndedTitle, paragraphs: [t.sessionEndedText], links: [{ text: t.signInAgain, href: href('sign-in') }, { text: t.startAgain, href: href('home') }] });
      if (method === 'POST') {
        if (lapse) return sessionEnded();
        const form = readForm(event);
        if (form === 'too-large') return message(413, { title: t.tooLargeTitle, paragraphs: [t.tooLargeText], links: [{ text: t.startAgain, href: href('home') }] });
        if (isNew || !csrfMatches(session, form.get('csrf') ?? undefined)) {
          return message(403, { title: t.csrfTitle, paragraphs: [t.csrfText], links: [{ text: t.startAgain, href: href('home') }] });
        }
        (context as { form: URLSearchParams }).form = form;
      }
      if (matched.page.signIn && !session.data.principal) {
        if (lapse || method === 'POST') return sessionEnded();
        return redirect(`${href('sign-in')}?returnTo=${encodeURIComponent(path)}`);
      }
      if (matched.page.workforce) {
        const member = session.data.workforce;
        if (!member && !session.data.principal) {
          if (lapse || method === 'POST') {
            return message(401, { title: t.sessionEndedTitle, paragraphs: [t.sessionEndedText], links: [{ text: t.signInAgain, href: href('workforce-sign-in') }] });
          }
          return redirect(`${href('workforce-sign-in')}?returnTo=${encodeURIComponent(path)}`);
        }
        if (!member || !matched.page.workforce.includes(member.role)) {
          return message(403, { title: t.forbiddenTitle, paragraphs: [t.forbiddenText], links: [{ text: t.startAgain, href: href('home') }] });
        }
      }
      return handler(context);
    };

    let response: WebResponse;
    try {
      response = await respond();
    } catch (error) {
      if (isDomainError(error) && error.kind === 'not-found') {
        response = message(404, { title: t.notFoundTitle, paragraphs: [t.notFoundText], links: [{ text: t.myApplications, href: href('applications') }] });
      } else {
        logger.error('page failed', { requestId: event.requestContext?.requestId, routeKey: matched?.page.name ?? 'none', ...errorFields(error) });
        response = message(503, { title: t.unavailableTitle, paragraphs: [t.unavailableText], links: [{ text: t.startAgain, href: href('home') }] });
        dirty = false;
      }
    }

    if (dirty || (!isNew && needsTouch(session, now))) {
      const kept = { createdAt: session.createdAt, lastSeenAt: now, data: session.data };
      await deps.sessions.save(sessionDigest(session.id), kept, expiresAtOf(kept));
      if (isNew) cookies.push(sessionCookie(session.id));
    } else if (lapse && cookieId) {
      cookies.push(clearedSessionCookie());
    }
    for (const id of retired) await deps.sessions.remove(sessionDigest(id));
    return cookies.length > 0 ? { ...response, cookies } : response;
  };
};
