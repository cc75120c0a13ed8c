import { describe, expect, it } from 'vitest';
import { staffApplicationPagePaths, staffPortalPath } from '../../functions/core/portal-pages';
import { agencyAlert } from '../../functions/core/templates/agency-alert';
import { decisionTypes, type DecisionType } from '../../schemas/decision';
import { applicationStatuses } from '../../schemas/lifecycle';
import type { Application, DecisionRecord } from '../../functions/core/model';
import type { Email } from '../../functions/core/templates/html';
import { agencyDocumentsAlert } from '../../functions/core/templates/agency-documents-alert';
import { applicantUpdate } from '../../functions/core/templates/applicant-update';
import { referrerConfirmation } from '../../functions/core/templates/referrer-confirmation';
import { referrerUpdate } from '../../functions/core/templates/referrer-update';
import type { ApplicantChange, StatusChange } from '../../functions/core/templates/status-change';
import { wording } from '../../functions/core/templates/wording/languages';
import { inLanguageOf, referredApplication, statusAfterDecision } from '../support/email-fixtures';

const languages = ['lv', 'en'] as const;
const portalUrl = 'https://e.siva.gov.lv/';
const staffPortalUrl = 'https://darbs.siva.gov.lv/';

const application = referredApplication;
const inLanguage = (language: 'lv' | 'en'): Application => inLanguageOf(application, language);

/** A full document per type, as the decision route stores it (the decision minus type and version). */
const documents: Record<DecisionType, Record<string, unknown>> = {
  register: {},
  'request-documents': {
    documents: ['Izraksts no slimnīcas ar SFK kodiem', 'Funkcionēšanas pašnovērtējuma anketa'],
    deadline: '2026-12-15',
  },
  review: {},
  'admit-to-queue': {},
  grant: { urgent: true, startsOn: '2027-01-11' },
  refuse: {
    reason: 'Medicīniskā rehabilitācija beidzās vairāk nekā pirms diviem mēnešiem.',
    appeal: 'Lēmumu var apstrīdēt viena mēneša laikā no tā spēkā stāšanās dienas, iesniedzot iesniegumu SIVA direktoram.',
  },
  start: { startedOn: '2027-01-11' },
  'not-started': { reason: 'Klients neieradās uz kursa sākumu.' },
  postpone: { reason: 'Klients lūdza atlikt kursu slimības dēļ.', until: '2027-03-01' },
  complete: {
    completedOn: '2027-01-24',
    recommendations: 'Turpināt vingrojumus mājās.\nApmeklēt ergoterapeitu reizi mēnesī.',
    roadMap: 'Atgriezties darbā ar pielāgotu darba vietu. Pieteikties NVA atbalsta pasākumiem.',
  },
};

/** Minimal documents: every optional field absent. */
const minimalDocuments: Partial<Record<DecisionType, Record<string, unknown>>> = {
  grant: {},
  postpone: { reason: 'Vietu trūkums.' },
  complete: { completedOn: '2027-01-24', recommendations: 'Turpināt vingrojumus mājās.' },
};

const targets = statusAfterDecision;

const decisionChange = (type: DecisionType, document = documents[type], extra: Partial<ApplicantChange> = {}): ApplicantChange => {
  const decision: DecisionRecord = {
    applicationId: application.id,
    eventId: '2026-12-01T08:30:00.000Z#e1',
    type,
    at: '2026-12-01T08:30:00.000Z',
    author: { subject: 'staff-1', name: 'Anna Liepa' },
    from: 'under_review',
    to: targets[type],
    document,
  };
  return { kind: 'decision', decision, at: decision.at, ...extra };
};
const withdrawal: ApplicantChange = { kind: 'withdrawn', at: '2026-12-02T12:00:00.000Z' };
const documentsSent: StatusChange = { kind: 'documents_submitted', at: '2026-12-03T14:45:00.000Z' };

const nextHeading = { lv: 'Kas jums jādara tālāk', en: 'What to do next' } as const;

/** A heading as renderEmail makes it: underlined in the text, <h2> in the HTML. */
const expectHeading = (email: Email, heading: string) => {
  expect(email.text).toContain(`\n${heading}\n${'-'.repeat(heading.length)}\n`);
  expect(email.html).toContain(`<h2>${heading}</h2>`);
};

const expectClean = (email: Email) => {
  for (const part of [email.subject, email.text, email.html]) {
    expect(part).not.toMatch(/undefined|null|\[object Object\]|NaN|Invalid Date/);
  }
};

