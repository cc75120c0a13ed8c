/** A saved draft's form back into the portal's answers (by dotted path, as typed), so resuming fills every field in. */
import { describe, expect, it } from 'vitest';
import { answersOf } from '../../functions/web/citizen/drafts';
import { documentOf } from '../../functions/web/fields';

describe('answersOf (resuming a draft in the portal)', () => {
  it('flattens nested members to dotted paths, lists one a line, and yes/no as the radios send it', () => {
    expect(
      answersOf({
        applicant: { dateOfBirth: '1980-02-02', address: { municipality: 'jurmala', line: 'Dubultu prospekts 71' } },
        declarations: { informationIsTrue: true, consentToProcessing: false },
        documents: ['Izziņa', 'Atzinums'],
      }),
    ).toEqual({
      'applicant.dateOfBirth': '1980-02-02',
      'applicant.address.municipality': 'jurmala',
      'applicant.address.line': 'Dubultu prospekts 71',
      'declarations.informationIsTrue': 'true',
      'declarations.consentToProcessing': 'false',
      documents: 'Izziņa\nAtzinums',
    });
  });

  it('gives back what the pages saved: answers → document → answers is the same', () => {
    const fields = [
      { path: 'applicant.dateOfBirth', input: 'date' as const },
      { path: 'evidence.disabilityGroup', input: 'radios' as const },
      { path: 'declarations.informationIsTrue', input: 'checkbox' as const },
      { path: 'documents', input: 'lines' as const },
    ];
    const answers = { 'applicant.dateOfBirth': '1980-02-02', 'evidence.disabilityGroup': 'II', 'declarations.informationIsTrue': 'true', documents: 'A\nB' };
    expect(answersOf(documentOf(fields, answers))).toEqual(answers);
  });

  it('leaves out members saved empty (null), rather than filling a field with the word "null"', () => {
    expect(answersOf({ applicant: { phone: null, email: 'a@example.lv' } })).toEqual({ 'applicant.email': 'a@example.lv' });
  });
});
