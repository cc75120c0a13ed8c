/**
 * Date formats for e-mails, in Latvian and English, spelt out here rather than asked of `Intl.DateTimeFormat`: the
 * first formatter a process makes costs 15–19 ms of ICU set-up, which was most of what the notifier and the
 * dead-letter consumer spent on their first call beyond the bare clients (docs/cold-start.md). The texts are ICU's
 * (CLDR's long and full date styles for lv-LV and en-GB, with the short time); a spec compares them with ICU's for
 * every day and hour of several years, so the two cannot drift apart unnoticed.
 */
import type { Language } from '../../../schemas/primitives';
import { rigaOffsetHours } from '../dates';

/**
 * - `instant-date-time`: "2026. gada 23. novembris 17:05" / "23 November 2026 at 17:05": when something happened, in Riga.
 * - `instant-date`: "2026. gada 23. novembris" / "23 November 2026": the Riga date of an instant.
 * - `calendar-date`: "otrdiena, 2026. gada 15. decembris" / "Tuesday, 15 December 2026": a calendar date (deadline,
 *   start) with its weekday.
 */
export type DateStyle = 'instant-date-time' | 'instant-date' | 'calendar-date';

const months: Record<Language, readonly string[]> = {
  lv: ['janvāris', 'februāris', 'marts', 'aprīlis', 'maijs', 'jūnijs', 'jūlijs', 'augusts', 'septembris', 'oktobris', 'novembris', 'decembris'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** From Sunday, as `Date#getUTCDay` counts. */
const weekdays: Record<Language, readonly string[]> = {
  lv: ['svētdiena', 'pirmdiena', 'otrdiena', 'trešdiena', 'ceturtdiena', 'piektdiena', 'sestdiena'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The date of `date` read in UTC, in the language's long style. */
const longDate = (date: Date, language: Language) => {
  const month = months[language][date.getUTCMonth()];
  return language === 'lv'
    ? `${date.getUTCFullYear()}. gada ${date.getUTCDate()}. ${month}`
    : `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
};

/** `date` (read in UTC: a calendar date, or an instant already moved to Riga's wall clock) in one of the styles. */
const format = (date: Date, style: DateStyle, language: Language): string => {
  const long = longDate(date, language);
  if (style === 'calendar-date') return `${weekdays[language][date.getUTCDay()]}, ${long}`;
  if (style === 'instant-date') return long;
  const time = `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}`;
  return language === 'lv' ? `${long} ${time}` : `${long} at ${time}`;
};

/** The instant on Riga's wall clock, as a Date to be read in UTC. */
const inRiga = (instant: Date) => new Date(instant.getTime() + rigaOffsetHours(instant) * 3_600_000);

/** `2026-12-15` → "otrdiena, 2026. gada 15. decembris" / "Tuesday, 15 December 2026"; anything else as given. */
export const calendarDate = (isoDate: string, language: Language): string => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? format(date, 'calendar-date', language) : isoDate;
};

/** An instant in the given style, in Riga; anything that is not a date as given, so no e-mail says "Invalid Date". */
export const formatInstant = (instant: string, style: 'instant-date' | 'instant-date-time', language: Language): string => {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : format(inRiga(date), style, language);
};
