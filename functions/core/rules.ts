/**
 * Regulation-dependent parameters in one place (docs/domain.md: keep them
 * configurable; regulations change). Values that change by law come from
 * configuration; the rest are named here instead of scattered as literals.
 */
import { tunables } from '../tunables';

export interface EligibilityRules {
  /** State pension age in years (65 from 2025). */
  readonly pensionAge: number;
  /** Working age starts at 15. */
  readonly minimumWorkingAge: number;
  /** Coordinated services split children from adults at this age. */
  readonly adultAge: number;
  /** Apply for social rehabilitation within this many months after medical rehabilitation ends. */
  readonly afterMedicalRehabilitationWindowMonths: number;
  /** Chernobyl-affected persons (not clean-up participants) qualify up to this age. */
  readonly chernobylAffectedMaximumAge: number;
  /** Soldiers apply within this many months of returning from an international operation. */
  readonly soldierReturnWindowMonths: number;
  /** Early intervention is for the months right after the acute event. */
  readonly earlyInterventionWindowMonths: number;
  /** A GP's opinion for vocational rehabilitation may be at most this many months old. */
  readonly gpOpinionMaxAgeMonths: number;
  /** Programmes that need no suitability assessment first (the sign-language interpreter programme). */
  readonly suitabilityExemptProgrammes: readonly string[];
  /** Vehicle adaptation co-payment in euro cents, unless exempt (EUR 7.11). */
  readonly vehicleAdaptationCoPaymentCents: number;
  /** Vehicle adaptation is carried out within this many working days. */
  readonly vehicleAdaptationWorkingDays: number;
  /** Dates of birth before this are taken as typing errors. */
  readonly earliestBirthDate: string;
}

export const defaultRules: EligibilityRules = {
  pensionAge: tunables.pensionAge.default,
  minimumWorkingAge: 15,
  adultAge: 18,
  afterMedicalRehabilitationWindowMonths: 2,
  chernobylAffectedMaximumAge: 18,
  soldierReturnWindowMonths: 3,
  earlyInterventionWindowMonths: 6,
  gpOpinionMaxAgeMonths: 1,
  suitabilityExemptProgrammes: ['surdotulks'],
  vehicleAdaptationCoPaymentCents: 711,
  vehicleAdaptationWorkingDays: 10,
  earliestBirthDate: '1900-01-01',
};
