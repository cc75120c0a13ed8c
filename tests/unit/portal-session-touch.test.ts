/**
 * A page read does not rewrite the session just to move its idle clock when the stored clock moved less than a
 * minute ago (one write fewer on almost every page, issue 10). The idle limit still counts from the stored clock, so
 * skipping a touch can only end a session up to a minute sooner, never later; the absolute limit is untouched.
 */
import { describe, expect, it } from 'vitest';
import { createWebApp, type WebDeps } from '../../functions/web/app';
import { citizenPages } from '../../functions/web/citizen/pages';
import { absoluteTimeoutMs, idleTimeoutMs, newSession, type SessionStore, type StoredSession } from '../../functions/web/session';
import { apiEvent } from '../support/api-event';

const start = Date.UTC(2026, 10, 30, 8, 0, 0);
const minute = 60_000;

/** One signed-in session in a store that keeps what is saved, and a portal whose clock the test sets. */
const portal = () => {
  const session = newSession(start, { principal: { role: 'citizen', subject: 'eid-test', personalCode: '32579461005', givenName: 'Pēteris', familyName: 'Kalniņš' } });
  let stored: StoredSession | undefined = { createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, data: session.data };
  const saves: number[] = [];
  const sessions: SessionStore = {
    find: async () => stored,
    save: async (_digest, kept) => {
      saves.push(kept.lastSeenAt);
      stored = kept;
    },
    remove: async () => {
      stored = undefined;
    },
  };
  let now = start;
  const deps = { sessions, oidc: {} as never, issuerOrigin: 'https://eid.test', workforceIssuerOrigin: 'https://staff.test', now: () => now } satisfies Partial<WebDeps> as unknown as WebDeps;
  const app = createWebApp(citizenPages, deps);
  const visitAt = (at: number) => {
    now = at;
    return app({ ...apiEvent({ method: 'GET', path: '/', claims: null }), cookies: [`siva_session=${session.id}`] });
  };
  return { visitAt, saves };
};

describe('the session touch', () => {
  it('is skipped while the stored clock is under a minute old, and made once it is a minute old', async () => {
    const { visitAt, saves } = portal();
    expect((await visitAt(start + 59_999)).statusCode).toBe(200);
    expect(saves).toEqual([]);
    expect((await visitAt(start + minute)).statusCode).toBe(200);
    expect(saves).toEqual([start + minute]);
    // The next minute counts from that touch.
    await visitAt(start + minute + 30_000);
    expect(saves).toEqual([start + minute]);
  });

  it('keeps the idle limit counted from the stored clock: a skipped touch never lengthens a session', async () => {
    const { visitAt, saves } = portal();
    await visitAt(start + 30_000); // not stored: under a minute since the last touch
    const lapsed = await visitAt(start + idleTimeoutMs);
    expect(lapsed.cookies).toEqual([expect.stringMatching(/^siva_session=;.*Max-Age=0/)]);
    expect(saves).toEqual([]);
  });

  it('keeps the absolute limit: a session touched every few minutes still ends 12 hours after it began', async () => {
    const { visitAt } = portal();
    for (let at = start + 10 * minute; at < start + absoluteTimeoutMs; at += 10 * minute) {
      expect((await visitAt(at)).cookies).toBeUndefined();
    }
    expect((await visitAt(start + absoluteTimeoutMs)).cookies).toEqual([expect.stringMatching(/^siva_session=;.*Max-Age=0/)]);
  });
});
