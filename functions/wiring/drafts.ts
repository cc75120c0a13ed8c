/**
 * Dependencies of the draft functions, built once per cold start. Only the draft functions import this
 * module; those that take uploads add upload-wiring.ts (and with it the S3 client).
 */
import { randomUUID } from 'node:crypto';
import type { DraftDeps } from '../core/drafts';
import { createDraftRepository } from '../adapters/draft-repository';
import { draftLifetime } from '../settings';
import { applicationDeps } from './applications';
import { documentClient, tableName } from './table';

export const draftDeps: DraftDeps = {
  store: createDraftRepository(documentClient, tableName),
  clock: () => new Date(),
  newId: randomUUID,
  personKey: applicationDeps.personKey,
  lifetime: draftLifetime,
};
