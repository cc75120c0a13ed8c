/**
 * The e-mails a new application causes (functions/core/templates/submission.ts), read as their recipients read
 * them: the applicant's confirmation in their language (and for a referral, who filed it), the agency's alert with
 * no personal or health data, and the referring officer's confirmation naming the referral, not the client.
 * Times are Riga's (12:00 in Riga is 10:00 UTC in November).
 */
import { describe, expect, it } from 'vitest';
import type { Application, ReferralRecord } from '../../functions/core/model';
import { agencyAlert, applicantConfirmation, referrerConfirmation, trackName } from '../../functions/core/templates/submission';

const application: Application = {
  id: 'app 1',
  reference: 'SIVA-2026-000042',
  serviceId: 'social-rehabilitation',
  track: 'functional-impairment',
  status: 'submitted',
  version: 1,
  channel: 'self',
  ownerSubject: 'eid-liga',
  personKey: 'key',
  applicant: {
    givenName: 'Līga',
    familyName: 'Ozola',
    personalCode: '16117519997',
    dateOfBirth: '1975-11-16',
    address: { municipality: 'riga', line: 'Brīvības iela 1' },
    phone: '+37120000000',
    email: 'liga@example.lv',
    language: 'lv',
    contactChannel: 'email',
  },
  evidence: { disabilityGroup: 'II' },
  language: 'lv',
  submittedAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

const referral: ReferralRecord = {
  kind: 'social-service',
  organisation: 'jurmala',
  officerSubject: 'eid-officer',
  officerName: 'Dace Liepa',
  number: 'N-7',
  date: '2026-11-20',
  clientConsent: true,
};

describe('the applicant’s confirmation', () => {
  it('in Latvian: the reference, service, group and time received, what happens next and where to follow it', () => {
    const email = applicantConfirmation(application, 'https://e.siva.gov.lv/');
    expect(email.subject).toBe('Jūsu iesniegums SIVA-2026-000042 ir saņemts');
    expect(email.text).toBe(
      [
        'Jūsu iesniegums SIVA-2026-000042 ir saņemts',
        'Labdien, Līga Ozola!',
        'Sociālās integrācijas valsts aģentūra (SIVA) ir saņēmusi jūsu iesniegumu.',
        'Iesnieguma numurs: SIVA-2026-000042\nPakalpojums: Sociālā rehabilitācija\nMērķa grupa: Personas ar funkcionēšanas ierobežojumiem\nSaņemts: 2026. gada 22. novembris 12:00',
        'Kas notiks tālāk\n----------------',
        '1. Aģentūras darbinieki pārbaudīs jūsu iesniegumu un to reģistrēs.\n2. Ja būs vajadzīgi papildu dokumenti, mēs jums rakstīsim un norādīsim termiņu.\n3. Par katru lēmumu (uzņemšanu rindā, pakalpojuma piešķiršanu vai atteikumu) jūs saņemsiet e-pastu.',
        'Kā sekot iesniegumam\n--------------------',
        'Skatīt iesnieguma statusu un vēsturi: https://e.siva.gov.lv/pieteikumi/app%201',
        'Sazinoties ar mums, lūdzu, norādiet iesnieguma numuru.',
        'Sociālās integrācijas valsts aģentūra\n',
      ].join('\n\n'),
    );
    expect(email.html).toContain('<html lang="lv">');
  });

  it('in English for an applicant who chose English; a referral says who filed it', () => {
    const email = applicantConfirmation({ ...application, language: 'en', channel: 'referral', referral }, 'https://e.siva.gov.lv');
    expect(email.subject).toBe('Your application SIVA-2026-000042 has been received');
    expect(email.text).toBe(
      [
        'Your application SIVA-2026-000042 has been received',
        'Hello Līga Ozola,',
        'The Social Integration State Agency (SIVA) has received the referral that Municipal social service (jurmala) filed on your behalf.',
        'Application number: SIVA-2026-000042\nService: Social rehabilitation\nGroup: People with functional impairments\nReceived: 22 November 2026 at 12:00',
        'What happens next\n-----------------',
        '1. Agency staff check your application and register it.\n2. If we need more documents, we will write to you and tell you the deadline.\n3. You will get an e-mail about every decision: a place in the queue, the service granted, or a refusal.',
        'How to follow your application\n------------------------------',
        'See the status and history of your application: https://e.siva.gov.lv/en/applications/app%201',
        'Please quote your application number whenever you contact us.',
        'Social Integration State Agency\n',
      ].join('\n\n'),
    );
    expect(email.html).toContain('<html lang="en">');
    expect(applicantConfirmation({ ...application, referral }, 'https://e.siva.gov.lv').text).toContain(
      'Sociālās integrācijas valsts aģentūra (SIVA) ir saņēmusi nosūtījumu, ko jūsu vārdā iesniedza Pašvaldības sociālais dienests (jurmala).',
    );
  });
});

describe('the agency’s alert', () => {
  it('names the application and how it came, and links to the staff workspace; nothing personal', () => {
    const email = agencyAlert(application, 'https://darbs.siva.gov.lv/');
    expect(email.text).toBe(
      [
        'Jauns iesniegums SIVA-2026-000042: Sociālā rehabilitācija',
        'Saņemts jauns iesniegums, kas gaida reģistrēšanu.',
        'Iesnieguma numurs: SIVA-2026-000042\nPakalpojums: Sociālā rehabilitācija\nMērķa grupa: Personas ar funkcionēšanas ierobežojumiem\nKanāls: pats iesniedzējs\nSaņemts: 2026. gada 22. novembris 12:00',
        'Atvērt iesniegumu darba vietnē: https://darbs.siva.gov.lv/pieteikumi/app%201',
        'Personas dati un pierādījumi šajā vēstulē netiek iekļauti; tie pieejami darba vietnē pēc pieteikšanās.\n',
      ].join('\n\n'),
    );
    for (const personal of ['Līga', 'Ozola', '16117519997', 'liga@example.lv', 'Brīvības']) expect(email.text + email.html).not.toContain(personal);
  });

  it('names a representative’s filing and a referral as such', () => {
    expect(agencyAlert({ ...application, channel: 'representative' }, 'https://darbs.siva.gov.lv').text).toContain('Kanāls: pārstāvis\n');
    expect(agencyAlert({ ...application, channel: 'referral', referral }, 'https://darbs.siva.gov.lv').text).toContain('Kanāls: nosūtījums\n');
  });
});

describe('the referring officer’s confirmation', () => {
  it('names the referral, its date and the reference, not the client, and links to the referral', () => {
    const email = referrerConfirmation({ ...application, id: 'app-1', channel: 'referral', referral }, 'https://darbs.siva.gov.lv//');
    expect(email.text).toBe(
      [
        'Nosūtījums N-7 saņemts: SIVA-2026-000042',
        'Labdien, Dace Liepa!',
        'SIVA ir saņēmusi un reģistrējusi jūsu nosūtījumu. Klients saņems apstiprinājumu, ja norādījāt viņa e-pasta adresi.',
        'Nosūtījuma numurs: N-7\nNosūtījuma datums: 2026-11-20\nSIVA iesnieguma numurs: SIVA-2026-000042\nPakalpojums: Sociālā rehabilitācija\nMērķa grupa: Personas ar funkcionēšanas ierobežojumiem\nSaņemts: 2026. gada 22. novembris 12:00',
        'Kas notiks tālāk\n----------------',
        '1. Aģentūra izskatīs nosūtījumu un par katru lēmumu informēs gan klientu, gan jūs.\n2. Nosūtījuma statusu varat redzēt savā nosūtījumu sarakstā.',
        'Atvērt nosūtījumu: https://darbs.siva.gov.lv/referrals/app-1',
        'Sociālās integrācijas valsts aģentūra\n',
      ].join('\n\n'),
    );
    expect(email.text).not.toContain('Līga');
  });
});

describe('a track’s name', () => {
  it('is the registry’s in the reader’s language, or the stored id for a track the registry no longer has', () => {
    expect(trackName(application, 'en')).toBe('People with functional impairments');
    expect(trackName({ serviceId: 'social-rehabilitation', track: 'retired-track' }, 'lv')).toBe('retired-track');
  });
});
