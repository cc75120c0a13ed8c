/**
 * Calendar arithmetic in the agency's time zone. Ages and windows are decided
 * on Latvian calendar dates, not UTC instants.
 */
const rigaDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Riga',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of the instant in Europe/Riga. */
export const rigaDate = (instant: Date): string => rigaDateFormat.format(instant);

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
