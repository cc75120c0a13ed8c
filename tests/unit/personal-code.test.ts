import { describe, expect, it } from 'vitest';
import { checkPersonalCode, oldFormatCheckDigit } from '../../schemas/personal-code';

describe('personal code (personas kods)', () => {
  it('accepts the old-format example from the domain doc, with or without the hyphen, and reads its birth date', () => {
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
