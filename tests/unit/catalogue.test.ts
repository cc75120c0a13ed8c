import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { serviceCatalogue } from '../../functions/core/catalogue';
import { rigaDate } from '../../functions/core/dates';
import { defaultRules } from '../../functions/core/rules';
import { routes } from '../../infra/routes';
import type * as z from 'zod/mini';
import { ServiceCatalogue } from '../../schemas/api/responses';
import { serviceForms } from '../../schemas/application';
import { evidenceDocuments, referrerNames, serviceIds, services, trackIds, trackInfo, type ServiceId } from '../../schemas/services';
import { apiEvent, lambdaContext, testIssuers } from '../support/api-event';
import { allTracks, validForm } from '../support/service-forms';

type Catalogue = z.infer<typeof ServiceCatalogue>;
type Entry = Catalogue['services'][number];

// ajv-formats is CommonJS with a default export.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/** Configured unlike the default, to see configuration reach the catalogue. */
const configuredPensionAge = 67;

let response: Awaited<ReturnType<typeof import('../../functions/list-services/handler').handler>>;
let catalogue: Catalogue;

beforeAll(async () => {
  // The handler reads the issuers and the rules when it is loaded.
  vi.stubEnv('CITIZEN_TOKEN_ISSUER', testIssuers.citizen);
  vi.stubEnv('WORKFORCE_TOKEN_ISSUER', testIssuers.workforce);
  vi.stubEnv('PENSION_AGE', String(configuredPensionAge));
  const { handler } = await import('../../functions/list-services/handler');
  response = await handler(apiEvent({ method: 'GET', path: '/services', claims: null }), lambdaContext);
  catalogue = JSON.parse(response.body as string);
});
afterAll(() => vi.unstubAllEnvs());

const entry = (serviceId: ServiceId): Entry => catalogue.services.find((service) => service.id === serviceId)!;
const track = (serviceId: ServiceId, trackId: string) => entry(serviceId).tracks.find((candidate) => candidate.id === trackId)!;
const term = (serviceId: ServiceId, trackId: string, termId: string) => track(serviceId, trackId).terms.find((candidate) => candidate.id === termId);

describe('GET /services', () => {
  it('answers anyone, without signing in, and lets shared caches keep the answer for five minutes', () => {
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ 'cache-control': 'public, max-age=300', 'content-type': 'application/json; charset=utf-8' });
  });

  it('answers in the shape the OpenAPI document publishes', () => {
    const parsed = ServiceCatalogue.safeParse(catalogue);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('lists every service of the registry, in order, with name, description and legal basis in Latvian and English', () => {
    expect(catalogue.services.map((service) => service.id)).toEqual([...serviceIds]);
    for (const serviceId of serviceIds) {
      const { name, description, legalBasis } = services[serviceId];
      expect(entry(serviceId)).toMatchObject({ name, description, legalBasis });
      expect([name.lv, name.en, description.lv, description.en].every((text) => text.length > 0)).toBe(true);
    }
  });

  it('lists every track with its names, course length and evidence named in both languages', () => {
    for (const serviceId of serviceIds) {
      expect(entry(serviceId).tracks.map((listed) => listed.id)).toEqual(trackIds(serviceId));
      for (const trackId of trackIds(serviceId)) {
        const info = trackInfo(serviceId, trackId)!;
        const listed = track(serviceId, trackId);
        expect(listed.name).toEqual(info.name);
        expect(listed.courseDays).toBe(info.courseDays);
        expect(listed.evidence).toEqual(info.evidence.map((id) => ({ id, name: evidenceDocuments[id] })));
        expect(listed.evidence.every(({ name }) => name.lv.length > 0 && name.en.length > 0)).toBe(true);
      }
    }
    expect(track('social-rehabilitation', 'chernobyl').courseDays).toBe(21);
  });

  it('names who may file each track: the person or their representative, or a referring organisation', () => {
    for (const [serviceId, trackId] of allTracks()) {
      const filedBy = track(serviceId, trackId).filedBy;
      expect(filedBy.map(({ id }) => id)).toEqual(trackInfo(serviceId, trackId)!.filedBy);
      expect(filedBy.every(({ name }) => name.lv.length > 0 && name.en.length > 0)).toBe(true);
    }
    expect(track('social-rehabilitation', 'soldiers-and-officers').filedBy).toEqual([{ id: 'armed-forces', name: referrerNames['armed-forces'] }]);
  });

  it('sums up per service who may apply and on which tracks', () => {
    const whoMayApply = (serviceId: ServiceId) => entry(serviceId).whoMayApply.map(({ id, tracks }) => [id, tracks]);
    expect(whoMayApply('social-rehabilitation')).toEqual([
      ['citizen', trackIds('social-rehabilitation').filter((id) => id !== 'soldiers-and-officers')],
      ['social-service', trackIds('social-rehabilitation').filter((id) => id !== 'soldiers-and-officers')],
      ['armed-forces', ['soldiers-and-officers']],
    ]);
    expect(whoMayApply('coordinated-services')).toEqual([['social-service', trackIds('coordinated-services')]]);
    expect(whoMayApply('early-intervention')).toEqual([
      ['citizen', ['after-acute-event']],
      ['medical-institution', ['after-acute-event']],
    ]);
  });

  it('links each service to its pre-check, and to applying or referring as its filers do, at routes of the table', () => {
    const inTable = ({ method, href }: { method: string; href: string }) =>
      routes.some((route) => route.method === method && new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(href));
    for (const service of catalogue.services) {
      const filers = new Set(service.tracks.flatMap((listed) => listed.filedBy.map(({ id }) => id)));
      expect(service.links.eligibility).toEqual({ method: 'POST', href: `/services/${service.id}/eligibility` });
      expect(service.links.apply !== undefined, service.id).toBe(filers.has('citizen'));
      expect(service.links.refer !== undefined, service.id).toBe([...filers].some((filer) => filer !== 'citizen'));
      expect(Object.values(service.links).every(inTable)).toBe(true);
    }
    expect(entry('coordinated-services').links).not.toHaveProperty('apply');
  });
});

