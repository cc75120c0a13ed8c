import { describe, expect, it } from 'vitest';
import { ApplicationSubmission } from '../../schemas/application';
import { describeIssues, localise } from '../../schemas/messages';
import { functionalImpairmentApplication, afterMedicalRehabilitationApplication } from '../support/fixtures';

const today = '2026-11-22';

/** Field → message, as the API would answer in the given language. */
const fieldMessages = (input: unknown, language: 'lv' | 'en' = 'lv') => {
  const result = ApplicationSubmission.safeParse(input);
  expect(result.success).toBe(false);
  return Object.fromEntries(
    describeIssues(result.error!.issues, input).map((v) => {
      const error = localise(v, language);
      return [error.field, `${error.code}: ${error.message}`];
    }),
  );
};

describe('social-rehabilitation application form', () => {
  it('accepts a complete application for each citizen track', () => {
    expect(ApplicationSubmission.safeParse(functionalImpairmentApplication(today)).success).toBe(true);
    expect(ApplicationSubmission.safeParse(afterMedicalRehabilitationApplication(today)).success).toBe(true);
  });

  it('names each missing field in Latvian by default and in English on request', () => {
    const input = functionalImpairmentApplication(today);
    const { phone: _phone, ...applicant } = input.applicant;
    const withoutPhone = { ...input, applicant };
    expect(fieldMessages(withoutPhone)).toEqual({ 'applicant.phone': 'required: Šis lauks ir obligāts.' });
    expect(fieldMessages(withoutPhone, 'en')).toEqual({ 'applicant.phone': 'required: This field is required.' });
  });

  it('reports unknown fields, wrong types, bad formats and over-long text per field', () => {
    const input = functionalImpairmentApplication(today);
    const messages = fieldMessages(
      {
        ...input,
        isAdmin: true,
        applicant: { ...input.applicant, phone: 20000000, email: 'not-an-email', address: { ...input.applicant.address, line: 'x'.repeat(201) } },
        evidence: { ...input.evidence, selfAssessmentCompletedOn: '2026-02-30' },
      },
      'en',
    );
    expect(messages).toEqual({
      isAdmin: 'unknown_field: This field is not expected.',
      'applicant.phone': 'wrong_type: Wrong type of value: expected text.',
      'applicant.email': 'invalid_email: Enter a valid e-mail address, for example name@example.lv.',
      'applicant.address.line': 'too_long: At most 200 characters.',
      'evidence.selfAssessmentCompletedOn': 'invalid_date: Enter a real date in the form YYYY-MM-DD, for example 2026-03-15.',
    });
  });

  it('explains an invalid personal code, municipality and ICF code', () => {
    const input = afterMedicalRehabilitationApplication(today);
    const messages = fieldMessages({
      ...input,
      applicant: { ...input.applicant, personalCode: '161375-19997', address: { ...input.applicant.address, municipality: 'atlantis' } },
      evidence: { ...input.evidence, icfCodes: ['x999'] },
    });
    expect(messages['applicant.personalCode']).toMatch(/^personal_code: Personas kods nav derīgs/);
    expect(messages['applicant.address.municipality']).toMatch(/^invalid_choice: Izvēlieties vienu no: riga, daugavpils/);
    expect(messages['evidence.icfCodes[0]']).toMatch(/^icf_code:/);
  });

  it('requires both declarations to be affirmed', () => {
    const input = functionalImpairmentApplication(today, { declarations: { informationIsTrue: false, consentToProcessing: true } });
    expect(fieldMessages(input, 'en')).toEqual({
      'declarations.informationIsTrue': 'must_accept: You must confirm this declaration to submit.',
    });
  });

  it('rejects an unknown track and an unknown service by listing the choices', () => {
    expect(fieldMessages({ ...functionalImpairmentApplication(today), track: 'spa-holiday' }, 'en').track).toMatch(
      /^invalid_choice: Choose one of: functional-impairment, after-medical-rehabilitation/,
    );
    expect(fieldMessages({ serviceId: 'lottery' }, 'en').serviceId).toBe(
      'invalid_choice: Choose one of: social-rehabilitation, vocational-suitability, vocational-rehabilitation, driving-training, vehicle-adaptation, early-intervention, coordinated-services.',
    );
  });

  it('rejects control characters and names with digits', () => {
    const input = functionalImpairmentApplication(today);
    const messages = fieldMessages({
      ...input,
      applicant: { ...input.applicant, givenName: 'R2D2', address: { ...input.applicant.address, line: 'Iela\u0000 1' } },
    });
    expect(messages['applicant.givenName']).toMatch(/^person_name:/);
    expect(messages['applicant.address.line']).toMatch(/^control_characters:/);
  });
});

describe('free text', () => {
  it('refuses direction overrides, invisible marks and lone surrogates, and keeps Latvian letters', async () => {
    const { text } = await import('../../schemas/primitives');
    const line = text(200);
    expect(line.safeParse('Brīvības iela 1 – 12, Rīga').success).toBe(true);
    for (const hostile of ['Iela\u202E1', 'Iela\u200B1', 'Iela\uD800', 'Iela\uDC001', 'Ie\uFEFFla', 'Iela\u2066x\u2069']) {
      expect(line.safeParse(hostile).success, JSON.stringify(hostile)).toBe(false);
    }
    expect(line.safeParse('Māja 😀').success).toBe(true);
  });

  // Single-line values reach e-mail subjects and one-line letters: a line break there could forge a header or a line.
  it('refuses CR, LF and TAB inside single-line fields with a field message in Latvian and English', () => {
    const input = functionalImpairmentApplication(today);
    for (const breaking of ['Iela 1\r\nBcc: x@example.lv', 'Iela 1\nDzīvoklis 2', 'Iela\t1']) {
      const withBreak = { ...input, applicant: { ...input.applicant, address: { ...input.applicant.address, line: breaking } } };
      expect(fieldMessages(withBreak)['applicant.address.line'], JSON.stringify(breaking)).toBe(
        'single_line: Tekstam jābūt vienā rindā: bez rindu pārnesumiem un tabulācijas.',
      );
      expect(fieldMessages(withBreak, 'en')['applicant.address.line']).toBe('single_line: The text must be on one line, without line breaks or tabs.');
    }
  });

  it('refuses line breaks in document names and numbers, and keeps them in letters staff write', async () => {
    const { Decision, DocumentsSubmitted, Withdrawal } = await import('../../schemas/decision');
    const documentsAsked = { type: 'request-documents', expectedVersion: 2, documents: ['Izziņa\nSubject: x'], deadline: '2026-12-15' };
    expect(Decision.safeParse(documentsAsked).success).toBe(false);
    const sent = (document: object) => DocumentsSubmitted.safeParse({ expectedVersion: 3, documents: [{ name: 'Izziņa', sentBy: 'post', ...document }] });
    expect(sent({}).success).toBe(true);
    expect(sent({ name: 'Izziņa\r\nX' }).success).toBe(false);
    expect(sent({ number: 'N-1\n2' }).success).toBe(false);

    const paragraphs = 'Pirmā rindkopa.\n\nOtrā rindkopa:\r\n- punkts';
    expect(Decision.safeParse({ type: 'refuse', expectedVersion: 2, reason: paragraphs, appeal: paragraphs }).success).toBe(true);
    expect(Withdrawal.safeParse({ expectedVersion: 1, reason: paragraphs }).success).toBe(true);
    expect(Withdrawal.safeParse({ expectedVersion: 1, reason: 'Iemesls\u0000' }).success).toBe(false);
  });
});
