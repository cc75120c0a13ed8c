/**
 * Settings every HTTP function shares, read once per cold start: the trusted
 * token issuers and the regulation-dependent rules. No AWS clients here, so
 * functions that touch no table (the pre-check) stay small.
 */
import type { DraftLifetime } from './core/drafts';
import { defaultRules, type EligibilityRules } from './core/rules';
import { environmentNames, readEnvironment } from './config';
import { tunedValue } from './tunables';
import type { TrustedIssuers } from './http/auth';

const env = readEnvironment(['citizenTokenIssuer', 'workforceTokenIssuer'], ['pensionAge']);

export const rules: EligibilityRules = { ...defaultRules, pensionAge: tunedValue('pensionAge', env.pensionAge, environmentNames.pensionAge) };

export const issuers: TrustedIssuers = { citizen: env.citizenTokenIssuer, workforce: env.workforceTokenIssuer };

/**
 * How long drafts live and when their owners are reminded (docs/drafts.md): the one place these numbers are set.
 * 30 days after the last save, never more than 90 days after the draft was started; a reminder 7 days before.
 */
export const draftLifetime: DraftLifetime = { afterSaveDays: 30, afterCreationDays: 90, reminderDaysBefore: 7 };
