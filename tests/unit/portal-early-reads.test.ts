/**
 * The application page reads the application beside the session (issue 10: a page no longer waits for the session
 * before it starts its own read), and still shows it to nobody but those the core's access check lets read it.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../functions/core/applications/types';
import type { ApplicationDeps } from '../../functions/core/applications/ports';
import { defaultRules } from '../../functions/core/rules';
import type { WorkflowDeps } from '../../functions/core/workflow';
import { createWebApp, type WebDeps } from '../../functions/web/app';
import { citizenPages } from '../../functions/web/citizen/pages';
import { newSession, type SessionStore, type StoredSession } from '../../functions/web/session';
import { apiEvent } from '../support/api-event';
import { storedApplication } from '../support/stored-application';

const owner = { role: 'citizen' as const, subject: 'eid-test', personalCode: '32579461005', givenName: 'Pēteris', familyName: 'Kalniņš' };
const stranger = { role: 'citizen' as const, subject: 'eid-other', personalCode: '32012345678', givenName: 'Anna', familyName: 'Ozola' };

/** A session store whose answer the test releases, and an application store that notes when it was asked. */
const portal = (options: { session?: StoredSession; record?: ApplicationRecord | Error }) => {
  const asked: string[] = [];
  let releaseSession: () => void = () => {};
  const sessionAnswered = new Promise<void>((done) => (releaseSession = done));
  const sessions: SessionStore = {
    async find() {
      asked.push('session');
      await sessionAnswered;
      asked.push('session answered');
      return options.session;
    },
    save: async () => {},
    remove: async () => {},
  };
  const store = {
    async findWithTimeline() {
      asked.push('application');
      if (options.record instanceof Error) throw options.record;
      return options.record;
    },
  };
  const deps = {
    applications: { store } as unknown as ApplicationDeps,
    workflow: { store: {} } as unknown as WorkflowDeps,
    uploads: { store: {} } as never,
    rules: defaultRules,
    sessions,
    oidc: {} as never,
    issuerOrigin: 'https://eid.test',
    issuer: 'https://eid.test/citizen',
    now: () => Date.now(),
  } satisfies Partial<WebDeps> as unknown as WebDeps; // the application page uses only these
  return { app: createWebApp(citizenPages, deps), asked, releaseSession };
};

const recordOf = (application = storedApplication()): ApplicationRecord => ({ application, timeline: [], notifications: [], decisions: [] });
const pageEvent = (id: string, cookie?: string) => ({
  ...apiEvent({ method: 'GET', path: `/pieteikumi/${id}`, claims: null }),
  ...(cookie && { cookies: [`siva_session=${cookie}`] }),
});
const signedIn = (principal: typeof owner) => {
  const session = newSession(Date.now(), { principal });
  return { id: session.id, stored: { createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, data: session.data } };
};

describe('the application page', () => {
  it('asks for the application before the session has answered, and shows it to the person it belongs to', async () => {
    const record = recordOf();
    const session = signedIn(owner);
    const { app, asked, releaseSession } = portal({ session: session.stored, record });
    const answer = app(pageEvent(record.application.id, session.id));
    await new Promise((done) => setImmediate(done));
    // Both asked, and the session has not answered yet.
    expect([...asked].sort()).toEqual(['application', 'session']);
    releaseSession();
    const page = await answer;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(record.application.reference);
  });

  it("shows someone else's application to nobody: the page is the one for an application that does not exist", async () => {
    const record = recordOf();
    const session = signedIn(stranger);
    const { app, releaseSession } = portal({ session: session.stored, record });
    releaseSession();
    const page = await app(pageEvent(record.application.id, session.id));
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain(record.application.reference);
    expect(page.body).not.toContain(record.application.applicant.familyName);
  });

  it('tells a visitor whose session has ended to sign in again, even when the early read failed', async () => {
    const { app, releaseSession } = portal({ session: undefined, record: new Error('the table is away') });
    releaseSession();
    const page = await app(pageEvent(crypto.randomUUID(), 'no-such-session'));
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('href="/ieiet"');
  });

  it('reads nothing for a visitor without a session cookie', async () => {
    const { app, asked, releaseSession } = portal({ record: recordOf() });
    releaseSession();
    const page = await app(pageEvent(crypto.randomUUID()));
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/ieiet\?returnTo=/);
    expect(asked).toEqual([]);
  });
});
