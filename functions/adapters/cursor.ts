/**
 * The one cursor format of every list: base64url of the JSON of a position (an index key, a sort key, or one position
 * per merged list). Opaque to callers; each list validates what it reads back, and anything else (not base64url, not
 * JSON, another shape, another caller's partition) is a 400 problem naming the cursor, never a 500 from DynamoDB.
 */
import { violation } from '../../schemas/messages';
import { validationFailed } from '../core/errors';

export const encodeCursor = (position: unknown): string => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

/** The position a cursor holds, as `read` accepts it (undefined: not a position of this list). */
export const decodeCursor = <T>(cursor: string, read: (position: unknown) => T | undefined): T => {
  let position: T | undefined;
  try {
    position = read(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown);
  } catch {
    position = undefined;
  }
  if (position === undefined) throw validationFailed([violation(['cursor'], 'invalid_cursor')]);
  return position;
};

/** A plain JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
