/**
 * The portal's pieces that need no browser: the forms' ui documents against their schemas, the built templates and
 * theme, the gateway's route precedence, sessions' lifetimes and CSRF, and the mapping of API messages to fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceSchemas } from '../../schemas/application';
import { violation } from '../../schemas/messages';
import { serviceIds, trackInfo } from '../../schemas/services';
import { serviceCatalogue } from '../../functions/core/catalogue';
import { defaultRules } from '../../functions/core/rules';
import { assets } from '../../functions/web/generated/assets';
import { applicationPageUrl } from '../../functions/core/portal-pages';
import { applicationPages } from '../../functions/web/citizen/applications';
import { safeReturnPath } from '../../functions/web/citizen/sign-in';
import { documentOf, fieldErrors } from '../../functions/web/fields';
import { absoluteTimeoutMs, csrfMatches, expiresAtOf, idleTimeoutMs, lapseOf, newSession, sessionCookie, workforceIdleTimeoutMs } from '../../functions/web/session';
import { fingerprint, precompiledTemplates, themedCss } from '../../local/build-web';
import { compileRoutes, matchRoute } from '../../local/gateway';
import { repositoryRoot } from '../../local/paths';
import { httpRoutes } from '../../infra/routes';

const catalogue = serviceCatalogue(defaultRules);

describe("each form's ui document", () => {
  it.each(catalogue.services.map((service) => [service.id, service] as const))('%s: asks every evidence field of every track a person applies for, with words in both languages', (serviceId, service) => {
    const fields = service.ui.pages.flatMap((page) => page.fields);
    for (const track of service.ui.tracks.map((choice) => choice.value)) {
      expect(trackInfo(serviceId, track)?.filedBy).toContain('citizen');
      const asked = fields.filter((field) => field.path.startsWith('evidence.') && (!field.tracks || field.tracks.includes(track))).map((field) => field.path.split('.')[1]);
      expect(new Set(asked)).toEqual(new Set(Object.keys(evidenceSchemas[serviceId][track]!.shape)));
    }
    for (const field of fields) {
      expect(field.label.lv && field.label.en, field.path).toBeTruthy();
      for (const option of field.options ?? []) expect(option.label.lv && option.label.en, `${field.path}=${option.value}`).toBeTruthy();
    }
  });

  it('offers exactly the choices the schema accepts', () => {
    const service = catalogue.services.find((entry) => entry.id === 'vocational-suitability')!;
    const mode = service.ui.pages.flatMap((page) => page.fields).find((field) => field.path === 'evidence.assessmentMode')!;
    expect(mode.input).toBe('radios');
    expect(mode.options!.map((option) => option.value)).toEqual(['in-person', 'remote']);
    expect(service.ui.pages.map((page) => page.id)).toEqual(['person', 'representative', 'track', 'about', 'address', 'contact', 'evidence', 'declarations']);
  });

  it('publishes no apply tracks for a service people reach only by referral', () => {
    expect(catalogue.services.find((entry) => entry.id === 'coordinated-services')!.ui.tracks).toEqual([]);
    expect(serviceIds.filter((id) => catalogue.services.find((entry) => entry.id === id)!.ui.tracks.length > 0)).toHaveLength(6);
  });
});

describe('answers and messages', () => {
  it('builds the nested document from the answers typed, leaving out the unanswered', () => {
    const fields = [
      { path: 'applicant.address.line', input: 'text' as const },
      { path: 'applicant.address.postcode', input: 'text' as const },
      { path: 'evidence.icfCodes', input: 'lines' as const },
      { path: 'evidence.subacute', input: 'yes-no' as const },
      { path: 'declarations.informationIsTrue', input: 'checkbox' as const },
    ];
    expect(documentOf(fields, { 'applicant.address.line': 'Pils iela 1', 'applicant.address.postcode': ' ', 'evidence.icfCodes': 'b280\r\n\r\nd450.2', 'evidence.subacute': 'false', 'declarations.informationIsTrue': 'true' })).toEqual({
      applicant: { address: { line: 'Pils iela 1' } },
      evidence: { icfCodes: ['b280', 'd450.2'], subacute: false },
      declarations: { informationIsTrue: true },
    });
  });

  it("puts the API's own message on the field, or on the first field of the object it names, linked from the summary", () => {
    const fields = [{ path: 'applicant.address.municipality' }, { path: 'applicant.address.line' }, { path: 'evidence.icfCodes' }];
    const errors = fieldErrors(fields, [violation(['applicant', 'address'], 'required'), violation(['evidence', 'icfCodes', 0], 'icf_code'), violation(['other'], 'required')], 'en');
    expect(errors.byPath).toEqual({ 'applicant.address.municipality': 'This field is required.', 'evidence.icfCodes': 'An ICF code looks like b280 or d450.2.' });
    expect(errors.list.map((item) => item.href)).toEqual(['#f-applicant-address-municipality', '#f-evidence-icfCodes']);
  });
});

describe('sessions', () => {
  const start = Date.UTC(2026, 10, 29, 9);

  it('end after 30 minutes idle or 12 hours in all, whichever comes first', () => {
    const session = newSession(start);
    expect(lapseOf(session, start + idleTimeoutMs - 1)).toBeUndefined();
    expect(lapseOf(session, start + idleTimeoutMs)).toBe('idle');
    expect(lapseOf({ ...session, lastSeenAt: start + absoluteTimeoutMs - 1000 }, start + absoluteTimeoutMs)).toBe('absolute');
    expect(lapseOf(undefined, start)).toBe('unknown');
    expect(expiresAtOf({ createdAt: start, lastSeenAt: start + absoluteTimeoutMs - 60_000, data: session.data })).toBe((start + absoluteTimeoutMs) / 1000);
  });

  it('of staff and officers end after 15 minutes idle, while a citizen keeps 30', () => {
    const staff = newSession(start, { workforce: { role: 'staff', subject: 'staff-anna', name: 'anna', services: ['social-rehabilitation'] } });
    expect(lapseOf(staff, start + workforceIdleTimeoutMs - 1)).toBeUndefined();
    expect(lapseOf(staff, start + workforceIdleTimeoutMs)).toBe('idle');
    expect(expiresAtOf(staff)).toBe((start + workforceIdleTimeoutMs) / 1000);
    expect(lapseOf(newSession(start), start + workforceIdleTimeoutMs)).toBeUndefined();
    expect(workforceIdleTimeoutMs).toBe(15 * 60 * 1000);
  });

  it('accept a form only with their own CSRF token, and set an opaque HttpOnly, Secure, SameSite=Lax cookie', () => {
    const session = newSession(start);
    expect(csrfMatches(session, session.data.csrf)).toBe(true);
    expect(csrfMatches(session, `${session.data.csrf.slice(0, -1)}x`)).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
    expect(csrfMatches(newSession(start), session.data.csrf)).toBe(false);
    expect(sessionCookie(session.id)).toBe(`siva_session=${session.id}; Path=/; HttpOnly; Secure; SameSite=Lax`);
    expect(session.id).toMatch(/^[\w-]{43}$/);
  });
});

describe('returning after signing in', () => {
  const id = '5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11';

  it("returns to the page an e-mail links to, in either language: the same page the portal's route table serves", () => {
    for (const language of ['lv', 'en'] as const) {
      const path = new URL(applicationPageUrl('https://e.siva.gov.lv/', id, language)).pathname;
      expect(path).toBe(language === 'lv' ? `/pieteikumi/${id}` : `/en/applications/${id}`);
      expect(safeReturnPath(path, '/pieteikumi')).toBe(path);
      expect(applicationPages.find((page) => page.name === 'application')!.paths[language].replace('{id}', id)).toBe(path);
    }
  });

  it('returns only to a path of this site; anything else goes to my applications (no open redirect)', () => {
    for (const hostile of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/pieteikumi\r\nSet-Cookie:x=1', ' /pieteikumi', `/${'a'.repeat(600)}`, '', null]) {
      expect(safeReturnPath(hostile, '/pieteikumi'), String(hostile)).toBe('/pieteikumi');
    }
  });
});

describe('the local gateway', () => {
  it('ranks the greedy page routes below every API route, as API Gateway does', () => {
    const compiled = compileRoutes(httpRoutes);
    expect(matchRoute(compiled, 'GET', '/applications')?.route.function).toBe('list-applications');
    expect(matchRoute(compiled, 'GET', '/services')?.route.function).toBe('list-services');
    expect(matchRoute(compiled, 'POST', '/services/early-intervention/eligibility')?.route.function).toBe('check-eligibility');
    expect(matchRoute(compiled, 'GET', '/pieteikumi/123')?.route.function).toBe('web');
    expect(matchRoute(compiled, 'GET', '/')?.route.function).toBe('web');
    expect(matchRoute(compiled, 'POST', '/en/apply/social-rehabilitation/who')?.route.function).toBe('web');
  });
});

describe('what the portal ships', () => {
  it('is what the current sources build (the run\'s global setup builds it; not kept in git)', () => {
    expect(readFileSync(join(repositoryRoot, 'functions/web/generated/templates.js'), 'utf8')).toBe(precompiledTemplates());
    expect(assets.css).toBe(`siva-${fingerprint(themedCss())}.css`);
  });

  it('is themed for SIVA: no GDS Transport font and no crown', () => {
    const css = themedCss();
    expect(css.match(/GDS Transport|govuk-crest|@font-face|Calvert/g)).toBeNull();
    expect(css).toContain('.siva-header');
  });
});
