/**
 * The fuzz suite's own statement of who may have each service, written from
 * docs/domain.md (services A–G) and docs/eligibility-boundaries.md, as a
 * table: one row per track, each rule a plain record. It deliberately imports
 * nothing of functions/core: it is the oracle the handlers are judged
 * against, so a mistake in the code cannot hide by being copied here.
 */

/** Who files a track (docs/domain.md: the track decides who may file). */
export type Filer = 'citizen' | 'social-service' | 'nva' | 'medical-institution' | 'armed-forces';

/** Figures from docs/domain.md; the suite checks the published catalogue quotes the same pension age. */
export const figures = { minimumWorkingAge: 15, adultAge: 18, pensionAge: 65, chernobylAffectedMaximumAge: 18, earliestBirthDate: '1900-01-01' } as const;

type Evidence = Readonly<Record<string, unknown>>;
/** A rule applies only when the evidence holds these values. */
type When = Readonly<Record<string, unknown>>;

export type Rule =
  /** 15 up to the pension age; above it only while working and paying social insurance (`workingAndInsured: true`). */
  | { readonly rule: 'working age'; readonly noUpperLimitWhen?: When }
  | { readonly rule: 'younger than'; readonly years: number }
  | { readonly rule: 'at least'; readonly years: number }
  | { readonly rule: 'at most'; readonly years: number; readonly when: When }
  /** A date in the evidence (a path into it) that may not be after today. */
  | { readonly rule: 'not in the future'; readonly field: readonly string[] }
  /** A date, required, not after today and at most `months` calendar months before it. */
  | { readonly rule: 'within months'; readonly field: string; readonly months: number; readonly when?: When; readonly optional?: true }
  | { readonly rule: 'not expired'; readonly field: string }
  | { readonly rule: 'not before'; readonly field: string; readonly other: string }
  | { readonly rule: 'is'; readonly field: string; readonly value: unknown }
  | { readonly rule: 'is not'; readonly field: string; readonly value: unknown }
  | { readonly rule: 'owner consents' }
  | { readonly rule: 'education at least'; readonly level: 'basic' | 'secondary' }
  /** Vocational rehabilitation: a completed suitability assessment first, except interpreters and paid studies. */
  | { readonly rule: 'suitability first' };

export interface TrackRow {
  readonly filedBy: readonly Filer[];
  readonly rules: readonly Rule[];
}

const socialRehabilitationFilers: Filer[] = ['citizen', 'social-service'];
const predicted: Rule[] = [
  { rule: 'working age' },
  { rule: 'not in the future', field: ['vdeavkDecisionDate'] },
  { rule: 'not expired', field: 'vdeavkDecisionValidUntil' },
];
const study = (level: 'basic' | 'secondary'): TrackRow => ({
  filedBy: ['citizen'],
  rules: [
    { rule: 'working age', noUpperLimitWhen: { funding: 'paid' } },
    { rule: 'education at least', level },
    { rule: 'suitability first' },
    { rule: 'within months', field: 'gpOpinionDate', months: 1, optional: true },
  ],
});

export const eligibilityTable: Readonly<Record<string, Readonly<Record<string, TrackRow>>>> = {
  'social-rehabilitation': {
    'functional-impairment': { filedBy: socialRehabilitationFilers, rules: [{ rule: 'working age' }, { rule: 'not in the future', field: ['selfAssessmentCompletedOn'] }] },
    'after-medical-rehabilitation': {
      filedBy: socialRehabilitationFilers,
      rules: [{ rule: 'working age' }, { rule: 'within months', field: 'medicalRehabilitationEndDate', months: 2 }],
    },
    'predicted-disability': { filedBy: socialRehabilitationFilers, rules: predicted },
    'politically-repressed': { filedBy: socialRehabilitationFilers, rules: [] },
    chernobyl: { filedBy: socialRehabilitationFilers, rules: [{ rule: 'at most', years: figures.chernobylAffectedMaximumAge, when: { category: 'affected-person' } }] },
    'soldiers-and-officers': {
      filedBy: ['armed-forces'],
      rules: [{ rule: 'within months', field: 'returnDate', months: 3, when: { serviceStatus: 'soldier-after-international-operation' } }],
    },
  },
  'vocational-suitability': {
    disability: { filedBy: ['citizen'], rules: [{ rule: 'working age' }] },
    'predicted-disability': { filedBy: ['citizen'], rules: predicted },
    'mental-disorder': { filedBy: ['citizen'], rules: [{ rule: 'working age' }, { rule: 'not in the future', field: ['statementDate'] }] },
    'unemployed-nva': { filedBy: ['nva'], rules: [{ rule: 'working age' }, { rule: 'not in the future', field: ['unemployedSince'] }] },
  },
  'vocational-rehabilitation': { 'vocational-school': study('basic'), college: study('secondary') },
  'driving-training': {
    'category-b': {
      filedBy: ['citizen'],
      rules: [
        { rule: 'is', field: 'noMedicalContraindication', value: true },
        { rule: 'not in the future', field: ['medicalCertificateDate'] },
      ],
    },
  },
  'vehicle-adaptation': {
    'state-funded': {
      filedBy: ['citizen'],
      rules: [{ rule: 'not in the future', field: ['vdeavkCertificateDate'] }, { rule: 'is not', field: 'disabilityGroup', value: 'none' }, { rule: 'owner consents' }],
    },
    paid: { filedBy: ['citizen'], rules: [{ rule: 'owner consents' }] },
  },
  'early-intervention': {
    'after-acute-event': {
      filedBy: ['citizen', 'medical-institution'],
      rules: [
        { rule: 'working age' },
        { rule: 'within months', field: 'acuteEventDate', months: 6 },
        { rule: 'not in the future', field: ['medicalRehabilitationEndDate'] },
        { rule: 'not before', field: 'medicalRehabilitationEndDate', other: 'acuteEventDate' },
      ],
    },
  },
  'coordinated-services': {
    'addiction-children': { filedBy: ['social-service'], rules: [{ rule: 'younger than', years: figures.adultAge }] },
    'addiction-adults': { filedBy: ['social-service'], rules: [{ rule: 'at least', years: figures.adultAge }] },
    'trafficking-victims': { filedBy: ['social-service'], rules: [] },
    'long-term-care-children': { filedBy: ['social-service'], rules: [{ rule: 'younger than', years: figures.adultAge }] },
    'long-term-care-mental-disorders': { filedBy: ['social-service'], rules: [{ rule: 'at least', years: figures.adultAge }] },
    'long-term-care-blind-adults': { filedBy: ['social-service'], rules: [{ rule: 'at least', years: figures.adultAge }] },
  },
};

