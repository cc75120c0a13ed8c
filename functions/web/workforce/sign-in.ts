/**
 * Staff and officers sign in and out. `/darbs/ieiet` sends the browser to the workforce issuer (deployed: the user
 * pool's hosted UI, with the pool's MFA; code flow with PKCE); the callback checks the state, exchanges the code,
 * verifies both tokens and starts a new session holding only the member (role, services or organisation): a citizen
 * session in the same browser does not survive it, nor the reverse, so one session never holds two identities.
 * A workforce session ends after 15 idle minutes (functions/web/session.ts).
 */
import type { Language } from '../../../schemas/primitives';
import type { PageContext, PageRoute } from '../app';
import { beginSignIn } from '../citizen/sign-in';
import { messages } from '../i18n';
import { listed } from '../page-table';

const signIn = (context: PageContext) =>
  beginSignIn(context, context.deps.workforceOidc, 'workforceLogin', Boolean(context.session.data.workforce), context.href('workforce-home'));

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
  { ...listed('workforce-sign-in'), get: signIn },
  { ...listed('workforce-sign-in-callback'), get: callback },
  { ...listed('workforce-sign-out'), post: signOut },
  { ...listed('workforce-home'), get: home },
];
