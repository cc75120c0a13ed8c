/**
 * The building blocks of every form (schemas/primitives.ts), at their edges: what each accepts just inside its
 * limits, what it refuses just outside them, and the field code each refusal carries (so the caller gets the
 * Latvian or English message for it, schemas/messages.ts).
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { describeIssues, type MessageCode } from '../../schemas/messages';
import {
  Address,
  Applicant,
  ContactChannel,
  Declarations,
  DisabilityGroup,
  DocumentNumber,
  Email,
  IcfCode,
  IcfCodes,
  Language,
  limits,
  multilineText,
  PersonalCode,
  personName,
  Phone,
  RegistrationNumber,
  Representative,
  Slug,
  text,
  Vin,
} from '../../schemas/primitives';
import { IdempotencyKey } from '../../schemas/headers';
import { IsoDate } from '../../schemas/calendar';

/** The codes a value is refused with, or [] when accepted. */
const refusal = (schema: z.ZodMiniType, value: unknown): MessageCode[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues, value).map(({ code }) => code);
};
const accepts = (schema: z.ZodMiniType, ...values: unknown[]) => {
  for (const value of values) expect(refusal(schema, value), JSON.stringify(value)).toEqual([]);
};
const refuses = (schema: z.ZodMiniType, code: MessageCode, ...values: unknown[]) => {
  for (const value of values) expect(refusal(schema, value), JSON.stringify(value)).toContain(code);
};

describe('single-line text', () => {
  const line = text(10);

  it('is trimmed, and must keep at least one and at most the given number of characters', () => {
    expect(line.parse('  Rīga  ')).toBe('Rīga');
    accepts(line, 'a', 'x'.repeat(10), ` ${'x'.repeat(10)} `);
    refuses(line, 'too_long', 'x'.repeat(11));
    refuses(line, 'required', '', '   ');
  });

  it('refuses control characters at each edge of the ranges refused, and keeps the ones beside them', () => {
    for (const code of [0x00, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f, 0x200b, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff]) {
      refuses(line, 'control_characters', `a${String.fromCharCode(code)}b`);
    }
    accepts(line, 'a b', 'a~b', 'a\u00A0b', 'a\u200Cb', 'a\u2070b', 'a\uFEFEb');
  });

  it('refuses a lone surrogate of either half, and keeps a pair (an emoji)', () => {
    refuses(line, 'control_characters', 'a\uD83Db', 'a\uDE00b', 'a\uD83D', '\uDE00a');
    accepts(line, 'a\uD83D\uDE00b');
  });

  it('refuses a line break or tab of any kind, as single_line', () => {
    for (const breaking of ['\t', '\n', '\r', '\u0085', '\u2028', '\u2029']) refuses(line, 'single_line', `a${breaking}b`);
  });

  it('may run over several lines where the form says so, still without control characters', () => {
    const letter = multilineText(50);
    accepts(letter, 'first line\nsecond\r\n\tthird');
    refuses(letter, 'control_characters', 'a\u0007b');
  });

  it('holds document numbers to 50 characters on one line', () => {
    accepts(DocumentNumber, 'x'.repeat(limits.documentNumber));
    refuses(DocumentNumber, 'too_long', 'x'.repeat(limits.documentNumber + 1));
    refuses(DocumentNumber, 'single_line', 'AB\n12');
  });
});

describe('names', () => {
  it('start with a letter and then take letters of any script, marks, spaces, hyphens, apostrophes and dots', () => {
    accepts(personName, 'Jānis', 'Anna-Marija', "O'Brien", 'D’Artagnan', 'J. Bērziņš', 'Ödön', 'Мария', 'e\u0301', ' Līga ');
    refuses(personName, 'person_name', 'J4nis', '-Anna', "'Anna", '.A', ' -Anna', 'Anna!', 'Anna_B');
  });

  it('hold at most 100 characters after trimming, and at least one', () => {
    accepts(personName, 'a'.repeat(limits.name));
    refuses(personName, 'too_long', 'a'.repeat(limits.name + 1));
    refuses(personName, 'required', '  ');
  });
});