/** Everything personal about the client that must not travel to officers or the inbox. */
const personalValues = [
  application.applicant.givenName,
  application.applicant.familyName,
  application.applicant.personalCode,
  '161175-19997',
  application.applicant.dateOfBirth,
  application.applicant.phone,
  application.applicant.email!,
  application.applicant.address.line,
  'b280',
  'd450.2',
  'IZR-SECRET-114',
  '2026-11-01',
];
const expectNoPersonalData = (email: Email, extra: readonly string[] = []) => {
  for (const part of [email.subject, email.text, email.html]) {
    for (const value of [...personalValues, ...extra]) expect(part).not.toContain(value);
  }
};

const allChanges = (): [string, ApplicantChange][] => [
  ...decisionTypes.map((type): [string, ApplicantChange] => [type, decisionChange(type, documents[type], { queuePosition: 17 })]),
  ...Object.entries(minimalDocuments).map(([type, document]): [string, ApplicantChange] => [
    `${type} (minimal)`,
    decisionChange(type as DecisionType, document),
  ]),
  ['withdrawn', withdrawal],
];

describe('statusNames', () => {
  it('names every status in both languages', () => {
    for (const language of languages) {
      expect(Object.keys(wording[language].statusNames).sort()).toEqual([...applicationStatuses].sort());
      for (const status of applicationStatuses) expect(wording[language].statusNames[status].length).toBeGreaterThan(0);
    }
  });
});

