/**
 * Signing in and out. `/ieiet` sends the browser to the citizen issuer (code flow, PKCE); the callback checks the
 * state, exchanges the code, verifies the ID token and starts a new session (a new id: a session fixed before the
 * sign-in is worth nothing after it). Signing out ends the session in the table, not only in the browser.
 */
import type { Language } from '../../../schemas/primitives';
import type { PageContext, PageRoute } from '../app';
import type { OidcClient } from '../oidc';
import { listed } from '../page-table';

/** Only a path of this site may be returned to after signing in (no open redirect). */
export const safeReturnPath = (value: string | null | undefined, fallback: string) =>
  value && /^\/(?![/\\])[\w\-./%~]*$/.test(value) && value.length <= 512 ? value : fallback;

/**
 * Sends the browser to an issuer (a citizen's or the workforce's): what the callback must see again is kept in the
 * session under `slot`; someone already signed in (`signedIn`) goes straight back.
 */
export const beginSignIn = async (
  { language, query, session, changed, redirect }: PageContext,
  issuer: OidcClient<unknown>,
  slot: 'login' | 'workforceLogin',
  signedIn: boolean,
  fallback: string,
) => {
  const returnTo = safeReturnPath(query.get('returnTo'), fallback);
  if (signedIn) return redirect(returnTo);
  const login = await issuer.start(language);
  session.data[slot] = { state: login.state, nonce: login.nonce, verifier: login.verifier, returnTo, language };
  changed();
  return redirect(login.url);
};

const signIn = (context: PageContext) =>
  beginSignIn(context, context.deps.oidc, 'login', Boolean(context.session.data.principal), context.href('applications'));

const callback = async ({ deps, query, session, renew, redirect, message, href }: PageContext) => {
  const login = session.data.login;
  const language: Language = login?.language ?? 'lv';
  const failed = () =>
    message(400, {
      title: language === 'lv' ? 'Pieteikties neizdevās' : 'Sign-in failed',
      paragraphs: [language === 'lv' ? 'eID pieteikšanos nevarēja pabeigt. Mēģiniet vēlreiz.' : 'The eID sign-in could not be completed. Try again.'],
      links: [{ text: language === 'lv' ? 'Pieteikties vēlreiz' : 'Sign in again', href: href('sign-in', {}, language) }],
    });
  const code = query.get('code');
  if (!login || !code || query.get('state') !== login.state) return failed();
  const principal = await deps.oidc.finish(code, login);
  if (!principal) return failed();
  // A citizen's session holds the citizen only: a workforce sign-in in the same browser ends here.
  const { login: _used, workforce: _member, workforceLogin: _started, ...kept } = session.data;
  const { csrf: _old, ...rest } = kept;
  renew({ ...rest, principal });
  return redirect(login.returnTo);
};

const signOut = async ({ renew, message, t, href }: PageContext) => {
  renew();
  return message(200, { title: t.signedOutTitle, paragraphs: [t.signedOutText], links: [{ text: t.signInAgain, href: href('sign-in') }, { text: t.startAgain, href: href('home') }] });
};

export const signInPages: readonly PageRoute[] = [
  { ...listed('sign-in'), get: signIn },
  { ...listed('sign-in-callback'), get: callback },
  { ...listed('sign-out'), post: signOut },
];
