/**
 * Calendar arithmetic in the agency's time zone. Ages and windows are decided
 * on Latvian calendar dates, not UTC instants.
 */
const hourMs = 3_600_000;

/** 01:00 UTC on the last Sunday of a month: when EU summer time starts (March) and ends (October). */
const lastSundayAtOneUtc = (year: number, monthIndex: number): number => {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * hourMs;
};

/**
 * Europe/Riga's offset from UTC: +2 (EET), +3 in EU summer time. Plain arithmetic
 * on purpose: the first time-zone-aware `Intl.DateTimeFormat` costs a function
 * 12–19 ms of ICU start-up at cold start (bench/RESULTS.md). A spec checks it
 * against ICU hour by hour from 2001 (Latvia kept no summer time in 2000); if the EU
 * drops summer time, change it here.
 */
export const rigaOffsetHours = (instant: Date): 2 | 3 => {
  const year = instant.getUTCFullYear();
  const at = instant.getTime();
  return at >= lastSundayAtOneUtc(year, 2) && at < lastSundayAtOneUtc(year, 9) ? 3 : 2;
};

/** `YYYY-MM-DD` of the instant in Europe/Riga. */
export const rigaDate = (instant: Date): string =>
  new Date(instant.getTime() + rigaOffsetHours(instant) * hourMs).toISOString().slice(0, 10);

/**
 * The instant a Riga calendar day begins, and the instant the next one begins, as ISO strings: the day as a
 * half-open range of instants. Riga's midnight falls at 21:00 or 22:00 UTC the evening before, and the clocks
 * change at 01:00 UTC, so the offset at 21:00 UTC that evening is the offset at midnight.
 */
export const rigaDayBounds = (isoDate: string): { readonly start: string; readonly end: string } => {
  const { year, month, day } = parts(isoDate);
  const midnightOf = (dayOfMonth: number) => {
    const utcMidnight = Date.UTC(year, month - 1, dayOfMonth);
    return new Date(utcMidnight - rigaOffsetHours(new Date(utcMidnight - 3 * hourMs)) * hourMs).toISOString();
  };
  return { start: midnightOf(day), end: midnightOf(day + 1) };
};

const parts = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** Completed years between a birth date and a date (a birthday counts on its day; 29 Feb on 28 Feb in common years is not yet). */
export const ageOn = (birthDate: string, onDate: string): number => {
  const birth = parts(birthDate);
  const on = parts(onDate);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
};

/** The date `months` calendar months before `isoDate`, clamped to the month's last day. */
export const monthsBefore = (isoDate: string, months: number): string => {
  const { year, month, day } = parts(isoDate);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
};

/** The date `months` calendar months after `isoDate`, clamped the same way. */
export const monthsAfter = (isoDate: string, months: number): string => monthsBefore(isoDate, -months);
