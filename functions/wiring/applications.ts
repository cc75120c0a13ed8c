/**
 * Filing and finding applications by person: the application repository with the person key (KMS HMAC deployed,
 * a key file locally; docs/person-key.md) and the representatives' daily limit. Only for the functions whose
 * definition in infra/routes.ts says `macsPersonalCodes` (they alone are granted kms:GenerateMac).
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationDeps } from '../core/applications/ports';
import { fingerprint } from '../adapters/digests';
import { personKeyFromConfig } from '../adapters/person-key';
import { environmentNames, readEnvironment } from '../config';
import { rules } from '../settings';
import { tunedValue } from '../tunables';
import { applicationStore } from './application-store';

const env = readEnvironment([], ['personKeyId', 'personKeyFile', 'representativeDailyLimit']);


export const applicationDeps: ApplicationDeps = {
  ...applicationStore,
  clock: () => new Date(),
  newId: randomUUID,
  rules,
  referencePrefix: 'SIVA',
  personKey: personKeyFromConfig(env),
  representativeDailyLimit: tunedValue('representativeDailyLimit', env.representativeDailyLimit, environmentNames.representativeDailyLimit),
  fingerprint,
};
