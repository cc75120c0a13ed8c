/**
 * Does the API accept exactly the forms the rules allow? Starting from a valid
 * form of every track (22), the fuzz moves the date of birth and the evidence
 * dates onto and around every boundary the rules name (ages 15, 18 and the
 * pension age, the 1/2/3/6-month windows, today, 29 February, month ends),
 * files each form as the person or as the referring officer, and judges the
 * answer by an oracle that shares no code with the handlers: the JSON Schema
 * the API publishes (GET /openapi.json) through Ajv, and the rules written as
 * a table (support/eligibility-table.ts). Any disagreement fails with the
 * smallest form fast-check can shrink it to.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { uniquePersonalCode } from '../support/fixtures';
import { allTracks, referralOf, validForm } from '../support/service-forms';
import { brokenRules, eligibilityTable, figures, fullYears, sameDayMonthsLater, type Filer, type Form } from './support/eligibility-table';
import { publishedContract, type Validate } from './support/published-contract';
import { freshIdentity, send, type Answer } from './support/requests';
import { fuzzParameters, fuzzRuns, testTimeout } from './support/runs';
import { routeFor } from './support/world';

let validSubmission: Validate;
let validReferral: Validate;

beforeAll(async () => {
  const published = await send(routeFor('GET /openapi.json'), freshIdentity('citizen'));
  expect(published.status).toBe(200);
  const contract = publishedContract(published.json);
  validSubmission = contract.named('ApplicationSubmission');
  validReferral = contract.named('ReferralSubmission');
  expect([typeof validSubmission, typeof validReferral]).toEqual(['function', 'function']);
});

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Which route a filer uses, and the body it sends for a form. */
const filing = (filer: Filer, form: Form, today: string) =>
  filer === 'citizen'
    ? { route: 'POST /applications', body: form, valid: () => validSubmission(form) }
    : (() => {
        const body = referralOf(form as never, uniquePersonalCode(), today);
        return { route: 'POST /referrals', body, valid: () => validReferral(body) };
      })();

const file = (filer: Filer, form: Form, today: string) => {
  const { route, body, valid } = filing(filer, form, today);
  const identity = freshIdentity(filer);
  return { schemaValid: valid(), answer: send(routeFor(route), identity, { body: JSON.stringify(body) }) };
};

/** What the oracle expects: 400 for a body the published schema refuses, 422 for one the rules refuse, else 201. */
const expectedStatus = (schemaValid: boolean, broken: readonly string[]) => (!schemaValid ? 400 : broken.length > 0 ? 422 : 201);

const reasonsOf = (answer: Answer) =>
  ((answer.json as { errors?: { pointer?: string; code?: string }[] } | undefined)?.errors ?? []).map(({ pointer, code }) => `${pointer} ${code}`);

const tracks = allTracks();
/** Forms per run: 300 by default (seconds), FUZZ_RUNS when set (`npm run fuzz`: 10 000). */
const runs = process.env.FUZZ_RUNS ? fuzzRuns : 300;

describe('the oracle', () => {
  it('has a row for every track the API publishes, and the bases are valid forms of all 22', () => {
    expect(tracks.map(([serviceId, track]) => `${serviceId}/${track}`).sort()).toEqual(
      Object.entries(eligibilityTable).flatMap(([serviceId, rows]) => Object.keys(rows).map((track) => `${serviceId}/${track}`)).sort(),
    );
    expect(tracks).toHaveLength(22);
  });

  it('accepts the valid form of every track, filed by each who may file it, as the API does', async () => {
    const today = rigaDate(new Date());
    for (const [serviceId, track] of tracks) {
      for (const filer of eligibilityTable[serviceId]![track]!.filedBy) {
        const form = validForm(serviceId, track, today);
        const { schemaValid, answer } = file(filer, form, today);
        const got = await answer;
        expect([schemaValid, brokenRules(form, filer, today)], `${serviceId}/${track} by ${filer}`).toEqual([true, []]);
        expect(got.status, `${serviceId}/${track} by ${filer}: ${got.text.slice(0, 400)}`).toBe(201);
      }
    }
  }, 120_000);
});

// ─── Boundaries ───

const leapDays = (fromYear: number, toYear: number) =>
  Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index)
    .filter((year) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))
    .map((year) => `${year}-02-29`);

/** Birth dates on and around every age the rules name, 29 February births near them, and the range's ends. */
const birthDates = (today: string) => {
  const year = Number(today.slice(0, 4));
  const ages = [figures.minimumWorkingAge, figures.adultAge, figures.chernobylAffectedMaximumAge + 1, figures.pensionAge];
  return fc.oneof(
    fc.tuple(fc.constantFrom(...ages), fc.integer({ min: -2, max: 2 })).map(([age, shift]) => addDays(sameDayMonthsLater(today, -12 * age), shift)),
    fc.constantFrom(...ages.flatMap((age) => leapDays(year - age - 4, year - age + 4))),
    fc.constantFrom(today, addDays(today, 1), addDays(today, -1), figures.earliestBirthDate, addDays(figures.earliestBirthDate, -1)),
    fc.integer({ min: 0, max: 110 * 366 }).map((days) => addDays(today, -days)),
  );
};

