/**
 * Staff and officers sign in and out. `/darbs/ieiet` sends the browser to the workforce issuer (deployed: the user
 * pool's hosted UI, with the pool's MFA; code flow with PKCE); the callback checks the state, exchanges the code,
 * verifies both tokens and starts a new session holding only the member (role, services or organisation): a citizen
 * session in the same browser does not survive it, nor the reverse, so one session never holds two identities.
 * A workforce session ends after 15 idle minutes (functions/web/session.ts).
 */
import type { Language } from '../../../schemas/primitives';
import type { PageContext, PageRoute } from '../app';
import { workforceRoles } from '../../core/workforce-identity';
import { safeReturnPath } from '../citizen/sign-in';
import { messages } from '../i18n';

const signIn = async ({ deps, language, query, session, changed, redirect, href }: PageContext) => {
  const returnTo = safeReturnPath(query.get('returnTo'), href('workforce-home'));
  if (session.data.workforce) return redirect(returnTo);
  const login = await deps.workforceOidc.start(language);
  session.data.workforceLogin = { state: login.state, nonce: login.nonce, verifier: login.verifier, returnTo, language };
  changed();
  return redirect(login.url);
};

const callback = async ({ deps, query, session, renew, redirect, message, href }: PageContext) => {
  const login = session.data.workforceLogin;
  // The issuer returns to one callback address; the language is the one the member started in.
  const language: Language = login?.language ?? 'lv';
  const t = messages[language];
  const failed = () =>
    message(400, { title: t.signInFailedTitle, paragraphs: [t.work.signInFailedText], links: [{ text: t.signInAgain, href: href('workforce-sign-in', {}, language) }] });
  const code = query.get('code');
  if (!login || !code || query.get('state') !== login.state) return failed();
  const member = await deps.workforceOidc.finish(code, login);
  if (!member) return failed();
  renew({ workforce: member });
  return redirect(login.returnTo);
};

const signOut = async ({ renew, message, t, href }: PageContext) => {
  renew();
  return message(200, { title: t.signedOutTitle, paragraphs: [t.work.signedOutText], links: [{ text: t.work.signIn, href: href('workforce-sign-in') }] });
};

/** Where a member lands after signing in: their pages, as in the header. */
const home = async ({ render, t, member }: PageContext) => render('work-home', { title: t.work.homeTitle, member });

export const workforceSignInPages: readonly PageRoute[] = [
  { name: 'workforce-sign-in', paths: { lv: '/darbs/ieiet', en: '/en/work/sign-in' }, get: signIn },
  { name: 'workforce-sign-in-callback', paths: { lv: '/darbs/auth/callback', en: '/en/work/auth/callback' }, get: callback },
  { name: 'workforce-sign-out', paths: { lv: '/darbs/iziet', en: '/en/work/sign-out' }, post: signOut },
  { name: 'workforce-home', paths: { lv: '/darbs', en: '/en/work' }, get: home, workforce: workforceRoles },
];