describe('applicantUpdate', () => {
  describe.each(languages)('in %s', (language) => {
    const app = inLanguage(language);

    it.each(decisionTypes)('%s: reference and status in the subject, headings, link, lang', (type) => {
      const email = applicantUpdate(app, decisionChange(type), portalUrl);
      expect(email.subject).toContain(application.reference);
      expect(email.subject).toContain(wording[language].statusNames[targets[type]]);
      expectHeading(email, nextHeading[language]);
      expectHeading(email, language === 'lv' ? 'Kas ir mainījies' : 'What has changed');
      expectHeading(email, language === 'lv' ? 'Ko tas nozīmē' : 'What this means');
      expect(email.html).toContain(`<html lang="${language}">`);
      expect(email.text).toContain(language === 'lv' ? 'Labdien, Līga Ozola!' : 'Hello Līga Ozola,');
      // The portal's page of the application in the reader's language (sign-in returns there), not the API's path.
      const page = `https://e.siva.gov.lv${language === 'lv' ? '/pieteikumi/' : '/en/applications/'}${application.id}`;
      expect(email.text).toContain(page);
      expect(email.html).toContain(`href="${page}"`);
      expect(email.text).toContain(`${language === 'lv' ? 'Iesnieguma numurs' : 'Application number'}: ${application.reference}`);
      expect(email.text).toContain(
        `${language === 'lv' ? 'Jaunais statuss' : 'New status'}: ${wording[language].statusNames[targets[type]]}`,
      );
      expect(email.text).toContain(language === 'lv' ? 'Lēmuma datums: 2026. gada 1. decembris' : 'Date of the decision: 1 December 2026');
      expect(email.text).toContain(language === 'lv' ? 'Sociālās integrācijas valsts aģentūra' : 'Social Integration State Agency');
    });

    it.each(allChanges())('%s: nothing undefined or [object Object]', (_name, change) => {
      expectClean(applicantUpdate(app, change, portalUrl));
    });

    it('request-documents: the deadline as a labelled fact in words, the documents as a list', () => {
      const email = applicantUpdate(app, decisionChange('request-documents'), portalUrl);
      const deadline = language === 'lv' ? 'otrdiena, 2026. gada 15. decembris' : 'Tuesday, 15 December 2026';
      expect(email.text).toContain(`${language === 'lv' ? 'Termiņš dokumentiem' : 'Deadline for the documents'}: ${deadline}`);
      expect(email.html).toContain(`<dd>${deadline}</dd>`);
      expect(email.text).not.toContain('2026-12-15');
      expectHeading(email, language === 'lv' ? 'Kādi dokumenti mums vajadzīgi' : 'Documents we need');
      expect(email.text).toContain('1. Izraksts no slimnīcas ar SFK kodiem\n2. Funkcionēšanas pašnovērtējuma anketa');
      expect(email.html).toContain('<li>Izraksts no slimnīcas ar SFK kodiem</li><li>Funkcionēšanas pašnovērtējuma anketa</li>');
      expect(email.text).toContain(language === 'lv' ? `Nosūtiet tos līdz termiņam: ${deadline}.` : `Send them by ${deadline}.`);
    });

    it('no deadline fact for decisions without one', () => {
      for (const type of decisionTypes.filter((t) => t !== 'request-documents')) {
        const email = applicantUpdate(app, decisionChange(type), portalUrl);
        expect(email.text).not.toContain(language === 'lv' ? 'Termiņš dokumentiem' : 'Deadline for the documents');
      }
    });

    it('refuse: the reason, the appeal from the decision and the general route to the director', () => {
      const email = applicantUpdate(app, decisionChange('refuse'), portalUrl);
      expectHeading(email, language === 'lv' ? 'Kāpēc pakalpojums ir atteikts' : 'Why the service was refused');
      expectHeading(email, language === 'lv' ? 'Kā apstrīdēt lēmumu' : 'How to contest this decision');
      expect(email.text).toContain(documents.refuse.reason as string);
      expect(email.text).toContain(documents.refuse.appeal as string);
      expect(email.text).toContain(language === 'lv' ? 'aģentūras direktoram' : "agency's director");
    });

    it('complete: recommendations (one paragraph per line) and the Ceļa karte', () => {
      const email = applicantUpdate(app, decisionChange('complete'), portalUrl);
      expectHeading(email, language === 'lv' ? 'Ieteikumi' : 'Recommendations');
      expectHeading(email, language === 'lv' ? 'Ceļa karte' : 'Your road map (Ceļa karte)');
      expect(email.html).toContain('<p>Turpināt vingrojumus mājās.</p>');
      expect(email.html).toContain('<p>Apmeklēt ergoterapeitu reizi mēnesī.</p>');
      expect(email.text).toContain(documents.complete.roadMap as string);
      expect(email.text).toContain(language === 'lv' ? 'Pakalpojums pabeigts: svētdiena, 2027. gada 24. janvāris' : 'Service completed: Sunday, 24 January 2027');
    });

    it('complete without a road map has no road-map heading', () => {
      const email = applicantUpdate(app, decisionChange('complete', minimalDocuments.complete), portalUrl);
      expect(email.text).toContain('Turpināt vingrojumus mājās.');
      expect(email.text).not.toContain(language === 'lv' ? 'Ceļa karte' : 'road map');
    });

    it('admit-to-queue: the queue position when given', () => {
      const email = applicantUpdate(app, decisionChange('admit-to-queue', {}, { queuePosition: 17 }), portalUrl);
      expect(email.text).toContain(`${language === 'lv' ? 'Jūsu vieta rindā' : 'Your place in the queue'}: 17`);
      const without = applicantUpdate(app, decisionChange('admit-to-queue'), portalUrl);
      expect(without.text).not.toContain(language === 'lv' ? 'Jūsu vieta rindā:' : 'Your place in the queue:');
      // A position means nothing once the application has left the queue.
      for (const type of decisionTypes.filter((t) => t !== 'admit-to-queue')) {
        const other = applicantUpdate(app, decisionChange(type, documents[type], { queuePosition: 17 }), portalUrl);
        expect(other.text).not.toContain(language === 'lv' ? 'Jūsu vieta rindā' : 'Your place in the queue:');
      }
    });

    it('grant: urgency and the start date; postpone: reason and until; not-started: reason', () => {
      const grant = applicantUpdate(app, decisionChange('grant'), portalUrl);
      expect(grant.text).toContain(language === 'lv' ? 'Pakalpojuma sākums: pirmdiena, 2027. gada 11. janvāris' : 'Service starts: Monday, 11 January 2027');
      expect(grant.text).toContain(language === 'lv' ? 'nav jāgaida rindā' : 'do not have to wait in the queue');
      const postpone = applicantUpdate(app, decisionChange('postpone'), portalUrl);
      expect(postpone.text).toContain(documents.postpone.reason as string);
      expect(postpone.text).toContain(language === 'lv' ? 'Atlikts līdz: pirmdiena, 2027. gada 1. marts' : 'Postponed until: Monday, 1 March 2027');
      const notStarted = applicantUpdate(app, decisionChange('not-started'), portalUrl);
      expectHeading(notStarted, language === 'lv' ? 'Pamatojums' : 'Reason');
      expect(notStarted.text).toContain(documents['not-started'].reason as string);
    });

    it('withdrawal: subject, status and what next', () => {
      const email = applicantUpdate(app, withdrawal, portalUrl);
      expect(email.subject).toBe(
        language === 'lv' ? 'Jūsu iesniegums SIVA-2026-000123: atsaukts' : 'Your application SIVA-2026-000123: withdrawn',
      );
      expectHeading(email, nextHeading[language]);
      expect(email.html).toContain(`<html lang="${language}">`);
      expect(email.text).toContain(language === 'lv' ? 'Datums: 2026. gada 2. decembris' : 'Date: 2 December 2026');
    });

    it('escapes the decision text in HTML', () => {
      const email = applicantUpdate(app, decisionChange('refuse', { reason: 'A <b>bold</b> claim', appeal: 'x & y' }), portalUrl);
      expect(email.html).toContain('A &lt;b&gt;bold&lt;/b&gt; claim');
      expect(email.html).not.toContain('<b>');
      expect(email.html).toContain('x &amp; y');
    });
  });

  it('names the application and its new status in words in the subject', () => {
    expect(applicantUpdate(inLanguage('lv'), decisionChange('admit-to-queue'), portalUrl).subject).toBe(
      'Jūsu iesniegums SIVA-2026-000123: uzņemts rindā',
    );
    expect(applicantUpdate(inLanguage('en'), decisionChange('admit-to-queue'), portalUrl).subject).toBe(
      'Your application SIVA-2026-000123: placed in the queue',
    );
  });

  it('a decision change without its record is a programming error', () => {
    expect(() => applicantUpdate(application, { kind: 'decision', at: '2026-12-01T08:30:00.000Z' }, portalUrl)).toThrow(TypeError);
  });
});

