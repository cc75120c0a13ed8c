/**
 * What the golden file of every e-mail (email-golden.test.ts) does not show of the e-mails a new application
 * causes: the agency's alert names a representative's filing as such and carries nothing personal about the
 * person, and a track the registry no longer has is named by its stored id.
 */
import { describe, expect, it } from 'vitest';
import type { Application } from '../../functions/core/model';
import { agencyAlert } from '../../functions/core/templates/agency-alert';
import { trackName } from '../../functions/core/templates/parts';
import { referredApplication } from '../support/email-fixtures';

/** A representative's filing on a track whose e-mails name it (not a special-category one). */
const application: Application = { ...referredApplication, channel: 'representative', track: 'functional-impairment' };

describe('the agency’s alert of a new application', () => {
  it('names a representative’s filing as such, and nothing personal of the person', () => {
    const email = agencyAlert(application, 'https://darbs.siva.gov.lv');
    expect(email.text).toContain('Kanāls: pārstāvis\n');
    for (const personal of ['Līga', 'Ozola', '16117519997', '1975-11-16', 'liga@example.lv', 'Brīvības', '+37120000000']) expect(email.text + email.html).not.toContain(personal);
  });
});

describe('a track’s name in an e-mail', () => {
  it('is the registry’s in the reader’s language, or the stored id for a track the registry no longer has', () => {
    expect(trackName(application, 'en')).toBe('People with functional impairments');
    expect(trackName(application, 'lv')).toBe('Personas ar funkcionēšanas ierobežojumiem');
    expect(trackName({ serviceId: 'social-rehabilitation', track: 'retired-track' }, 'lv')).toBe('retired-track');
  });
});
