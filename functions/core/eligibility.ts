/**
 * Who may receive each service, track by track (docs/domain.md, services A–G).
 * One set of rules serves both the public pre-check, which knows only some
 * facts, and a submission, which knows them all: so the two cannot disagree.
 * Pure: the date and the rules are passed in.
 */
import { violation, type MessageCode, type Path, type Violation } from '../../schemas/messages';
import { checkPersonalCode } from '../../schemas/personal-code';
import { trackInfo, type FiledBy, type ServiceId } from '../../schemas/services';
import { ageOn, monthsAfter } from './dates';
import type { EligibilityRules } from './rules';

/** What is known about the person: a whole form on submission, some answers in a pre-check. */
export interface Facts {
  readonly dateOfBirth?: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface Assessment {
  /** Rules the facts break. */
  readonly violations: Violation[];
  /** Facts a rule needs that were not given (pre-check only: a form always has them). */
  readonly missing: Path[];
}

interface RuleContext {
  readonly today: string;
  readonly rules: EligibilityRules;
  /** A submitted form: an absent optional fact means "no", not "unknown". */
  readonly complete: boolean;
  readonly facts: Facts;
  readonly result: Assessment;
}

const evidencePath = (field: string): Path => ['evidence', field];
const birthPath: Path = ['applicant', 'dateOfBirth'];

const fail = (context: RuleContext, path: Path, code: MessageCode, params?: Record<string, string | number>) =>
  context.result.violations.push(violation(path, code, params));

const evidenceValue = <T>(context: RuleContext, field: string): T | undefined => context.facts.evidence[field] as T | undefined;

/** Age today, or undefined (noted as missing) when the pre-check was not told the date of birth. */
const age = (context: RuleContext): number | undefined => {
  if (context.facts.dateOfBirth === undefined) {
    context.result.missing.push(birthPath);
    return undefined;
  }
  return ageOn(context.facts.dateOfBirth, context.today);
};

const notInFuture = (context: RuleContext, field: string) => {
  const date = evidenceValue<string>(context, field);
  if (date !== undefined && date > context.today) fail(context, evidencePath(field), 'date_in_future');
};

/** Working age (15 to pension age), or above pension age while working and paying social insurance. */
const workingAge = (context: RuleContext, { upperLimit = true } = {}) => {
  const years = age(context);
  if (years === undefined) return;
  const { rules } = context;
  if (years < rules.minimumWorkingAge) return fail(context, birthPath, 'too_young', { minimumAge: rules.minimumWorkingAge });
  if (!upperLimit || years < rules.pensionAge) return;
  const working = evidenceValue<boolean>(context, 'workingAndInsured');
  if (working === true) return;
  if (working === undefined && !context.complete) return void context.result.missing.push(evidencePath('workingAndInsured'));
  fail(context, evidencePath('workingAndInsured'), 'above_pension_age', { pensionAge: rules.pensionAge });
};

/**
 * Whether today is past the last day of a window of `months` from `date`. The window closes on the same day of
 * the month (the month's last day when it has none), the day shown as "closes on": counting back from today
 * instead would stretch a window from 28 February or 30 April to the end of the closing month.
 */
const pastWindow = (date: string, months: number, today: string) => monthsAfter(date, months) < today;

/** A date that must fall within `months` before today (and not after it). */
const withinMonths = (context: RuleContext, field: string, months: number, code: MessageCode) => {
  const date = evidenceValue<string>(context, field);
  if (date === undefined) return void context.result.missing.push(evidencePath(field));
  if (date > context.today) return fail(context, evidencePath(field), 'date_in_future');
  if (pastWindow(date, months, context.today)) fail(context, evidencePath(field), code, { months });
};

const stillValid = (context: RuleContext, field: string, code: MessageCode) => {
  const until = evidenceValue<string>(context, field);
  if (until !== undefined && until < context.today) fail(context, evidencePath(field), code);
};

const childOnly = (context: RuleContext) => {
  const years = age(context);
  if (years !== undefined && years >= context.rules.adultAge) fail(context, birthPath, 'child_only', { adultAge: context.rules.adultAge });
};

const adultOnly = (context: RuleContext) => {
  const years = age(context);
  if (years !== undefined && years < context.rules.adultAge) fail(context, birthPath, 'adult_only', { adultAge: context.rules.adultAge });
};

const ownerConsent = (context: RuleContext) => {
  if (evidenceValue(context, 'ownership') === 'not-owner' && evidenceValue(context, 'ownerConsent') === undefined) {
    fail(context, evidencePath('ownerConsent'), 'owner_consent_required');
  }
};

const educationRank = { none: 0, basic: 1, secondary: 2, higher: 3 } as const;
type EducationLevel = keyof typeof educationRank;

const vocationalStudy = (requiredLevel: EducationLevel) => (context: RuleContext) => {
  const funding = evidenceValue<'state' | 'paid'>(context, 'funding');
  workingAge(context, { upperLimit: funding !== 'paid' });
  const level = evidenceValue<EducationLevel>(context, 'educationLevel');
  if (level === undefined) context.result.missing.push(evidencePath('educationLevel'));
  else if (educationRank[level] < educationRank[requiredLevel]) {
    fail(context, evidencePath('educationLevel'), 'education_prerequisite', { required: requiredLevel });
  }

  const assessment = evidenceValue<{ status: string; reason?: string; completedOn?: string }>(context, 'suitabilityAssessment');
  if (assessment === undefined) context.result.missing.push(evidencePath('suitabilityAssessment'));
  else if (assessment.status === 'completed') {
    if (assessment.completedOn && assessment.completedOn > context.today) {
      fail(context, [...evidencePath('suitabilityAssessment'), 'completedOn'], 'date_in_future');
    }
  } else {
    const programme = evidenceValue<string>(context, 'programmeCode');
    const exempt =
      assessment.reason === 'paid-studies'
        ? funding === 'paid'
        : programme !== undefined && context.rules.suitabilityExemptProgrammes.includes(programme);
    if (!exempt) fail(context, [...evidencePath('suitabilityAssessment'), 'reason'], 'suitability_exemption_not_applicable');
  }

  const gpOpinion = evidenceValue<string>(context, 'gpOpinionDate');
  if (gpOpinion !== undefined) {
    if (gpOpinion > context.today) fail(context, evidencePath('gpOpinionDate'), 'date_in_future');
    else if (pastWindow(gpOpinion, context.rules.gpOpinionMaxAgeMonths, context.today)) {
      fail(context, evidencePath('gpOpinionDate'), 'gp_opinion_too_old', { months: context.rules.gpOpinionMaxAgeMonths });
    }
  }
};

type TrackRule = (context: RuleContext) => void;

/** Every track's rules, by service: the compiler insists each track of the registry has an entry. */
const trackRules: { [S in ServiceId]: Record<string, TrackRule> } = {
  'social-rehabilitation': {
    'functional-impairment': (c) => {
      workingAge(c);
      notInFuture(c, 'selfAssessmentCompletedOn');
    },
    'after-medical-rehabilitation': (c) => {
      workingAge(c);
      withinMonths(c, 'medicalRehabilitationEndDate', c.rules.afterMedicalRehabilitationWindowMonths, 'medical_rehabilitation_window');
    },
    'predicted-disability': (c) => {
      workingAge(c);
      notInFuture(c, 'vdeavkDecisionDate');
      stillValid(c, 'vdeavkDecisionValidUntil', 'decision_expired');
    },
    'politically-repressed': () => {},
    chernobyl: (c) => {
      if (evidenceValue(c, 'category') !== 'affected-person') return;
      const years = age(c);
      if (years !== undefined && years > c.rules.chernobylAffectedMaximumAge) {
        fail(c, birthPath, 'affected_person_age', { maximumAge: c.rules.chernobylAffectedMaximumAge });
      }
    },
    'soldiers-and-officers': (c) => {
      if (evidenceValue(c, 'serviceStatus') !== 'soldier-after-international-operation') return;
      withinMonths(c, 'returnDate', c.rules.soldierReturnWindowMonths, 'soldier_return_window');
    },
  },
  'vocational-suitability': {
    disability: (c) => workingAge(c),
    'predicted-disability': (c) => {
      workingAge(c);
      notInFuture(c, 'vdeavkDecisionDate');
      stillValid(c, 'vdeavkDecisionValidUntil', 'decision_expired');
    },
    'mental-disorder': (c) => {
      workingAge(c);
      notInFuture(c, 'statementDate');
    },
    'unemployed-nva': (c) => {
      workingAge(c);
      notInFuture(c, 'unemployedSince');
    },
  },
  'vocational-rehabilitation': {
    'vocational-school': vocationalStudy('basic'),
    college: vocationalStudy('secondary'),
  },
  'driving-training': {
    'category-b': (c) => {
      if (evidenceValue(c, 'vocationalRehabilitationReference') === undefined) {
        c.result.missing.push(evidencePath('vocationalRehabilitationReference'));
      }
      const fit = evidenceValue<boolean>(c, 'noMedicalContraindication');
      if (fit === undefined) c.result.missing.push(evidencePath('noMedicalContraindication'));
      else if (!fit) fail(c, evidencePath('noMedicalContraindication'), 'medical_contraindication');
      notInFuture(c, 'medicalCertificateDate');
    },
  },
  'vehicle-adaptation': {
    'state-funded': (c) => {
      if (evidenceValue(c, 'vdeavkCertificateNumber') === undefined) c.result.missing.push(evidencePath('vdeavkCertificateNumber'));
      notInFuture(c, 'vdeavkCertificateDate');
      const group = evidenceValue<string>(c, 'disabilityGroup');
      if (group === undefined) c.result.missing.push(evidencePath('disabilityGroup'));
      else if (group === 'none') fail(c, evidencePath('disabilityGroup'), 'disability_required');
      ownerConsent(c);
    },
    paid: ownerConsent,
  },
  'early-intervention': {
    'after-acute-event': (c) => {
      workingAge(c);
      withinMonths(c, 'acuteEventDate', c.rules.earlyInterventionWindowMonths, 'early_intervention_window');
      const acute = evidenceValue<string>(c, 'acuteEventDate');
      const ended = evidenceValue<string>(c, 'medicalRehabilitationEndDate');
      if (ended === undefined) return;
      if (ended > c.today) fail(c, evidencePath('medicalRehabilitationEndDate'), 'date_in_future');
      else if (acute !== undefined && ended < acute) fail(c, evidencePath('medicalRehabilitationEndDate'), 'date_before_acute_event');
    },
  },
  'coordinated-services': {
    'addiction-children': childOnly,
    'addiction-adults': adultOnly,
    'trafficking-victims': () => {},
    'long-term-care-children': childOnly,
    'long-term-care-mental-disorders': adultOnly,
    'long-term-care-blind-adults': adultOnly,
  },
};

const birthDateViolations = (dateOfBirth: string, today: string, rules: EligibilityRules): Violation[] => {
  if (dateOfBirth > today) return [violation(birthPath, 'date_in_future')];
  if (dateOfBirth < rules.earliestBirthDate) return [violation(birthPath, 'date_out_of_range')];
  return [];
};

export interface AssessInput {
  readonly serviceId: ServiceId;
  readonly track: string;
  readonly facts: Facts;
  /** Who files: `undefined` for the public pre-check, which only says who may. */
  readonly filer?: FiledBy;
  readonly today: string;
  readonly rules: EligibilityRules;
  readonly complete: boolean;
}

/** Applies one track's rules to what is known. */
export const assessTrack = ({ serviceId, track, facts, filer, today, rules, complete }: AssessInput): Assessment => {
  const result: Assessment = { violations: [], missing: [] };
  const info = trackInfo(serviceId, track);
  const rule = trackRules[serviceId][track];
  if (!info || !rule) return { violations: [violation(['track'], 'unknown_track')], missing: [] };

  const mayFile = filer === undefined ? info.filedBy.includes('citizen') : info.filedBy.includes(filer);
  if (!mayFile) {
    result.violations.push(violation(['track'], filer === undefined || filer === 'citizen' ? 'referral_only' : 'not_referable'));
  }
  if (facts.dateOfBirth !== undefined) {
    const dateProblems = birthDateViolations(facts.dateOfBirth, today, rules);
    if (dateProblems.length > 0) return { violations: [...result.violations, ...dateProblems], missing: [] };
  }
  rule({ today, rules, complete, facts, result });
  return result;
};

export interface FormInput {
  readonly serviceId: ServiceId;
  readonly track: string;
  readonly applicant: { readonly dateOfBirth: string };
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** Every reason a submitted form cannot be accepted; empty when it can. */
export const formViolations = (
  form: FormInput,
  { personalCode, filer, today, rules }: { personalCode: string; filer: FiledBy; today: string; rules: EligibilityRules },
): Violation[] => {
  const code = checkPersonalCode(personalCode);
  if (code.valid && code.format === 'old' && code.birthDate !== form.applicant.dateOfBirth) {
    return [violation(birthPath, 'birth_date_mismatch')];
  }
  const { violations, missing } = assessTrack({
    serviceId: form.serviceId,
    track: form.track,
    facts: { dateOfBirth: form.applicant.dateOfBirth, evidence: form.evidence },
    filer,
    today,
    rules,
    complete: true,
  });
  // A complete form lacks a needed fact only where the schema made it optional (a return date, say): then it is required.
  return [...violations, ...missing.map((path) => violation(path, 'required'))];
};

/** The last day of the early-intervention window, shown to applicant and staff. */
export const earlyInterventionWindowClosesOn = (acuteEventDate: string, rules: EligibilityRules): string =>
  monthsAfter(acuteEventDate, rules.earlyInterventionWindowMonths);
