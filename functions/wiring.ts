/**
 * Dependencies of the citizen-facing handlers, built once per cold start from
 * the checked environment. Handlers import what they need from here.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationDeps } from './core/applications';
import { defaultRules, type EligibilityRules } from './core/rules';
import { createApplicationRepository } from './adapters/application-repository';
import { createDocumentClient } from './adapters/dynamo';
import { readEnvironment } from './config';
import type { TrustedIssuers } from './http/auth';

const env = readEnvironment(['tableName', 'citizenTokenIssuer', 'workforceTokenIssuer'], ['pensionAge']);

const pensionAge = (value: string | undefined): number => {
  if (value === undefined) return defaultRules.pensionAge;
  const years = Number(value);
  if (!Number.isInteger(years) || years < 50 || years > 80) throw new Error('PENSION_AGE must be a whole number of years');
  return years;
};

export const rules: EligibilityRules = { ...defaultRules, pensionAge: pensionAge(env.pensionAge) };

export const issuers: TrustedIssuers = { citizen: env.citizenTokenIssuer, workforce: env.workforceTokenIssuer };

export const documentClient = createDocumentClient();
export const tableName = env.tableName;

export const applicationDeps: ApplicationDeps = {
  store: createApplicationRepository(documentClient, env.tableName),
  clock: () => new Date(),
  newId: randomUUID,
  rules,
  referencePrefix: 'SIVA',
};