/** Evidence dates on and around the window edges, at month ends, today and tomorrow, and 29 February. */
const evidenceDates = (today: string) => {
  const year = Number(today.slice(0, 4));
  const windows = [1, 2, 3, 6];
  return fc.oneof(
    fc.tuple(fc.constantFrom(...windows), fc.integer({ min: -2, max: 2 })).map(([months, shift]) => addDays(sameDayMonthsLater(today, -months), shift)),
    // The 28th to the 31st of the month a window began in: where "the same day N months later" is clamped.
    fc.tuple(fc.constantFrom(...windows), fc.integer({ min: 28, max: 31 })).map(([months, day]) => {
      const start = sameDayMonthsLater(today, -months).slice(0, 8);
      const date = `${start}${String(day).padStart(2, '0')}`;
      return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date ? `${start}28` : date;
    }),
    fc.constantFrom(today, addDays(today, 1), addDays(today, -1), ...leapDays(year - 4, year + 4)),
    fc.integer({ min: -400, max: 400 }).map((days) => addDays(today, -days)),
  );
};

/** Paths of the ISO dates inside a track's valid evidence (one level of nesting: the suitability assessment). */
const datePaths = (evidence: Record<string, unknown>): string[][] =>
  Object.entries(evidence).flatMap(([key, value]) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? [[key]]
      : value && typeof value === 'object' && !Array.isArray(value)
        ? datePaths(value as Record<string, unknown>).map((path) => [key, ...path])
        : [],
  );

const withValue = (object: Record<string, unknown>, [key, ...rest]: string[], value: unknown): Record<string, unknown> =>
  rest.length === 0 ? { ...object, [key!]: value } : { ...object, [key!]: withValue(object[key!] as Record<string, unknown>, rest, value) };

/** Facts that switch a rule on or off: above pension age at work, a Chernobyl-affected child, paid studies, a soldier's status. */
const switches = fc.record(
  {
    workingAndInsured: fc.boolean(),
    category: fc.constantFrom('clean-up-participant', 'affected-person'),
    funding: fc.constantFrom('state', 'paid'),
    serviceStatus: fc.constantFrom('soldier-after-international-operation', 'home-guard'),
  },
  { requiredKeys: [] },
);

const cases = (today: string) =>
  fc
    .constantFrom(...tracks)
    .chain(([serviceId, track]) => {
      const base = validForm(serviceId, track, today) as unknown as Form;
      const paths = datePaths(base.evidence as Record<string, unknown>);
      const row = eligibilityTable[serviceId]![track]!;
      return fc.record({
        serviceId: fc.constant(serviceId),
        track: fc.constant(track),
        // Mostly someone who may file it; sometimes the person on a track only an officer may file.
        filer: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...row.filedBy) }, { weight: 1, arbitrary: fc.constant<Filer>('citizen') }),
        dateOfBirth: fc.option(birthDates(today), { nil: undefined, freq: 4 }),
        dates: fc.array(fc.tuple(fc.constantFrom(...(paths.length > 0 ? paths : [['none']])), evidenceDates(today)), { maxLength: paths.length > 0 ? 3 : 0 }),
        switched: fc.option(switches, { nil: undefined, freq: 2 }),
      });
    })
    .map(({ serviceId, track, filer, dateOfBirth, dates, switched }) => {
      const base = validForm(serviceId, track, today) as unknown as Form;
      const evidence = dates.reduce((changed, [path, date]) => withValue(changed, path, date), { ...base.evidence, ...switched } as Record<string, unknown>);
      const form: Form = { ...base, applicant: { ...base.applicant, ...(dateOfBirth && { dateOfBirth }) }, evidence };
      return { filer, form };
    });

describe('filing forms at the rules’ boundaries', () => {
  it(
    `${runs} forms of all 22 tracks: 201 exactly when the published schema and the rules table allow it, else 400 or 422`,
    async () => {
      const today = rigaDate(new Date());
      const ages = new Set<number>();
      const outcomes = new Map<number, number>();
      const property = fc.asyncProperty(cases(today), async ({ filer, form }) => {
        const { schemaValid, answer } = file(filer, form, today);
        const got = await answer;
        // The day changed in Riga while the form was filed: the rules of two different days met; nothing to judge.
        if (rigaDate(new Date()) !== today) return;
        const broken = schemaValid ? brokenRules(form, filer, today) : [];
        const expected = expectedStatus(schemaValid, broken);
        ages.add(fullYears(form.applicant.dateOfBirth, today));
        outcomes.set(got.status, (outcomes.get(got.status) ?? 0) + 1);
        if (got.status !== expected) {
          throw new Error(
            `expected ${expected} (${schemaValid ? `rules broken: ${broken.join('; ') || 'none'}` : 'the published schema refuses it'}), ` +
              `got ${got.status} (${reasonsOf(got).join('; ') || got.text.slice(0, 200)}) for ${filer} on ${today}`,
          );
        }
      });
      await fc.assert(property, fuzzParameters(runs));
      // The generator reached both sides of the boundaries it is for.
      for (const age of [figures.minimumWorkingAge - 1, figures.minimumWorkingAge, figures.adultAge - 1, figures.adultAge, figures.pensionAge - 1, figures.pensionAge]) {
        expect(ages, `an applicant aged ${age}`).toContain(age);
      }
      expect([...outcomes.keys()].sort()).toEqual(expect.arrayContaining([201, 400, 422]));
    },
    testTimeout(runs),
  );
});