describe('personal codes, e-mail addresses and phone numbers', () => {
  it('take a valid personal code with or without its hyphen, and nothing longer than 12 characters', () => {
    accepts(PersonalCode, '161175-19997', '16117519997');
    refuses(PersonalCode, 'personal_code', '161175-19998', '161375-19997');
    expect(refusal(PersonalCode, ' 161175-19997 ')).toContain('too_long');
  });

  it('take an e-mail address of at most 254 characters', () => {
    const address = (length: number) => `${'a'.repeat(64)}@${'b'.repeat(length - 69)}.com`;
    expect(address(254)).toHaveLength(254);
    accepts(Email, 'janis@example.lv', address(254));
    refuses(Email, 'too_long', address(255));
    refuses(Email, 'invalid_email', 'janis@', 'janis.example.lv');
  });

  it('take 8 to 15 digits, an optional leading +, and single spaces between digits', () => {
    accepts(Phone, '20000000', '+371 20000000', '+371 2000 0000', '123456789012345', ' 20000000 ');
    refuses(Phone, 'phone', '2000000', '1234567890123456', '+371  20000000', '371+20000000', '2000-0000', '++37120000000', 'x20000000', '20000000x');
    refuses(Phone, 'too_long', '+3 7 1 2 0 0 0 0 0 0 0');
  });
});

describe('choices', () => {
  it('take only their listed values', () => {
    accepts(Language, 'lv', 'en');
    refuses(Language, 'invalid_choice', 'ru', 'LV');
    accepts(ContactChannel, 'email', 'phone', 'post');
    refuses(ContactChannel, 'invalid_choice', 'sms');
    accepts(DisabilityGroup, 'I', 'II', 'III', 'disabled-child', 'none');
    refuses(DisabilityGroup, 'invalid_choice', 'IV', 'i');
  });
});

describe('an address', () => {
  const address = { municipality: 'riga', line: 'Brīvības iela 1' };

  it('names one of the municipalities and a line, and may give a postcode LV-1234', () => {
    accepts(Address, address, { ...address, postcode: 'LV-1050' });
    refuses(Address, 'invalid_choice', { ...address, municipality: 'atlantis' });
    refuses(Address, 'postcode', { ...address, postcode: 'LV-105' }, { ...address, postcode: 'LV-10500' }, { ...address, postcode: 'XLV-1050' }, { ...address, postcode: 'lv-1050' }, { ...address, postcode: 'LV1050' });
    refuses(Address, 'required', { municipality: 'riga' });
    refuses(Address, 'unknown_field', { ...address, country: 'LV' });
  });
});

describe('ICF codes', () => {
  it('are a component letter b, d, e or s, 3 to 5 digits and an optional qualifier of 1 to 3 digits', () => {
    accepts(IcfCode, 'b280', 'd450.2', 's12345', 'e310.123', ' b280 ');
    refuses(IcfCode, 'icf_code', 'x280', 'B280', 'b28', 'b123456', 'b280.', 'b280.1234', 'ab280', 'b280x', 'b 280');
  });

  it('come as a list of 1 to 30', () => {
    accepts(IcfCodes, ['b280'], Array(limits.icfCodes).fill('b280'));
    refuses(IcfCodes, 'too_few', []);
    refuses(IcfCodes, 'too_many', Array(limits.icfCodes + 1).fill('b280'));
  });
});

