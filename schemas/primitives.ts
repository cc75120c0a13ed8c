/**
 * Building blocks shared by every form. Built on `zod/mini` so a function
 * bundle pays ~14 KB for validation instead of ~450 KB for full zod.
 * Custom checks set `error` to a code of the message catalogue (messages.ts).
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { checkPersonalCode } from './personal-code';
import { municipalityIds } from './municipalities';
import { IsoDate } from './calendar';

export const limits = {
  name: 100,
  shortText: 200,
  documentNumber: 50,
  icfCodes: 30,
} as const;

/** Control characters other than TAB, LF and CR, direction overrides, invisible marks, lone surrogates. */
const unwantedCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** TAB, LF, CR and the Unicode line and paragraph separators. */
const lineBreaking = /[\t\n\r\u0085\u2028\u2029]/;

const freeText = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    // Control characters, direction overrides and invisible marks (which can disguise text to a reader or a screen
    // reader) and lone surrogates (not text at all) are refused.
    z.refine((value) => !unwantedCharacters.test(value), { error: 'control_characters' }),
  );

/**
 * Trimmed, non-empty, single-line text of at most `max` characters: names, address lines, document names and
 * numbers. These reach e-mail subjects and one-line facts of letters, where a line break could forge a header or a
 * line, so TAB, CR and LF are refused too.
 */
export const text = (max: number) => freeText(max).check(z.refine((value) => !lineBreaking.test(value), { error: 'single_line' }));

/** Trimmed, non-empty text of at most `max` characters that may run over several lines (reasons, letters, recommendations). */
export const multilineText = freeText;

/** Given or family name: letters (any script, so Latvian diacritics), spaces, hyphens, apostrophes, dots. */
export const personName = builtOnFirstUse(() => z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(limits.name),
  z.regex(/^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u, { error: 'person_name' }),
));

export const PersonalCode = builtOnFirstUse(() => z.string().check(
  z.maxLength(12),
  z.refine((value) => checkPersonalCode(value).valid, { error: 'personal_code' }),
));
export type PersonalCode = z.infer<typeof PersonalCode>;

export { IsoDate } from './calendar';

export const Email = builtOnFirstUse(() => z.email().check(z.maxLength(254)));

/** A phone number with an optional leading +, 8–15 digits, spaces allowed between groups. */
export const Phone = builtOnFirstUse(() => z.string().check(
  z.trim(),
  z.maxLength(20),
  z.regex(/^\+?\d(?:[ ]?\d){7,14}$/, { error: 'phone' }),
));

export const Language = builtOnFirstUse(() => z.enum(['lv', 'en']));
export type Language = z.infer<typeof Language>;

export const ContactChannel = builtOnFirstUse(() => z.enum(['email', 'phone', 'post']));

export const Municipality = builtOnFirstUse(() => z.enum(municipalityIds));

export const Address = builtOnFirstUse(() => z.strictObject({
  municipality: Municipality,
  /** Street, house, flat, place: the rest of the declared address. */
  line: text(limits.shortText),
  postcode: z.optional(z.string().check(z.regex(/^LV-\d{4}$/, { error: 'postcode' }))),
}));

export const DisabilityGroup = builtOnFirstUse(() => z.enum(['I', 'II', 'III', 'disabled-child', 'none']));

/** ICF code: component letter (b, s, d, e) and 3–5 digits, optionally a qualifier (`b280.2`). */
export const IcfCode = builtOnFirstUse(() => z.string().check(
  z.trim(),
  z.regex(/^[bdes]\d{3,5}(\.\d{1,3})?$/, { error: 'icf_code' }),
));

export const IcfCodes = builtOnFirstUse(() => z.array(IcfCode).check(z.minLength(1), z.maxLength(limits.icfCodes)));

export const DocumentNumber = builtOnFirstUse(() => text(limits.documentNumber));

/** Above pension age only people who work and pay social insurance qualify for working-age services. */
export const workingAndInsured = builtOnFirstUse(() => z.optional(z.boolean()));

/** A VDEĀVK opinion on a predicted disability (prognozējama invaliditāte). */
export const predictedDisabilityEvidence = {
  vdeavkDecisionNumber: DocumentNumber,
  vdeavkDecisionDate: IsoDate,
  vdeavkDecisionValidUntil: IsoDate,
};

/** Vehicle identification number: 17 characters, no I, O or Q. */
export const Vin = builtOnFirstUse(() => z.string().check(z.trim(), z.regex(/^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$/, { error: 'vin' })));

/** Latvian registration plate, e.g. `AB-1234` (hyphen optional). */
export const RegistrationNumber = builtOnFirstUse(() => z.string().check(z.trim(), z.regex(/^[A-Za-z]{1,3}-?\d{1,4}$/, { error: 'registration_number' })));

/** A short code of lowercase letters, digits and hyphens (programme ids). */
export const Slug = builtOnFirstUse(() => z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, { error: 'invalid_format' })));

export const Applicant = builtOnFirstUse(() => z.strictObject({
  /**
   * Name and personal code identify the person the application is for. When you
   * apply for yourself they come from your sign-in (eID) and need not be sent;
   * a representative must send them for the person represented.
   */
  givenName: z.optional(personName),
  familyName: z.optional(personName),
  personalCode: z.optional(PersonalCode),
  /** Its own field: new-format personal codes carry no birth date. */
  dateOfBirth: IsoDate,
  address: Address,
  phone: Phone,
  /** Required when a citizen applies; a referral may not know the client's address. */
  email: z.optional(Email),
  language: Language,
  contactChannel: ContactChannel,
}));
export type Applicant = z.infer<typeof Applicant>;

export const Representative = builtOnFirstUse(() => z.strictObject({
  kind: z.enum(['legal-representative', 'authorised-person']),
  /** The document giving that right: court decision, orphan's court decision, power of attorney… */
  document: z.strictObject({
    type: z.enum(['birth-certificate', 'court-decision', 'orphans-court-decision', 'power-of-attorney']),
    number: DocumentNumber,
    issuedOn: IsoDate,
  }),
}));
export type Representative = z.infer<typeof Representative>;

/** Both declarations must be affirmed for an application to be accepted. */
export const Declarations = builtOnFirstUse(() => z.strictObject({
  informationIsTrue: z.literal(true),
  consentToProcessing: z.literal(true),
}));
