/**
 * Who may receive social rehabilitation through a citizen's own application
 * (domain doc, service A). Pure: the date and the rules are passed in, so the
 * same function can later answer the public eligibility pre-check too.
 */
import type { Violation } from '../../schemas/messages';
import { violation } from '../../schemas/messages';
import { checkPersonalCode } from '../../schemas/personal-code';
import { socialRehabilitationTrackInfo } from '../../schemas/services';
import type { SocialRehabilitationApplication } from '../../schemas/social-rehabilitation';
import { ageOn, monthsBefore } from './dates';
import type { EligibilityRules } from './rules';

export interface EligibilityInput {
  readonly form: SocialRehabilitationApplication;
  /** The personal code of the person the application is for (already validated). */
  readonly personalCode: string;
  readonly today: string;
  readonly rules: EligibilityRules;
}

const evidencePath = (field: string) => ['evidence', field];

const notInFuture = (date: string, today: string, path: readonly PropertyKey[]): Violation[] =>
  date > today ? [violation(path, 'date_in_future')] : [];

/** Working age (15 to pension age), or above pension age while working and insured. */
const workingAgeViolations = (age: number, workingAndInsured: boolean | undefined, rules: EligibilityRules): Violation[] => {
  if (age < rules.minimumWorkingAge) {
    return [violation(['applicant', 'dateOfBirth'], 'too_young', { minimumAge: rules.minimumWorkingAge })];
  }
  if (age >= rules.pensionAge && workingAndInsured !== true) {
    return [violation(evidencePath('workingAndInsured'), 'above_pension_age', { pensionAge: rules.pensionAge })];
  }
  return [];
};

const trackViolations = (form: SocialRehabilitationApplication, age: number, today: string, rules: EligibilityRules): Violation[] => {
  switch (form.track) {
    case 'functional-impairment':
      return [
        ...workingAgeViolations(age, form.evidence.workingAndInsured, rules),
        ...notInFuture(form.evidence.selfAssessmentCompletedOn, today, evidencePath('selfAssessmentCompletedOn')),
      ];
    case 'after-medical-rehabilitation': {
      const ended = form.evidence.medicalRehabilitationEndDate;
      const windowStart = monthsBefore(today, rules.afterMedicalRehabilitationWindowMonths);
      const window =
        ended > today
          ? [violation(evidencePath('medicalRehabilitationEndDate'), 'date_in_future')]
          : ended < windowStart
            ? [
                violation(evidencePath('medicalRehabilitationEndDate'), 'medical_rehabilitation_window', {
                  months: rules.afterMedicalRehabilitationWindowMonths,
                }),
              ]
            : [];
      return [...workingAgeViolations(age, form.evidence.workingAndInsured, rules), ...window];
    }
    case 'predicted-disability':
      return [
        ...workingAgeViolations(age, form.evidence.workingAndInsured, rules),
        ...notInFuture(form.evidence.vdeavkDecisionDate, today, evidencePath('vdeavkDecisionDate')),
        ...(form.evidence.vdeavkDecisionValidUntil < today
          ? [violation(evidencePath('vdeavkDecisionValidUntil'), 'decision_expired')]
          : []),
      ];
    case 'politically-repressed':
      return [];
    case 'chernobyl':
      return form.evidence.category === 'affected-person' && age > rules.chernobylAffectedMaximumAge
        ? [violation(['applicant', 'dateOfBirth'], 'affected_person_age', { maximumAge: rules.chernobylAffectedMaximumAge })]
        : [];
    case 'soldiers-and-officers':
      return [];
  }
};

/** Every reason the application cannot be accepted; empty when it can. */
export const socialRehabilitationViolations = ({ form, personalCode, today, rules }: EligibilityInput): Violation[] => {
  if (socialRehabilitationTrackInfo[form.track].referralOnly) return [violation(['track'], 'referral_only')];

  const birthDate = form.applicant.dateOfBirth;
  if (birthDate > today) return [violation(['applicant', 'dateOfBirth'], 'date_in_future')];
  if (birthDate < rules.earliestBirthDate) return [violation(['applicant', 'dateOfBirth'], 'date_out_of_range')];

  const code = checkPersonalCode(personalCode);
  if (code.valid && code.format === 'old' && code.birthDate !== birthDate) {
    return [violation(['applicant', 'dateOfBirth'], 'birth_date_mismatch')];
  }

  return trackViolations(form, ageOn(birthDate, today), today, rules);
};
