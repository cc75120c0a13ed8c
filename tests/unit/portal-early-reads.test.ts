/**
 * The application page reads the application beside the session (issue 10: a page no longer waits for the session
 * before it starts its own read), and still shows it to nobody but those the core's access check lets read it; the
 * staff work list of a service named in the address likewise (issue 12), shown only to a member of that service.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../functions/core/applications/types';
import type { ApplicationDeps } from '../../functions/core/applications/ports';
import { defaultRules } from '../../functions/core/rules';
import type { ServiceId } from '../../schemas/services';
import type { Application } from '../../functions/core/model';
import type { WorkflowDeps, WorkListFilter } from '../../functions/core/workflow';
import { createWebApp, type WebDeps } from '../../functions/web/app';
import { citizenPages } from '../../functions/web/citizen/pages';
import { workforcePages } from '../../functions/web/workforce/pages';
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

/** A staff member's session, a session store the test releases, and a work-list store that notes what it was asked. */
const workPortal = (services: readonly ServiceId[], listed: Readonly<Partial<Record<ServiceId, Application>>>) => {
  const asked: string[] = [];
  let releaseSession: () => void = () => {};
  const sessionAnswered = new Promise<void>((done) => (releaseSession = done));
  const session = newSession(Date.now(), { workforce: { role: 'staff', subject: 'staff-test', name: 'Anna', services: [...services] } });
  const sessions: SessionStore = {
    async find() {
      asked.push('session');
      await sessionAnswered;
      asked.push('session answered');
      return { createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, data: session.data };
    },
    save: async () => {},
    remove: async () => {},
  };
  const store = {
    async listByServices(serviceIds: readonly ServiceId[], _filter: WorkListFilter) {
      asked.push(`list ${serviceIds.join(',')}`);
      return { items: serviceIds.flatMap((id) => (listed[id] ? [listed[id]] : [])) };
    },
  };
  const deps = {
    workflow: { store } as unknown as WorkflowDeps,
    // The counts per status above the list (read beside it; nothing counted yet).
    reports: { readYear: async () => ({ counters: [], queueNetByYear: [], queueNetByMonth: [] }), readStatusCounts: async () => ({}) },
    rules: defaultRules,
    sessions,
    oidc: {} as never,
    workforceOidc: {} as never,
    issuerOrigin: 'https://eid.test',
    workforceIssuerOrigin: 'https://staff.test',
    now: () => Date.now(),
  } satisfies Partial<WebDeps> as unknown as WebDeps; // the work list uses only these
  const app = createWebApp([...citizenPages, ...workforcePages], deps);
  const open = (query: Record<string, string>) => app({ ...apiEvent({ method: 'GET', path: '/darbs/pieteikumi', claims: null, query }), cookies: [`siva_session=${session.id}`] });
  return { open, asked, releaseSession };
};

const applicationOf = (serviceId: ServiceId, reference: string): Application => ({ ...storedApplication(), serviceId, reference });

describe('the staff work list', () => {
  it('asks for the list of the service the address names before the session has answered, and shows it to a member of that service', async () => {
    const queued = applicationOf('social-rehabilitation', 'SIVA-2026-000101');
    const { open, asked, releaseSession } = workPortal(['social-rehabilitation'], { 'social-rehabilitation': queued });
    const answer = open({ serviceId: 'social-rehabilitation' });
    await new Promise((done) => setImmediate(done));
    expect([...asked].sort()).toEqual(['list social-rehabilitation', 'session']);
    releaseSession();
    const page = await answer;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(queued.reference);
    // One list read, the early one: nothing read again after the session.
    expect(asked.filter((one) => one.startsWith('list'))).toEqual(['list social-rehabilitation']);
  });

  it("never shows another service's list: a member of another service gets their own services' list, read after the session", async () => {
    const theirs = applicationOf('vocational-suitability', 'SIVA-2026-000202');
    const notTheirs = applicationOf('social-rehabilitation', 'SIVA-2026-000303');
    const { open, asked, releaseSession } = workPortal(['vocational-suitability'], { 'vocational-suitability': theirs, 'social-rehabilitation': notTheirs });
    releaseSession();
    const page = await open({ serviceId: 'social-rehabilitation' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(theirs.reference);
    expect(page.body).not.toContain(notTheirs.reference);
    expect(page.body).not.toContain(notTheirs.applicant.familyName);
    expect(asked.filter((one) => one.startsWith('list'))).toEqual(['list social-rehabilitation', 'list vocational-suitability']);
  });

  it('starts nothing before the session when the address names no service (the services are the session\'s)', async () => {
    const theirs = applicationOf('social-rehabilitation', 'SIVA-2026-000404');
    const { open, asked, releaseSession } = workPortal(['social-rehabilitation'], { 'social-rehabilitation': theirs });
    const answer = open({});
    await new Promise((done) => setImmediate(done));
    expect(asked).toEqual(['session']);
    releaseSession();
    expect((await answer).body).toContain(theirs.reference);
  });
});