describe('referrerUpdate', () => {
  const referralLink = `https://darbs.siva.gov.lv/nosutijumi/${application.id}`;

  it.each(allChanges())('%s: referral, reference, status and date; no personal data', (_name, change) => {
    const email = referrerUpdate(inLanguage('en'), change, staffPortalUrl);
    expectClean(email);
    expect(email.html).toContain('<html lang="lv">');
    expect(email.subject).toContain(application.reference);
    expect(email.subject).toContain('SD-2026/778');
    expect(email.text).toContain('Nosūtījuma numurs: SD-2026/778');
    expect(email.text).toContain('SIVA iesnieguma numurs: SIVA-2026-000123');
    expect(email.text).toContain('Pakalpojums: Sociālā rehabilitācija');
    expect(email.text).toContain('Mērķa grupa: Pēc medicīniskās rehabilitācijas');
    expect(email.text).toContain('Labdien, Inese Kalniņa!');
    expect(email.text).toContain(`${referralLink}`);
    expect(email.html).toContain(`href="${referralLink}"`);
    expect(email.html).toMatch(/<h2>[^<]+<\/h2>/);
    // Nothing of the client, and none of the decision's own words (they may hold health data).
    expectNoPersonalData(email, [
      documents.refuse.reason as string,
      documents.refuse.appeal as string,
      documents['not-started'].reason as string,
      documents.postpone.reason as string,
      'Turpināt vingrojumus',
      documents.complete.roadMap as string,
      'Izraksts no slimnīcas',
    ]);
  });

  it.each(decisionTypes)('%s: the new status and the decision date', (type) => {
    const email = referrerUpdate(application, decisionChange(type), staffPortalUrl);
    expect(email.text).toContain(`Jaunais statuss: ${wording.lv.statusNames[targets[type]]}`);
    expect(email.text).toContain('Lēmuma datums: 2026. gada 1. decembris');
  });

  it('request-documents: the deadline, not the documents', () => {
    const email = referrerUpdate(application, decisionChange('request-documents'), staffPortalUrl);
    expect(email.text).toContain('Termiņš dokumentiem: otrdiena, 2026. gada 15. decembris');
    expect(email.text).not.toContain('Funkcionēšanas pašnovērtējuma anketa');
  });

  it('withdrawal: status withdrawn with its date', () => {
    const email = referrerUpdate(application, withdrawal, staffPortalUrl);
    expect(email.text).toContain('Jaunais statuss: atsaukts');
    expect(email.text).toContain('Datums: 2026. gada 2. decembris');
  });

  it('needs a referral', () => {
    const { referral: _referral, ...selfFiled } = application;
    expect(() => referrerUpdate({ ...selfFiled, channel: 'self' }, withdrawal, staffPortalUrl)).toThrow(TypeError);
  });
});

