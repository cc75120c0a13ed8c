/**
 * Date formats for e-mails, in Latvian and English, made on first use: the
 * first time-zone-aware formatter costs a cold start 12–19 ms of ICU set-up,
 * which only a function that renders an e-mail should pay, and only then.
 */
import type { Language } from '../../../schemas/primitives';

const styles = {
  /** "2026. gada 23. novembris 17:05" — when something happened, in Riga. */
  'instant-date-time': { timeZone: 'Europe/Riga', dateStyle: 'long', timeStyle: 'short' },
  /** "2026. gada 23. novembris" — the Riga date of an instant. */
  'instant-date': { timeZone: 'Europe/Riga', dateStyle: 'long' },
  /** "otrdiena, 2026. gada 15. decembris" — a calendar date (deadline, start) with its weekday. */
  'calendar-date': { timeZone: 'UTC', dateStyle: 'full' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof styles;

const locales: Record<Language, string> = { lv: 'lv-LV', en: 'en-GB' };
const made = new Map<string, Intl.DateTimeFormat>();

export const dateFormat = (style: DateStyle, language: Language): Intl.DateTimeFormat => {
  const key = `${style}/${language}`;
  let format = made.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], styles[style]);
    made.set(key, format);
  }
  return format;
};

/** `2026-12-15` → "otrdiena, 2026. gada 15. decembris" / "Tuesday, 15 December 2026"; anything else as given. */
export const calendarDate = (isoDate: string, language: Language): string => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? dateFormat('calendar-date', language).format(date) : isoDate;
};

/** An instant in the given style, in Riga; anything that is not a date as given, so no e-mail says "Invalid Date". */
export const formatInstant = (instant: string, style: 'instant-date' | 'instant-date-time', language: Language): string => {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : dateFormat(style, language).format(date);
};
