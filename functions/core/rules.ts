/**
 * Regulation-dependent parameters in one place (domain doc: keep them
 * configurable; regulations change). Values that change by law come from
 * configuration; the rest are named here instead of scattered as literals.
 */
export interface EligibilityRules {
  /** State pension age in years (65 from 2025). */
  readonly pensionAge: number;
  /** Working age starts at 15. */
  readonly minimumWorkingAge: number;
  /** Apply for social rehabilitation within this many months after medical rehabilitation ends. */
  readonly afterMedicalRehabilitationWindowMonths: number;
  /** Chernobyl-affected persons (not clean-up participants) qualify up to this age. */
  readonly chernobylAffectedMaximumAge: number;
  /** Dates of birth before this are taken as typing errors. */
  readonly earliestBirthDate: string;
}

export const defaultRules: EligibilityRules = {
  pensionAge: 65,
  minimumWorkingAge: 15,
  afterMedicalRehabilitationWindowMonths: 2,
  chernobylAffectedMaximumAge: 18,
  earliestBirthDate: '1900-01-01',
};
