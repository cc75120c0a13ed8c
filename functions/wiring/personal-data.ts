/** Dependencies of the two exports of a person's data, built once per cold start. */
import { randomUUID } from 'node:crypto';
import { createPersonalDataRepository } from '../adapters/personal-data-repository';
import type { PersonalDataDeps } from '../core/personal-data';
import { applicationDeps } from './applications';
import { documentClient, tableName } from './table';

export const personalDataDeps: PersonalDataDeps = {
  store: createPersonalDataRepository(documentClient, tableName),
  personKey: applicationDeps.personKey,
  clock: () => new Date(),
  newId: randomUUID,
};
