/**
 * A draft (docs/drafts.md) and the slot that keeps one draft per person, service and track. The content is kept as
 * one JSON string: whatever a person typed (nesting, huge numbers, odd keys) is stored as sent and can never make
 * DynamoDB refuse the item. The expiry is the table's TTL attribute, in epoch seconds.
 */
import type { ServiceId } from '../../../schemas/services';
import type { Draft, DraftReminder } from '../../core/drafts';
import { draftKey, draftOwnerIndexKeys, draftReminderIndexKeys, draftSlotKey, type Entity } from '../keys';
import type { ItemCodec, Item } from './item';

export const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The reminder's attributes, with the sparse index keys that put the draft on the due list. */
export const reminderAttributes = (draft: Draft): Item =>
  draft.reminder
    ? {
        ...draftReminderIndexKeys(draft.reminder.remindAt, draft.id),
        reminderEmail: draft.reminder.email,
        reminderLanguage: draft.reminder.language,
        remindAt: draft.reminder.remindAt,
      }
    : {};

const parseContent = (value: unknown): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export const draftItems: ItemCodec<Draft> = {
  toItem: (draft) => ({
    ...draftKey(draft.id),
    ...draftOwnerIndexKeys(draft.ownerKey, draft.createdAt, draft.id),
    entity: 'draft' satisfies Entity,
    id: draft.id,
    ownerKey: draft.ownerKey,
    serviceId: draft.serviceId,
    ...(draft.track !== undefined && { track: draft.track }),
    content: JSON.stringify(draft.content),
    version: draft.version,
    formVersion: draft.formVersion,
    createdAt: draft.createdAt,
    savedAt: draft.savedAt,
    // The table's TTL attribute (epoch seconds): DynamoDB deletes the draft some time after this.
    expiresAt: epochSeconds(draft.expiresAt),
    ...reminderAttributes(draft),
  }),
  fromItem: (item) => {
    const reminder: DraftReminder | undefined =
      typeof item.gsi3sk === 'string' && typeof item.reminderEmail === 'string'
        ? { email: item.reminderEmail, language: item.reminderLanguage === 'en' ? 'en' : 'lv', remindAt: String(item.remindAt) }
        : undefined;
    return {
      id: String(item.id),
      ownerKey: String(item.ownerKey),
      serviceId: item.serviceId as ServiceId,
      ...(typeof item.track === 'string' && { track: item.track }),
      content: parseContent(item.content),
      version: Number(item.version),
      formVersion: String(item.formVersion),
      createdAt: String(item.createdAt),
      savedAt: String(item.savedAt),
      expiresAt: new Date(Number(item.expiresAt) * 1000).toISOString(),
      ...(reminder && { reminder }),
    };
  },
};

/** How long a slot is kept: a year, longer than any draft lives (docs/drafts.md); taken over once its draft is gone. */
const slotLifetimeSeconds = 366 * 24 * 60 * 60;

export const draftSlotItem = (draft: Draft): Item => ({
  ...draftSlotKey(draft.ownerKey, draft.serviceId, draft.track),
  entity: 'draft-slot' satisfies Entity,
  draftId: draft.id,
  expiresAt: epochSeconds(draft.createdAt) + slotLifetimeSeconds,
});