describe('terms an applicant should know', () => {
  it('take the configured pension age', () => {
    expect(term('social-rehabilitation', 'functional-impairment', 'pension-age')).toMatchObject({
      value: configuredPensionAge,
      unit: 'years',
      text: { lv: expect.stringContaining(`(${configuredPensionAge} gadi)`), en: expect.stringContaining(`(${configuredPensionAge})`) },
    });
  });

  it('state the EUR 7.11 co-payment on state-funded vehicle adaptation only, and the working days it takes', () => {
    expect(term('vehicle-adaptation', 'state-funded', 'co-payment')).toEqual({
      id: 'co-payment',
      value: 7.11,
      unit: 'EUR',
      text: { lv: 'Līdzmaksājums 7,11 EUR, ja neesat no tā atbrīvots.', en: 'A co-payment of EUR 7.11 unless you are exempt.' },
    });
    expect(term('vehicle-adaptation', 'paid', 'co-payment')).toBeUndefined();
    expect(term('vehicle-adaptation', 'paid', 'completion-time')).toMatchObject({ value: defaultRules.vehicleAdaptationWorkingDays, unit: 'working-days' });
  });

  it('state the windows in months where the rules count them', () => {
    expect(term('social-rehabilitation', 'after-medical-rehabilitation', 'after-medical-rehabilitation-window')).toMatchObject({
      value: defaultRules.afterMedicalRehabilitationWindowMonths,
      unit: 'months',
      text: { en: `Apply within ${defaultRules.afterMedicalRehabilitationWindowMonths} months after state-paid medical rehabilitation ends.` },
    });
    expect(term('social-rehabilitation', 'soldiers-and-officers', 'return-from-operation-window')?.value).toBe(defaultRules.soldierReturnWindowMonths);
    expect(term('early-intervention', 'after-acute-event', 'acute-event-window')?.value).toBe(defaultRules.earlyInterventionWindowMonths);
    expect(term('vocational-rehabilitation', 'college', 'gp-opinion-maximum-age')).toMatchObject({
      value: defaultRules.gpOpinionMaxAgeMonths,
      text: { en: 'The GP\'s opinion must have been issued within the last 1 month.', lv: expect.stringContaining('pēdējo 1 mēneša laikā') },
    });
  });

  it('follow any change of the rules, with the words to match', () => {
    const changed = serviceCatalogue({
      ...defaultRules,
      vehicleAdaptationCoPaymentCents: 1250,
      afterMedicalRehabilitationWindowMonths: 21,
      suitabilityExemptProgrammes: ['surdotulks', 'tulks'],
    });
    const find = (serviceId: ServiceId, trackId: string, termId: string) =>
      changed.services.find((service) => service.id === serviceId)!.tracks.find((listed) => listed.id === trackId)!.terms.find(({ id }) => id === termId)!;
    expect(find('vehicle-adaptation', 'state-funded', 'co-payment')).toMatchObject({ value: 12.5, text: { en: expect.stringContaining('EUR 12.50'), lv: expect.stringContaining('12,50 EUR') } });
    expect(find('social-rehabilitation', 'after-medical-rehabilitation', 'after-medical-rehabilitation-window').text.lv).toContain('21 mēneša laikā');
    expect(find('vocational-rehabilitation', 'vocational-school', 'suitability-assessment-exemptions').value).toEqual(['surdotulks', 'tulks']);
  });

  it('give children-only and adults-only tracks their age limit', () => {
    expect(term('coordinated-services', 'addiction-children', 'age-under')?.value).toBe(defaultRules.adultAge);
    expect(term('coordinated-services', 'addiction-adults', 'minimum-age')?.value).toBe(defaultRules.adultAge);
  });
});

