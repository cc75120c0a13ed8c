import { describe, expect, it } from 'vitest';
import { ageOn, monthsBefore, rigaDate, rigaDayBounds, rigaOffsetHours } from '../../functions/core/dates';
import { calendarDate, formatInstant } from '../../functions/core/templates/date-formats';

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

  it('agrees with ICU’s Europe/Riga on every hour around each change of clocks, and at random instants, 2001–2040 (Latvia kept no summer time in 2000)', () => {
    const icu = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' });
    const instants: Date[] = [];
    for (let year = 2001; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 24);
        for (let hour = 0; hour < 24 * 8; hour++) instants.push(new Date(start + hour * 3_600_000));
      }
    }
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 20_000; i++) instants.push(new Date(Date.UTC(2001, 0, 1) + Math.floor(random() * 40 * 365.25 * 86_400_000)));
    const disagreements = instants.filter((instant) => rigaDate(instant) !== icu.format(instant));
    expect(disagreements.map((instant) => instant.toISOString())).toEqual([]);
  });

  it('gives a Riga day as the instants from its midnight to the next, 23 and 25 hours long when the clocks change', () => {
    const hours = (day: string) => {
      const { start, end } = rigaDayBounds(day);
      expect(rigaDate(new Date(start))).toBe(day);
      expect(rigaDate(new Date(Date.parse(start) - 1))).not.toBe(day);
      expect(rigaDate(new Date(Date.parse(end) - 1))).toBe(day);
      expect(rigaDate(new Date(end))).not.toBe(day);
      return (Date.parse(end) - Date.parse(start)) / 3_600_000;
    };
    expect(rigaDayBounds('2026-01-05')).toEqual({ start: '2026-01-04T22:00:00.000Z', end: '2026-01-05T22:00:00.000Z' });
    expect(rigaDayBounds('2026-07-05')).toEqual({ start: '2026-07-04T21:00:00.000Z', end: '2026-07-05T21:00:00.000Z' });
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-12-31')).toBe(24);
  });
});

describe('calendar rules at their edges', () => {
  it('a birthday later in the year is not reached earlier in it, even on a later day of an earlier month', () => {
    expect(ageOn('2011-03-15', '2026-02-20')).toBe(14);
    expect(ageOn('2011-03-15', '2026-04-01')).toBe(15);
  });

  it('summer time starts and ends exactly at 01:00 UTC on the last Sunday of March and October', () => {
    expect(rigaOffsetHours(new Date('2026-03-29T00:59:59.999Z'))).toBe(2);
    expect(rigaOffsetHours(new Date('2026-03-29T01:00:00.000Z'))).toBe(3);
    expect(rigaOffsetHours(new Date('2026-10-25T00:59:59.999Z'))).toBe(3);
    expect(rigaOffsetHours(new Date('2026-10-25T01:00:00.000Z'))).toBe(2);
  });

  it('New Year in Riga comes at 22:00 UTC on 31 December (the reference year follows it)', () => {
    expect(rigaDate(new Date('2026-12-31T21:59:59.999Z'))).toBe('2026-12-31');
    expect(rigaDate(new Date('2026-12-31T22:00:00.000Z'))).toBe('2027-01-01');
  });
});

describe('dates in e-mails (spelt out, not asked of ICU at run time)', () => {
  const icu = {
    'instant-date-time': { timeZone: 'Europe/Riga', dateStyle: 'long', timeStyle: 'short' },
    'instant-date': { timeZone: 'Europe/Riga', dateStyle: 'long' },
  } as const;
  const locales = { lv: 'lv-LV', en: 'en-GB' } as const;
  const hourMs = 3_600_000;

  it('are ICU’s long dates with the short time in Riga, for every hour (and odd minutes) of 2025–2027, in both languages', () => {
    const differing: string[] = [];
    for (const language of ['lv', 'en'] as const) {
      for (const style of ['instant-date-time', 'instant-date'] as const) {
        const reference = new Intl.DateTimeFormat(locales[language], icu[style]);
        for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2028, 0, 1); at += hourMs + 7 * 60_000) {
          const instant = new Date(at).toISOString();
          const ours = formatInstant(instant, style, language);
          if (ours !== reference.format(new Date(at))) differing.push(`${language} ${style} ${instant}: ${ours} ≠ ${reference.format(new Date(at))}`);
        }
      }
    }
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('are ICU’s full dates (with the weekday) for every calendar day of 2025–2030, in both languages', () => {
    const differing: string[] = [];
    for (const language of ['lv', 'en'] as const) {
      const reference = new Intl.DateTimeFormat(locales[language], { timeZone: 'UTC', dateStyle: 'full' });
      for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2031, 0, 1); at += 24 * hourMs) {
        const day = new Date(at).toISOString().slice(0, 10);
        if (calendarDate(day, language) !== reference.format(new Date(at))) differing.push(`${language} ${day}: ${calendarDate(day, language)}`);
      }
    }
    expect(differing.slice(0, 5)).toEqual([]);
    expect(calendarDate('2026-12-15', 'lv')).toBe('otrdiena, 2026. gada 15. decembris');
    expect(formatInstant('2026-07-01T06:05:00Z', 'instant-date-time', 'en')).toBe('1 July 2026 at 09:05');
  });

  it('leave what is not a date as it was given', () => {
    expect(calendarDate('soon', 'lv')).toBe('soon');
    expect(formatInstant('not-a-date', 'instant-date', 'en')).toBe('not-a-date');
  });
});
