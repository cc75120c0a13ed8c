/**
 * How an entity becomes a table item and back (one module per entity in this folder; keys.ts spells every key).
 * An item is the entity's own attributes, the keys its state calls for, and an `entity` tag naming its kind.
 */
import type { Entity, ReportEntity, RetentionEntity } from '../keys';
import { tableDesign } from '../table-design';

export type Item = Record<string, unknown>;

/** Every kind of item the table holds, as its `entity` attribute names it. */
export type ItemKind = Entity | ReportEntity | RetentionEntity;

/** Every key attribute of the table and of its indexes, read from the table's design rather than listed here. */
export const keyAttributes: ReadonlySet<string> = new Set([
  tableDesign.partitionKey,
  tableDesign.sortKey,
  ...tableDesign.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
]);

/** An entity stored as its own attributes: `toItem` adds its keys and tag, `fromItem` takes every key attribute off. */
export interface ItemCodec<T> {
  toItem(value: T): Item;
  fromItem(item: Item): T;
}

/**
 * An item's own attributes as the entity they belong to: every key attribute and the tag taken off. Only the writes of
 * that entity's module put items of its kind in the table, so what is left is that entity: the one place that trust is
 * spelt, rather than a cast per repository.
 */
export const attributesOf = <T>(item: Item): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'entity' && !keyAttributes.has(name))) as T;

/** The codec of an entity stored as itself: its attributes, plus the keys `keysOf` gives and its tag. */
export const storedAsItself = <T extends object>(entity: ItemKind, keysOf: (value: T) => Item): ItemCodec<T> => ({
  toItem: (value) => ({ ...keysOf(value), entity, ...value }),
  fromItem: (item) => attributesOf<T>(item),
});