describe('vehicles, programmes and headers', () => {
  it('take a VIN of exactly 17 letters and digits without I, O or Q', () => {
    accepts(Vin, 'WVWZZZ1JZXW000001', 'wvwzzz1jzxw000001', ' WVWZZZ1JZXW000001 ');
    refuses(Vin, 'vin', 'WVWZZZ1JZXW00000', 'WVWZZZ1JZXW0000011', 'WVWZZZ1JZXW00000I', 'WVWZZZ1JZXW00000O', 'WVWZZZ1JZXW00000Q', 'WVWZZZ1JZXW00000q');
  });

  it('take a registration plate of 1 to 3 letters and 1 to 4 digits, hyphen optional', () => {
    accepts(RegistrationNumber, 'AB-1234', 'ab1234', 'A-1', 'ABC-1234');
    refuses(RegistrationNumber, 'registration_number', 'ABCD-1234', 'AB-12345', 'AB--1234', '1234', 'AB-', 'AB 1234');
  });

  it('take programme ids of lowercase letters, digits and inner hyphens, up to 64 characters', () => {
    accepts(Slug, 'a', 'sign-language-2', `a${'b'.repeat(62)}c`);
    refuses(Slug, 'invalid_format', '-a', 'a-', 'A', 'a_b', '', `a${'b'.repeat(63)}c`);
  });

  it('take an Idempotency-Key of 8 to 128 printable characters without # or spaces', () => {
    accepts(IdempotencyKey, '12345678', 'x'.repeat(128), '!"$%&~{}');
    refuses(IdempotencyKey, 'idempotency_key', '1234567', 'x'.repeat(129), 'abcd#efgh', 'abcd efgh', 'abcdéfgh');
  });

  it('take only a real calendar date as YYYY-MM-DD', () => {
    accepts(IsoDate, '2024-02-29', '2026-12-31');
    refuses(IsoDate, 'invalid_date', '2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00');
  });
});

describe('the applicant, a representative and the declarations', () => {
  const applicant = {
    dateOfBirth: '1975-11-16',
    address: { municipality: 'jurmala', line: 'Dubultu prospekts 71' },
    phone: '+371 20000000',
    language: 'lv',
    contactChannel: 'email',
  };

  it('needs a birth date, an address, a phone, a language and a channel; names, code and e-mail may come from eID', () => {
    accepts(Applicant, applicant, { ...applicant, givenName: 'Jānis', familyName: 'Bērziņš', personalCode: '161175-19997', email: 'janis@example.lv' });
    // A missing choice is answered with the choices, which says more than "required".
    const answerWhenMissing: Record<string, MessageCode> = {
      dateOfBirth: 'required',
      address: 'required',
      phone: 'required',
      language: 'invalid_choice',
      contactChannel: 'invalid_choice',
    };
    for (const [field, code] of Object.entries(answerWhenMissing)) {
      const { [field]: _left, ...without } = applicant as Record<string, unknown>;
      expect(refusal(Applicant, without), field).toEqual([code]);
    }
    refuses(Applicant, 'unknown_field', { ...applicant, isAdmin: true });
  });

  it('names a representative by kind and by the document that gives the right', () => {
    const representative = { kind: 'legal-representative', document: { type: 'court-decision', number: 'C-12/2024', issuedOn: '2024-03-01' } };
    accepts(Representative, representative, { ...representative, kind: 'authorised-person', document: { ...representative.document, type: 'power-of-attorney' } });
    for (const type of ['birth-certificate', 'orphans-court-decision']) {
      accepts(Representative, { ...representative, document: { ...representative.document, type } });
    }
    refuses(Representative, 'invalid_choice', { ...representative, kind: 'neighbour' }, { ...representative, document: { ...representative.document, type: 'letter' } });
    refuses(Representative, 'invalid_date', { ...representative, document: { ...representative.document, issuedOn: '2024-02-30' } });
  });

  it('needs both declarations affirmed', () => {
    accepts(Declarations, { informationIsTrue: true, consentToProcessing: true });
    expect(refusal(Declarations, { informationIsTrue: true, consentToProcessing: false })).toEqual(['must_accept']);
    expect(refusal(Declarations, { informationIsTrue: false, consentToProcessing: true })).toEqual(['must_accept']);
  });
});
