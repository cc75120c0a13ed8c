/**
 * Request headers the API reads. Apart from the form primitives on purpose:
 * every handler validates these, and a read-only handler should not pay at
 * cold start for building the forms' schemas it never uses.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';

/** `Idempotency-Key` header: a client-chosen token, e.g. a UUID; printable ASCII without `#` (the stored key's separator). */
export const IdempotencyKey = builtOnFirstUse(() => z.string().check(z.regex(/^[\x21\x22\x24-\x7E]{8,128}$/, { error: 'idempotency_key' })));
