import { describe, expect, it } from 'vitest';
import { ageOn, monthsBefore, rigaDate } from '../../functions/core/dates';

describe('calendar rules in Europe/Riga', () => {
  it('counts a birthday on its day, not the day after', () => {
    expect(ageOn('2011-03-15', '2026-03-14')).toBe(14);
    expect(ageOn('2011-03-15', '2026-03-15')).toBe(15);
  });

  it('a 29 February birthday is reached on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
  });

  it('goes back whole months, clamping to the shorter month', () => {
    expect(monthsBefore('2026-05-31', 2)).toBe('2026-03-31');
    expect(monthsBefore('2026-04-30', 2)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 2)).toBe('2025-11-15');
  });

  it('uses the Latvian calendar day: 23:30 UTC on 31 Dec is already New Year in Riga', () => {
    expect(rigaDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