describe("each service's form as JSON Schema", () => {
  const today = rigaDate(new Date());
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const validators = new Map<ServiceId, ValidateFunction>();
  const schemaOf = (serviceId: ServiceId) => {
    if (!validators.has(serviceId)) validators.set(serviceId, ajv.compile(entry(serviceId).form));
    return validators.get(serviceId)!;
  };
  /** Both the API's own schema and the published one. */
  const verdicts = (serviceId: ServiceId, form: unknown) => ({
    api: serviceForms[serviceId].safeParse(form).success,
    published: schemaOf(serviceId)(form),
  });

  it('is a self-contained draft 2020-12 document', () => {
    for (const service of catalogue.services) {
      expect(service.form.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      for (const ref of JSON.stringify(service.form).match(/"\$ref":"[^"]*"/g) ?? []) expect(ref).toMatch(/"\$ref":"#\/\$defs\/\w+"/);
    }
  });

  it('accepts a valid form of every track, as the API does', () => {
    for (const [serviceId, trackId] of allTracks()) {
      const validate = schemaOf(serviceId);
      expect(verdicts(serviceId, validForm(serviceId, trackId, today)), `${serviceId}/${trackId}: ${JSON.stringify(validate.errors)}`).toEqual({
        api: true,
        published: true,
      });
    }
  });

  const mistakes: [string, (form: any) => unknown][] = [
    ['an unknown field', (form) => ({ ...form, evidence: { ...form.evidence, shoeSize: 44 } })],
    ['a date that is not in the calendar', (form) => ({ ...form, applicant: { ...form.applicant, dateOfBirth: '1990-02-30' } })],
    ['an e-mail address without a domain', (form) => ({ ...form, applicant: { ...form.applicant, email: 'janis@' } })],
    ['a track of no service', (form) => ({ ...form, track: 'space-travel' })],
    ['a declaration not affirmed', (form) => ({ ...form, declarations: { ...form.declarations, consentToProcessing: false } })],
    ['no evidence', ({ evidence: _evidence, ...form }) => form],
  ];

  it.each(mistakes)('refuses %s on every track, as the API does', (_mistake, spoil) => {
    for (const [serviceId, trackId] of allTracks()) {
      expect(verdicts(serviceId, spoil(validForm(serviceId, trackId, today))), `${serviceId}/${trackId}`).toEqual({ api: false, published: false });
    }
  });

  it('keeps the formats: dates, e-mail addresses', () => {
    const { $defs } = entry('social-rehabilitation').form as { $defs: Record<string, any> };
    expect($defs.IsoDate).toMatchObject({ type: 'string', format: 'date' });
    expect($defs.Applicant.properties.dateOfBirth).toEqual({ $ref: '#/$defs/IsoDate' });
    expect($defs.Applicant.properties.email).toMatchObject({ type: 'string', format: 'email' });
  });

  it('leaves to the API what JSON Schema cannot say, and never refuses what the API accepts', () => {
    const form = validForm('vehicle-adaptation', 'paid', today) as any;
    // A check digit is a computation: the schema accepts the code, the API refuses it.
    const wrongCheckDigit = { ...form, applicant: { ...form.applicant, personalCode: '161175-19998' } };
    expect(verdicts('vehicle-adaptation', wrongCheckDigit)).toEqual({ api: false, published: true });
    // The API reads a VIN and a plate in any case; a flagless JSON Schema pattern could not, so none is published.
    const lowercase = { ...form, evidence: { ...form.evidence, vehicle: { ...form.evidence.vehicle, vin: 'wvwzzz1kzaw123456', registrationNumber: 'ka-4521' } } };
    expect(verdicts('vehicle-adaptation', lowercase)).toEqual({ api: true, published: true });
  });
});
