/**
 * Filing and finding applications by person: the application repository with the person key (KMS HMAC deployed,
 * a key file locally; docs/person-key.md) and the representatives' daily limit. Only for the functions whose
 * definition in infra/routes.ts says `macsPersonalCodes` (they alone are granted kms:GenerateMac).
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationDeps } from '../core/applications/ports';
import { fingerprint } from '../adapters/digests';
import { personKeyFromConfig } from '../adapters/person-key';
import { readEnvironment } from '../config';
import { rules } from '../settings';
import { applicationStore } from './application-store';

const env = readEnvironment([], ['personKeyId', 'personKeyFile', 'representativeDailyLimit']);

/** A representative's filings per day (docs/access.md): 5 unless configured. */
const dailyLimit = (value: string | undefined): number => {
  if (value === undefined) return 5;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error('REPRESENTATIVE_DAILY_LIMIT must be a whole number from 1 to 1000');
  return limit;
};

export const applicationDeps: ApplicationDeps = {
  ...applicationStore,
  clock: () => new Date(),
  newId: randomUUID,
  rules,
  referencePrefix: 'SIVA',
  personKey: personKeyFromConfig(env),
  representativeDailyLimit: dailyLimit(env.representativeDailyLimit),
  fingerprint,
};
