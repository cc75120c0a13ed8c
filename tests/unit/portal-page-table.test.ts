/**
 * The portal's page table (functions/web/page-table.ts) names every page, its paths and who may open it without
 * importing the pages' modules; a request imports the module of the page it answers, and only that one (issue 14).
 * The modules take each page's facts from the table by name, so what is left to hold is that they serve the same
 * pages, in the same order, each from the module its entry loads.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createWebApp, type PageRoute, type WebDeps } from '../../functions/web/app';
import { citizenPages } from '../../functions/web/citizen/pages';
import { portalPages } from '../../functions/web/page-table';
import { officerPages } from '../../functions/web/workforce/officers';
import { workforcePages } from '../../functions/web/workforce/pages';
import { reportPages } from '../../functions/web/workforce/report';
import { defaultRules as rules } from '../../functions/core/rules';
import { apiEvent } from '../support/api-event';

const served = [...citizenPages, ...workforcePages, ...officerPages, ...reportPages];
const names = (pages: readonly PageRoute[]) => pages.map((page) => page.name);
const facts = ({ paths, signIn, workforce, navLabel }: PageRoute) => ({ paths, signIn, workforce, navLabel });

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
  it('lists every page the modules serve, and no other, in the order they are matched', () => {
    expect(names(portalPages)).toEqual(names(served));
  });

  it('finds each page in the module its entry loads, with the facts the table gives it', async () => {
    for (const page of portalPages) {
      const loaded = (await page.load!()).find((candidate) => candidate.name === page.name);
      expect(loaded && facts(loaded), page.name).toEqual(facts(page));
    }
  });

  it('reaches no page module through static imports, so the modules importing it keep the loading lazy', async () => {
    const table = 'functions/web/page-table.ts';
    const { metafile } = await build({ entryPoints: [table], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outdir: 'out', splitting: true, logLevel: 'silent' });
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const { path, kind } of metafile.inputs[file]?.imports ?? []) if (kind === 'import-statement') visit(path);
    };
    visit(table);
    const dynamic = metafile.inputs[table]!.imports.filter(({ kind }) => kind === 'dynamic-import').map(({ path }) => path);
    expect(dynamic).toContain('functions/web/citizen/drafts.ts');
    expect(dynamic.filter((module) => reached.has(module))).toEqual([]);
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