describe('agencyDocumentsAlert', () => {
  it('reference, service, track, date and the staff link, in Latvian, without personal data', () => {
    const email = agencyDocumentsAlert(inLanguage('en'), documentsSent, staffPortalUrl);
    expectClean(email);
    expectNoPersonalData(email);
    expect(email.html).toContain('<html lang="lv">');
    expect(email.subject).toContain(application.reference);
    expect(email.text).toContain('Iesnieguma numurs: SIVA-2026-000123');
    expect(email.text).toContain('Pakalpojums: Sociālā rehabilitācija');
    expect(email.text).toContain('Mērķa grupa: Pēc medicīniskās rehabilitācijas');
    expect(email.text).toContain('Ziņots: 2026. gada 3. decembris 16:45');
    expect(email.text).toContain('pieprasītie dokumenti ir nosūtīti');
    expect(email.html).toContain(`href="https://darbs.siva.gov.lv/pieteikumi/${application.id}"`);
    expect(email.html).toMatch(/<h2>[^<]+<\/h2>/);
  });

  it('documents added before any request say so and keep the status they were added in', () => {
    const email = agencyDocumentsAlert(application, { kind: 'documents_added', at: '2026-12-03T14:45:00.000Z', status: 'registered' }, staffPortalUrl);
    expectClean(email);
    expectNoPersonalData(email);
    expect(email.subject).toBe(`Pievienoti dokumenti: ${application.reference}, Sociālā rehabilitācija`);
    expect(email.text).toContain('pirms tos pieprasījāt');
    expect(email.text).toContain('Statuss (nav mainīts): reģistrēts');
    expect(email.html).toContain(`href="https://darbs.siva.gov.lv/pieteikumi/${application.id}"`);
  });

  it('is only for documents_submitted and documents_added', () => {
    expect(() => agencyDocumentsAlert(application, withdrawal, staffPortalUrl)).toThrow(TypeError);
  });
});

describe("the agency's alerts", () => {
  it("link straight to the application's staff page on the portal (the page the workforce route table serves)", () => {
    const portalStaffUrl = `https://e.siva.gov.lv${staffPortalPath}`;
    const page = staffApplicationPagePaths.lv.replace('{id}', application.id);
    for (const email of [agencyAlert(application, portalStaffUrl), agencyDocumentsAlert(application, documentsSent, portalStaffUrl)]) {
      expect(email.html).toContain(`href="https://e.siva.gov.lv${page}"`);
    }
    expect(page).toBe(`/darbs/pieteikumi/${application.id}`);
  });
});

describe('what a stored decision document cannot change in an e-mail', () => {
  /** Every field some decision type reads for its facts, as another type's stored document might still hold it. */
  const otherTypesFields = {
    deadline: '2026-12-15',
    documents: ['Izraksts no slimnīcas ar SFK kodiem'],
    urgent: true,
    startsOn: '2027-01-11',
    until: '2027-03-01',
    roadMap: 'Atgriezties darbā.',
    startedOn: '2027-01-12',
    completedOn: '2027-01-24',
  };

  it.each(decisionTypes)('%s: the e-mails read only the fields of their own decision type', (type) => {
    const withStrays = decisionChange(type, { ...otherTypesFields, ...documents[type] });
    for (const language of languages) {
      expect(applicantUpdate(inLanguage(language), withStrays, portalUrl)).toEqual(applicantUpdate(inLanguage(language), decisionChange(type), portalUrl));
    }
    expect(referrerUpdate(application, withStrays, staffPortalUrl)).toEqual(referrerUpdate(application, decisionChange(type), staffPortalUrl));
  });

  it('a queue place is named only when it is a place (1 or more), and a queue e-mail without one says nothing of it', () => {
    for (const language of languages) {
      const noPlace = applicantUpdate(inLanguage(language), decisionChange('admit-to-queue', {}, { queuePosition: 0 }), portalUrl);
      expect(noPlace).toEqual(applicantUpdate(inLanguage(language), decisionChange('admit-to-queue'), portalUrl));
      expect(noPlace.text).toContain(
        language === 'lv'
          ? 'Tagad brīvas vietas nav, tāpēc jūs gaidāt rindā.\n\nJūsu vieta rindā var mainīties'
          : 'There is no free place now, so you are waiting in the queue.\n\nYour place in the queue can change',
      );
    }
  });

  it('a template given what it cannot handle says what was missing', () => {
    const { referral: _referral, ...selfFiled } = application;
    const notReferred: Application = { ...selfFiled, channel: 'self' };
    expect(() => applicantUpdate(application, { kind: 'decision', at: '2026-12-01T08:30:00.000Z' }, portalUrl)).toThrow(/needs its decision record/);
    expect(() => referrerUpdate(notReferred, withdrawal, staffPortalUrl)).toThrow(/needs an application that came by referral/);
    expect(() => referrerConfirmation(notReferred, staffPortalUrl)).toThrow(/needs an application that came by referral/);
    expect(() => agencyDocumentsAlert(application, withdrawal, staffPortalUrl)).toThrow(/is for documents_submitted/);
  });
});
