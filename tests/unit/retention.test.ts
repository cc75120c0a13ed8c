/**
 * Retention arithmetic (docs/retention.md): a file is kept 10 years from the Riga date it closed, and is listed
 * under the month of that date; only closing moves write it.
 */
import { describe, expect, it } from 'vitest';
import { closingFields, retainUntilOf, retentionMonthOf } from '../../functions/core/retention';
import { applicationStatuses } from '../../schemas/lifecycle';

describe('how long a file is kept', () => {
  it('ends ten years from the Riga date of closing, not the UTC one', () => {
    // 21:30 UTC on 31 May is 00:30 on 1 June in Riga (summer time, +3).
    expect(retainUntilOf('2027-05-31T21:30:00.000Z')).toBe('2037-06-01');
    expect(retentionMonthOf(retainUntilOf('2027-05-31T21:30:00.000Z'))).toBe('2037-06');
    // In winter (+2) 21:30 UTC is still the same day in Riga; 22:00 is the next.
    expect(retainUntilOf('2027-01-31T21:30:00.000Z')).toBe('2037-01-31');
    expect(retainUntilOf('2027-01-31T22:00:00.000Z')).toBe('2037-02-01');
  });

  it('keeps a file closed on 29 February until 28 February ten years on', () => {
    expect(retainUntilOf('2028-02-29T10:00:00.000Z')).toBe('2038-02-28');
  });

  it('is written by the moves that close an application, and by no other', () => {
    const at = '2027-03-10T10:00:00.000Z';
    const closing = applicationStatuses.filter((status) => Object.keys(closingFields(status, at)).length > 0);
    expect(closing.sort()).toEqual(['completed', 'not_started', 'refused', 'withdrawn']);
    expect(closingFields('refused', at)).toEqual({ closedAt: at, retainUntil: '2037-03-10' });
  });
});
