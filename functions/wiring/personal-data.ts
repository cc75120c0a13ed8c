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

// The pages import it from the core: a page module importing wiring would build its clients wherever pages load.
export { downloadHeaders } from '../core/personal-data';