// ─── Calendar arithmetic of the oracle's own (docs/eligibility-boundaries.md) ───

const partsOf = (date: string) => date.split('-').map(Number) as [number, number, number];
const isoOf = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const daysInMonth = (year: number, month: number) => [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;

/** Whole years from `birth` to `on`: a year is full on the same month and day (born 29 February: on 1 March in a common year). */
export const fullYears = (birth: string, on: string): number => {
  const [by, bm, bd] = partsOf(birth);
  const [y, m, d] = partsOf(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/** The same day `months` later; the month's last day when it has no such day (31 August + 6 months: 28/29 February). */
export const sameDayMonthsLater = (date: string, months: number): string => {
  const [y, m, d] = partsOf(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
};

// ─── The judge ───

const holds = (evidence: Evidence, when: When | undefined) => !when || Object.entries(when).every(([field, value]) => evidence[field] === value);
const at = (evidence: Evidence, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), evidence);
const educationOrder = ['none', 'basic', 'secondary', 'higher'];

export interface Form {
  readonly serviceId: string;
  readonly track: string;
  readonly applicant: { readonly dateOfBirth: string };
  readonly evidence: Evidence;
}

/** The rules a form breaks when `filer` files it on `today` (empty: it must be accepted). */
export const brokenRules = (form: Form, filer: Filer, today: string): string[] => {
  const row = eligibilityTable[form.serviceId]?.[form.track];
  if (!row) return ['unknown track'];
  const broken: string[] = [];
  if (!row.filedBy.includes(filer)) broken.push(`${filer} may not file`);
  const birth = form.applicant.dateOfBirth;
  if (birth > today) return [...broken, 'born in the future'];
  if (birth < figures.earliestBirthDate) return [...broken, `born before ${figures.earliestBirthDate}`];
  const age = fullYears(birth, today);
  const { evidence } = form;
  for (const rule of row.rules) {
    const fail = (why: string) => broken.push(`${rule.rule}: ${why}`);
    switch (rule.rule) {
      case 'working age':
        if (age < figures.minimumWorkingAge) fail(`${age} < ${figures.minimumWorkingAge}`);
        else if (age >= figures.pensionAge && !(rule.noUpperLimitWhen && holds(evidence, rule.noUpperLimitWhen)) && evidence.workingAndInsured !== true) {
          fail(`${age} ≥ pension age ${figures.pensionAge} and not working and insured`);
        }
        break;
      case 'younger than':
        if (age >= rule.years) fail(`${age}`);
        break;
      case 'at least':
        if (age < rule.years) fail(`${age}`);
        break;
      case 'at most':
        if (holds(evidence, rule.when) && age > rule.years) fail(`${age}`);
        break;
      case 'not in the future': {
        const date = at(evidence, rule.field);
        if (typeof date === 'string' && date > today) fail(rule.field.join('.'));
        break;
      }
      case 'within months': {
        if (!holds(evidence, rule.when)) break;
        const date = evidence[rule.field];
        if (typeof date !== 'string') {
          if (!rule.optional) fail(`${rule.field} missing`);
        } else if (date > today) fail(`${rule.field} in the future`);
        else if (sameDayMonthsLater(date, rule.months) < today) fail(`${rule.field} more than ${rule.months} months ago`);
        break;
      }
      case 'not expired': {
        const until = evidence[rule.field];
        if (typeof until === 'string' && until < today) fail(rule.field);
        break;
      }
      case 'not before': {
        const date = evidence[rule.field];
        const other = evidence[rule.other];
        if (typeof date === 'string' && typeof other === 'string' && date <= today && date < other) fail(`${rule.field} < ${rule.other}`);
        break;
      }
      case 'is':
        if (evidence[rule.field] !== rule.value) fail(rule.field);
        break;
      case 'is not':
        if (evidence[rule.field] === rule.value) fail(rule.field);
        break;
      case 'owner consents':
        if (evidence.ownership === 'not-owner' && evidence.ownerConsent === undefined) fail('no consent');
        break;
      case 'education at least':
        if (educationOrder.indexOf(String(evidence.educationLevel)) < educationOrder.indexOf(rule.level)) fail(String(evidence.educationLevel));
        break;
      case 'suitability first': {
        const assessment = evidence.suitabilityAssessment as { status?: string; reason?: string; completedOn?: string } | undefined;
        if (assessment?.status === 'completed') {
          if (assessment.completedOn !== undefined && assessment.completedOn > today) fail('completed in the future');
        } else {
          const exempt = assessment?.reason === 'paid-studies' ? evidence.funding === 'paid' : evidence.programmeCode === 'surdotulks';
          if (!exempt) fail('no assessment and no exemption');
        }
        break;
      }
    }
  }
  return broken;
};
