/** What retention keeps (docs/retention.md): the tombstone of a destroyed file and the audit of staff data exports. */
import type { DataExportAudit } from '../../core/personal-data';
import type { Tombstone } from '../../core/retention';
import { dataExportAuditKey, tombstoneKey } from '../keys';
import { storedAsItself } from './item';

/** What is left of a destroyed file: no personal data. */
export const tombstoneItems = storedAsItself<Tombstone>('tombstone', (tombstone) => tombstoneKey(tombstone.id));

/** A staff export of a person's data: who and when, under the person key. */
export const dataExportAuditItems = storedAsItself<DataExportAudit>('data-export-audit', (audit) =>
  dataExportAuditKey(audit.personKey, audit.at, audit.id),
);
