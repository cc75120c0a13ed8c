/**
 * Latvian personal code (personas kods) rules (docs/domain.md, "Personal codes").
 * Old format DDMMYY-CNNNX carries the birth date and a check digit; the new
 * format (from 2017-07-01) is 32…39 + random digits with no official checksum.
 */

export type PersonalCodeCheck =
  | { readonly valid: true; readonly normalised: string; readonly format: 'old'; readonly birthDate: string }
  | { readonly valid: true; readonly normalised: string; readonly format: 'new' }
  | { readonly valid: false; readonly reason: 'format' | 'date' | 'checksum' };

const checksumWeights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const centuryByDigit: Record<string, number> = { '0': 1800, '1': 1900, '2': 2000 };

/** Digits only, with the optional hyphen after the sixth digit removed. */
const shapeOf = (raw: string): string | null => {
  const match = /^(\d{6})-?(\d{5})$/.exec(raw.trim());
  return match ? `${match[1]}${match[2]}` : null;
};

export const oldFormatCheckDigit = (digits: string): number => {
  const sum = checksumWeights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  // The weighted sum is at most 9 × 55 = 495, so 1101 − sum is positive and `%` needs no sign correction.
  return ((1101 - sum) % 11) % 10;
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const isCalendarDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

export const checkPersonalCode = (raw: string): PersonalCodeCheck => {
  const digits = shapeOf(raw);
  if (!digits) return { valid: false, reason: 'format' };

  // New format: first digit 3, second 2–9 (30/31 are old-format days 30 and 31).
  if (digits[0] === '3' && digits[1] !== '0' && digits[1] !== '1') {
    return { valid: true, normalised: digits, format: 'new' };
  }

  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const century = centuryByDigit[digits[6]!];
  if (century === undefined) return { valid: false, reason: 'format' };
  const year = century + Number(digits.slice(4, 6));
  if (!isCalendarDate(year, month, day)) return { valid: false, reason: 'date' };
  if (oldFormatCheckDigit(digits) !== Number(digits[10])) return { valid: false, reason: 'checksum' };

  const pad = (n: number) => String(n).padStart(2, '0');
  return { valid: true, normalised: digits, format: 'old', birthDate: `${year}-${pad(month)}-${pad(day)}` };
};
