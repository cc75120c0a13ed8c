/**
 * How the e-mails read a decision's free text and show dates (functions/core/templates/decision-document.ts,
 * date-formats.ts): a decision document is stored as unknown JSON, so blank or stray values must never reach an
 * e-mail as empty lines, and anything that is not a date is shown as given rather than failing the e-mail.
 */
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../functions/core/templates/date-formats';
import { listField, paragraphs, textField } from '../../functions/core/templates/decision-document';
import { applicationPageUrl, staffApplicationUrl } from '../../functions/core/portal-pages';

describe("a decision document's free text", () => {
  it('is read without the spaces around it, and a blank or non-text value is no value', () => {
    const document = { reason: '  Vietu trūkums.\n', appeal: ' \n\t ', until: 20270301 };
    expect(textField(document, 'reason')).toBe('Vietu trūkums.');
    expect(textField(document, 'appeal')).toBeUndefined();
    expect(textField(document, 'until')).toBeUndefined();
    expect(textField(document, 'absent')).toBeUndefined();
  });

  it('keeps of a list only the entries that say something, trimmed', () => {
    const document = { documents: ['  Izraksts no slimnīcas ', '', '   ', 7, null, 'Pašnovērtējuma anketa'], deadline: 'rīt' };
    expect(listField(document, 'documents')).toEqual(['Izraksts no slimnīcas', 'Pašnovērtējuma anketa']);
    expect(listField(document, 'deadline')).toEqual([]);
  });

  it('becomes one paragraph per line that has text, whatever the line endings and blank lines', () => {
    expect(paragraphs('  Turpināt vingrojumus.\r\n\r\n   \nApmeklēt ergoterapeitu.  ')).toEqual([
      { kind: 'paragraph', text: 'Turpināt vingrojumus.' },
      { kind: 'paragraph', text: 'Apmeklēt ergoterapeitu.' },
    ]);
  });
});

describe('a calendar date in an e-mail', () => {
  it('is shown as given when it is not a date of the calendar, instead of failing the e-mail', () => {
    expect(calendarDate('soon', 'en')).toBe('soon');
    expect(calendarDate('2026-13-01', 'lv')).toBe('2026-13-01');
  });
});

describe('a link in an e-mail', () => {
  it('joins the configured address and the page with one slash, however many the address ends in', () => {
    expect(applicationPageUrl('https://e.siva.gov.lv//', 'app 1', 'en')).toBe('https://e.siva.gov.lv/en/applications/app%201');
    expect(staffApplicationUrl('https://e.siva.gov.lv/darbs//', 'app-1')).toBe('https://e.siva.gov.lv/darbs/pieteikumi/app-1');
  });
});
