/** What retention keeps (docs/retention.md): the tombstone of a destroyed file and the audit of staff data exports. */
import type { DataExportAudit } from '../../core/personal-data';
import type { Tombstone } from '../../core/retention';
import { dataExportAuditKey, tombstoneKey } from '../keys';
import { storedAsItself, type ItemCodec } from './item';

/**
 * When the destruction was taken off the counts per status (report-repository.ts): the destruction's "counted"
 * marker, kept on the tombstone rather than as an item of its own, so the tombstone stays the only item that names
 * the destroyed file. Not part of the tombstone as read back.
 */
export const tombstoneCountedAttribute = 'statusCountedAt';

const tombstoneAsItself = storedAsItself<Tombstone>('tombstone', (tombstone) => tombstoneKey(tombstone.id));

/** What is left of a destroyed file: no personal data. */
export const tombstoneItems: ItemCodec<Tombstone> = {
  toItem: tombstoneAsItself.toItem,
  fromItem: ({ [tombstoneCountedAttribute]: _counted, ...item }) => tombstoneAsItself.fromItem(item),
};

/** A staff export of a person's data: who and when, under the person key. */
export const dataExportAuditItems = storedAsItself<DataExportAudit>('data-export-audit', (audit) =>
  dataExportAuditKey(audit.personKey, audit.at, audit.id),
);
