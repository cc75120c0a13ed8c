import { describe, expect, it } from 'vitest';
import { checkPersonalCode, oldFormatCheckDigit } from '../../schemas/personal-code';

describe('personal code (personas kods)', () => {
  it('accepts the old-format example from docs/domain.md, with or without the hyphen, and reads its birth date', () => {
    expect(checkPersonalCode('161175-19997')).toEqual({ valid: true, normalised: '16117519997', format: 'old', birthDate: '1975-11-16' });
    expect(checkPersonalCode('16117519997')).toMatchObject({ valid: true, format: 'old' });
  });

  it('rejects an impossible date (month 13) and a wrong check digit', () => {
    expect(checkPersonalCode('161375-19997')).toEqual({ valid: false, reason: 'date' });
    expect(checkPersonalCode('161175-19998')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkPersonalCode('290201-21234')).toMatchObject({ valid: false, reason: 'date' }); // 2001 was not a leap year
  });

  it('uses the century digit: 0 = 1800s, 2 = 2000s, anything else is malformed', () => {
    const digits = '0101052000';
    const code = `${digits.slice(0, 6)}-${digits.slice(6)}${oldFormatCheckDigit(digits)}`;
    expect(checkPersonalCode(code)).toMatchObject({ valid: true, birthDate: '2005-01-01' });
    expect(checkPersonalCode('010105-50000')).toEqual({ valid: false, reason: 'format' });
  });

  it('accepts new-format codes (32–39…) without a checksum, hyphen optional', () => {
    expect(checkPersonalCode('32579461005')).toEqual({ valid: true, normalised: '32579461005', format: 'new' });
    expect(checkPersonalCode('325794-61006')).toMatchObject({ valid: true, format: 'new' });
  });

  it('treats codes starting 30 or 31 as old-format days 30 and 31', () => {
    expect(checkPersonalCode('310175-19999')).toMatchObject({ valid: false });
    const digits = '3001751999';
    expect(checkPersonalCode(`${digits}${oldFormatCheckDigit(digits)}`)).toMatchObject({ format: 'old', birthDate: '1975-01-30' });
  });

  it('rejects wrong lengths, letters and misplaced hyphens', () => {
    for (const raw of ['', '1611751999', '161175199970', '16117-519997', 'abcdefghijk', '161175_19997']) {
      expect(checkPersonalCode(raw).valid, raw).toBe(false);
    }
  });
});

describe('personal code: every part of the date and the shape', () => {
  /** An old-format code for a date, with its check digit. */
  const oldCode = (ddmmyy: string, century: '0' | '1' | '2') => {
    const digits = `${ddmmyy}${century}234`;
    return `${digits.slice(0, 6)}-${digits.slice(6)}${oldFormatCheckDigit(digits)}`;
  };

  it('accepts 29 February in leap years (2004, and 2000 as a century leap year) and refuses it in 1900', () => {
    expect(checkPersonalCode(oldCode('290204', '2'))).toMatchObject({ valid: true, birthDate: '2004-02-29' });
    expect(checkPersonalCode(oldCode('290200', '2'))).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    expect(checkPersonalCode(oldCode('290200', '1'))).toEqual({ valid: false, reason: 'date' });
    expect(checkPersonalCode(oldCode('300204', '2'))).toEqual({ valid: false, reason: 'date' });
  });

  it('accepts the first and last day and month, and nothing outside them', () => {
    expect(checkPersonalCode(oldCode('010199', '1'))).toMatchObject({ valid: true, birthDate: '1999-01-01' });
    expect(checkPersonalCode(oldCode('311299', '1'))).toMatchObject({ valid: true, birthDate: '1999-12-31' });
    expect(checkPersonalCode(oldCode('300499', '1'))).toMatchObject({ valid: true, birthDate: '1999-04-30' });
    for (const ddmmyy of ['000199', '010099', '011399', '310499', '300299']) {
      expect(checkPersonalCode(oldCode(ddmmyy, '1')), ddmmyy).toEqual({ valid: false, reason: 'date' });
    }
  });

  it('maps a check value of 10 to the digit 0', () => {
    // 010175-1007: 1·0+6·1+3·0+7·1+9·7+10·5+5·1+8·0+4·0+2·7 = 145; (1101 − 145) mod 11 = 10 → check digit 0.
    expect(oldFormatCheckDigit('0101751007')).toBe(0);
    expect(checkPersonalCode('010175-10070')).toMatchObject({ valid: true, birthDate: '1975-01-01' });
    expect(checkPersonalCode('010175-10071')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('reads the new format from 32 to 39, and anything else through the old rules', () => {
    expect(checkPersonalCode('39000000000')).toEqual({ valid: true, normalised: '39000000000', format: 'new' });
    expect(checkPersonalCode('40000000000')).toEqual({ valid: false, reason: 'date' });
    expect(checkPersonalCode('22000000000')).toMatchObject({ valid: false });
  });

  it('refuses extra characters before or after the code, but ignores surrounding spaces', () => {
    expect(checkPersonalCode(' 161175-19997 ')).toMatchObject({ valid: true, normalised: '16117519997' });
    for (const raw of ['116117519997', 'x16117519997', '16117519997x', '1161175-19997']) {
      expect(checkPersonalCode(raw), raw).toEqual({ valid: false, reason: 'format' });
    }
  });
});
