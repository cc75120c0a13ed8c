/**
 * The portal's page table (functions/web/page-table.ts) names every page, its paths and who may open it without
 * importing the pages' modules; a request imports the module of the page it answers, and only that one (issue 14).
 * The table and the modules must agree, page for page, or a path would answer with another page or none.
 */
import { describe, expect, it } from 'vitest';
import { createWebApp, type PageRoute, type WebDeps } from '../../functions/web/app';
import { citizenPages } from '../../functions/web/citizen/pages';
import { messages } from '../../functions/web/i18n';
import { portalPages } from '../../functions/web/page-table';
import { officerPages } from '../../functions/web/workforce/officers';
import { workforcePages } from '../../functions/web/workforce/pages';
import { reportPages } from '../../functions/web/workforce/report';
import { defaultRules as rules } from '../../functions/core/rules';
import { apiEvent } from '../support/api-event';

const served = [...citizenPages, ...workforcePages, ...officerPages, ...reportPages];

const listing = (page: PageRoute) => ({
  name: page.name,
  paths: page.paths,
  signIn: page.signIn ?? false,
  workforce: page.workforce ?? [],
  navLabel: page.navLabel ? [page.navLabel(messages.lv), page.navLabel(messages.en)] : [],
});

/** A portal over the table whose group loads are counted, with no store behind it: the pages asked for read none. */
const countedPortal = () => {
  const loads: string[] = [];
  const pages = portalPages.map((page): PageRoute => ({
    ...page,
    load: () => {
      loads.push(page.name);
      return page.load!();
    },
  }));
  const sessions = { find: async () => undefined, save: async () => undefined, remove: async () => undefined };
  const deps = { sessions, rules, issuerOrigin: 'https://eid.test', workforceIssuerOrigin: 'https://staff.test', now: () => Date.now() } satisfies Partial<WebDeps> as unknown as WebDeps;
  return { app: createWebApp(pages, deps), loads };
};

describe('the portal page table', () => {
  it('lists every page the modules serve, in the order they are matched, with the same paths, access and header link', () => {
    expect(portalPages.map(listing)).toEqual(served.map(listing));
  });

  it('finds each page in the module its entry loads', async () => {
    for (const page of portalPages) {
      const loaded = (await page.load!()).find((candidate) => candidate.name === page.name);
      expect(loaded && listing(loaded), page.name).toEqual(listing(page));
    }
  });

  it('imports no page module until a request needs one, then only the group of the page asked for', async () => {
    const { app, loads } = countedPortal();
    expect(loads).toEqual([]);
    const home = await app(apiEvent({ method: 'GET', path: '/en', claims: null }));
    expect(home.statusCode).toBe(200);
    expect(loads).toEqual(['home']);
  });

  it('still refuses a method the page does not take, before asking anyone to sign in', async () => {
    const { app } = countedPortal();
    const signOut = await app(apiEvent({ method: 'GET', path: '/iziet', claims: null }));
    expect(signOut.statusCode).toBe(404);
  });

  it('answers a page whose module does not serve it with the unavailable page, not a failed invocation', async () => {
    const sessions = { find: async () => undefined, save: async () => undefined, remove: async () => undefined };
    const deps = { sessions, issuerOrigin: 'https://eid.test', workforceIssuerOrigin: 'https://staff.test', now: () => Date.now() } satisfies Partial<WebDeps> as unknown as WebDeps;
    const lost = portalPages.map((page): PageRoute => (page.name === 'drafts' ? { ...page, load: async () => [] } : page));
    const answer = await createWebApp(lost, deps)(apiEvent({ method: 'GET', path: '/en/drafts', claims: null }));
    expect(answer.statusCode).toBe(503);
  });
});
