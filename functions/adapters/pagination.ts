/**
 * Reading a Query page by page, in one place: every repository reads through these, on the SDK's own paginator,
 * so no repository keeps a loop of its own over `LastEvaluatedKey`.
 */
import { type DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../core/applications/types';
import { decodeCursor, encodeCursor, isRecord } from './cursor';
import type { Item } from './entities/item';
import { tableDesign } from './table-design';

/** A Query as the repositories write it: the table, the start and the page size are the helpers' business. */
export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>;

const pages = (client: DynamoDBDocumentClient, tableName: string, input: QueryInput, from?: Item, pageSize?: number) =>
  paginateQuery({ client, ...(pageSize !== undefined && { pageSize }), ...(from && { startingToken: from }) }, { ...input, TableName: tableName });

/** Every item a query matches, all pages (for partitions known to be small: one person's, one application's). */
export const queryAll = async (client: DynamoDBDocumentClient, tableName: string, input: QueryInput): Promise<Item[]> => {
  const items: Item[] = [];
  for await (const page of pages(client, tableName, input)) items.push(...(page.Items ?? []));
  return items;
};

/** How many items a query matches, counted by DynamoDB (no item is read back). */
export const countAll = async (client: DynamoDBDocumentClient, tableName: string, input: QueryInput): Promise<number> => {
  let count = 0;
  for await (const page of pages(client, tableName, { ...input, Select: 'COUNT' })) count += page.Count ?? 0;
  return count;
};

/** An index's name and key attributes (table-design.ts), and the one partition a list of it reads and a cursor may point into. */
export interface IndexPartition {
  readonly name: IndexName;
  readonly pk: string;
  readonly sk: string;
  readonly partition: string;
}

export type IndexName = (typeof tableDesign.indexes)[number]['name'];

/** A partition of an index, with the index's key attributes as the table's design names them. */
export const inIndex = (name: IndexName, partition: string): IndexPartition => {
  const index = tableDesign.indexes.find((candidate) => candidate.name === name);
  if (!index) throw new Error(`no index ${name}`);
  return { name, pk: index.partitionKey, sk: index.sortKey, partition };
};

/** The Query of a whole index partition: in sort-key order, or newest (greatest sort key) first. */
export const partitionQuery = (index: IndexPartition, order: 'ascending' | 'newest-first' = 'ascending'): Omit<QueryInput, 'IndexName'> => ({
  KeyConditionExpression: '#partitionKey = :partition',
  ExpressionAttributeNames: { '#partitionKey': index.pk },
  ExpressionAttributeValues: { ':partition': index.partition },
  ScanIndexForward: order === 'ascending',
});

/** A page with each item read as the entity it holds; the cursor stays as it is. */
export const mapPage = <From, To>(page: Page<From>, read: (item: From) => To): Page<To> => ({ ...page, items: page.items.map(read) });

/** The item's key in the index: the table's keys and the index's, which is what DynamoDB takes as a start. */
export const indexKeyOf = (item: Item, index: IndexPartition): Item => ({
  pk: item.pk,
  sk: item.sk,
  [index.pk]: item[index.pk],
  [index.sk]: item[index.sk],
});

/** Reads an index cursor: exactly the four key attributes, non-empty strings, in the index's own partition. */
const indexKeyIn =
  (index: IndexPartition) =>
  (position: unknown): Item | undefined => {
    if (!isRecord(position)) return undefined;
    const expected = ['pk', 'sk', index.pk, index.sk].sort();
    const valid =
      JSON.stringify(Object.keys(position).sort()) === JSON.stringify(expected) &&
      Object.values(position).every((value) => typeof value === 'string' && value.length > 0 && value.length <= 256) &&
      position[index.pk] === index.partition;
    return valid ? position : undefined;
  };

/** The cursor that continues an index list just after `item`. */
export const indexCursorAfter = (item: Item, index: IndexPartition): string => encodeCursor(indexKeyOf(item, index));

/**
 * One page of an index partition, after filters: reads on until `limit` items are found (filters apply after
 * DynamoDB's own page limit), so a page is never short while more remain, and the cursor points just after the last
 * item returned. A cursor is bound to the partition it came from: it cannot reach another list.
 */
export const indexPage = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  input: Omit<QueryInput, 'IndexName'>,
  index: IndexPartition,
  { limit, cursor }: PageRequest,
): Promise<Page<Item>> => {
  const items: Item[] = [];
  const from = cursor ? decodeCursor(cursor, indexKeyIn(index)) : undefined;
  // Unfiltered, one more than a page tells whether more remain; filtered, read further ahead per call.
  const readLimit = input.FilterExpression ? Math.max(limit * 2, 25) : limit + 1;
  let more = false;
  for await (const page of pages(client, tableName, { ...input, IndexName: index.name }, from, readLimit)) {
    items.push(...(page.Items ?? []));
    more = page.LastEvaluatedKey !== undefined;
    if (items.length > limit) break;
  }
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, ...((items.length > limit || more) && last && { nextCursor: indexCursorAfter(last, index) }) };
};
