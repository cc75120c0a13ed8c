/** A calendar date `YYYY-MM-DD`: its own module, so light schemas (staff queries) can use it without the form primitives. */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';

export const IsoDate = builtOnFirstUse(() => z.iso.date());
export type IsoDate = z.infer<typeof IsoDate>;
