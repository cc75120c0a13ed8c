/**
 * Filing an application (functions/core/applications.ts) against in-memory ports that keep the store's guarantees:
 * who an application is for and who filed it, its reference, idempotent replays, duplicates told only to the person
 * themself, a representative's daily limit, referrals, and reading back only what is the caller's.
 */
import { describe, expect, it } from 'vitest';
import { submitApplication, submitReferral } from '../../functions/core/applications/filing';
import { DailyFilingLimitReached, IdempotencyKeyTaken, OpenApplicationExists, type ApplicationDeps } from '../../functions/core/applications/ports';
import { getApplication, listApplicationsOf, listReferrals, readableBy, searchReferrals } from '../../functions/core/applications/reading';
import { idempotencyScope, type CitizenPrincipal, type ReferrerPrincipal } from '../../functions/core/applications/types';
import { DomainError } from '../../functions/core/errors';
import type { Application } from '../../functions/core/model';
import { defaultRules } from '../../functions/core/rules';
import type { ApplicationSubmission } from '../../schemas/application';
import type { ReferralSubmission } from '../../schemas/referral';
import { trackInfo } from '../../schemas/services';
import { janisPrincipal, newFormatCode, oldFormatBirthDate, oldFormatCode } from '../support/fixtures';
import { fixedClock, InMemoryStore, sequentialIds, refusal } from '../support/in-memory-ports';
import { allTracks, referralOf, validForm } from '../support/service-forms';

const today = '2026-11-20';
const noon = `${today}T10:00:00.000Z`;

const setup = (overrides: Partial<ApplicationDeps> = {}) => {
  const store = new InMemoryStore();
  const deps: ApplicationDeps = {
    store,
    clock: fixedClock(noon),
    newId: sequentialIds('a1b2c3d4e5'),
    rules: defaultRules,
    referencePrefix: 'SIVA',
    personKey: async (code) => `key-of-${code}`,
    representativeDailyLimit: 2,
    fingerprint: (body) => JSON.stringify(body),
    ...overrides,
  };
  return { store, deps };
};

/** Jānis as eID names him: an old-format code (hyphen dropped, as tokens carry it), born 16 Nov 1975. */
const janis: CitizenPrincipal = janisPrincipal;

/** Ilze, with a new-format code: her birth date comes from eID, not from her code. */
const ilze: CitizenPrincipal = { role: 'citizen', subject: 'eid-ilze', personalCode: newFormatCode, givenName: 'Ilze', familyName: 'Ozola', birthDate: '1980-02-29' };

const ownForm = (overrides: Partial<ApplicationSubmission> = {}) => ({ ...validForm('social-rehabilitation', 'functional-impairment', today), ...overrides }) as ApplicationSubmission;

/** Ilze files for her brother Kārlis under a power of attorney, naming him in the form with his code. */
const forKarlis = (applicant: Partial<ApplicationSubmission['applicant']> = {}) =>
  ({
    ...ownForm(),
    applicant: { ...ownForm().applicant, personalCode: '38123456789', givenName: 'Kārlis', familyName: 'Ozols', dateOfBirth: '1990-01-01', ...applicant },
    representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-123456', issuedOn: '2026-01-05' } },
  }) as ApplicationSubmission;

const officer: ReferrerPrincipal = { role: 'social-service', subject: 'eid-officer', name: 'Dace Liepa', email: 'dace@tukums.lv', organisation: 'tukums', services: [] };

const failure = refusal;

const violations = (error: DomainError) => error.violations.map(({ path, code }) => ({ path, code }));

describe('a citizen applies for themself', () => {
  it.each(allTracks())('a valid %s / %s form from whoever may file it is stored as submitted, numbered and answered with its receipt', async (serviceId, track) => {
    const { store, deps } = setup();
    const form = validForm(serviceId, track, today);
    const filer = trackInfo(serviceId, track)!.filedBy[0]!;
    const { receipt, replayed } =
      filer === 'citizen'
        ? await submitApplication(deps, janis, form)
        : await submitReferral(deps, { ...officer, role: filer }, referralOf(form, '38123456789', today) as unknown as ReferralSubmission);
    expect(replayed).toBe(false);
    expect(receipt).toEqual({ id: 'a1b2c3d4e5-00000001', reference: 'SIVA-2026-000001', status: 'submitted', submittedAt: noon });
    const stored = store.applications.get(receipt.id)!;
    expect(stored).toMatchObject({ serviceId, track, status: 'submitted', version: 1, channel: filer === 'citizen' ? 'self' : 'referral', evidence: form.evidence });
  });

  it('takes identity from the token, contact from the form, and records the filing on the timeline', async () => {
    const { store, deps } = setup();
    const form = ownForm();
    const { receipt } = await submitApplication(deps, janis, form);
    expect(store.applications.get(receipt.id)).toEqual({
      id: receipt.id,
      reference: 'SIVA-2026-000001',
      serviceId: 'social-rehabilitation',
      track: 'functional-impairment',
      status: 'submitted',
      version: 1,
      channel: 'self',
      ownerSubject: 'eid-janis',
      personKey: 'key-of-16117519997',
      applicant: { ...form.applicant, personalCode: '16117519997', givenName: 'Jānis', familyName: 'Bērziņš' },
      evidence: form.evidence,
      language: 'lv',
      submittedAt: noon,
      updatedAt: noon,
    });
    // The event id sorts by time and carries the first eight characters of a fresh id.
    expect(store.timelines.get(receipt.id)).toEqual([
      {
        applicationId: receipt.id,
        id: `${noon}#a1b2c3d4`,
        type: 'submitted',
        at: noon,
        actor: { role: 'citizen', subject: 'eid-janis' },
        status: 'submitted',
        details: { channel: 'self' },
      },
    ]);
    expect(store.openNeeds.get(`social-rehabilitation|functional-impairment|key-of-16117519997`)).toBe(receipt.id);
  });

  it('records the language the applicant chose for letters', async () => {
    const { store, deps } = setup();
    const form = ownForm();
    const { receipt } = await submitApplication(deps, janis, { ...form, applicant: { ...form.applicant, language: 'en' } });
    expect(store.applications.get(receipt.id)?.language).toBe('en');
  });

  it('numbers references per year from one, six digits, the year being Riga’s', async () => {
    const { deps } = setup();
    const first = await submitApplication(deps, janis, ownForm());
    const second = await submitApplication(deps, ilze, { ...ownForm(), applicant: { ...ownForm().applicant, dateOfBirth: '1980-02-29' } });
    expect([first.receipt.reference, second.receipt.reference]).toEqual(['SIVA-2026-000001', 'SIVA-2026-000002']);

    // 31 December 23:30 in Riga is already the new year there (22:30 UTC is 00:30 in Riga in winter).
    const newYear = setup({ clock: fixedClock('2026-12-31T22:30:00.000Z'), referencePrefix: 'TEST' });
    const { receipt } = await submitApplication(newYear.deps, janis, ownForm());
    expect(receipt.reference).toBe('TEST-2027-000001');
  });

  it('accepts the applicant’s own code written with or without the hyphen, and refuses anyone else’s', async () => {
    const { deps } = setup();
    await expect(submitApplication(deps, janis, ownForm({ applicant: { ...ownForm().applicant, personalCode: oldFormatCode } }))).resolves.toBeDefined();
    const refused = await failure(submitApplication(deps, janis, ownForm({ applicant: { ...ownForm().applicant, personalCode: '140385-19949' } })));
    expect(refused.kind).toBe('not-eligible');
    expect(violations(refused)).toEqual([{ path: ['applicant', 'personalCode'], code: 'not_own_personal_code' }]);
  });

  it('needs an e-mail address to write to', async () => {
    const { store, deps } = setup();
    const { email: _email, ...noEmail } = ownForm().applicant;
    const refused = await failure(submitApplication(deps, janis, ownForm({ applicant: noEmail as ApplicationSubmission['applicant'] })));
    expect(refused.kind).toBe('not-eligible');
    expect(violations(refused)).toEqual([{ path: ['applicant', 'email'], code: 'required' }]);
    expect(store.applications.size).toBe(0);
  });

  it('with a new-format code, the birth date is eID’s: another one in the form is refused', async () => {
    const { deps } = setup();
    const form = ownForm({ applicant: { ...ownForm().applicant, dateOfBirth: '1980-03-01' } });
    const refused = await failure(submitApplication(deps, ilze, form));
    expect(violations(refused)).toEqual([{ path: ['applicant', 'dateOfBirth'], code: 'birth_date_not_eid' }]);
    await expect(submitApplication(deps, ilze, { ...form, applicant: { ...form.applicant, dateOfBirth: '1980-02-29' } })).resolves.toBeDefined();
  });

  it('with a new-format code and no birth date in the token, the form’s is taken', async () => {
    const { birthDate: _none, ...withoutBirthDate } = ilze;
    const { deps } = setup();
    await expect(submitApplication(deps, withoutBirthDate, ownForm({ applicant: { ...ownForm().applicant, dateOfBirth: '1980-03-01' } }))).resolves.toBeDefined();
  });

  it('with an old-format code the code’s own date decides, not a birth date in the token', async () => {
    const { deps } = setup();
    const { receipt } = await submitApplication(deps, { ...janis, birthDate: '1975-11-17' }, ownForm());
    expect(receipt.status).toBe('submitted');
    const wrongDate = await failure(submitApplication(setup().deps, janis, ownForm({ applicant: { ...ownForm().applicant, dateOfBirth: '1975-11-17' } })));
    expect(wrongDate.kind).toBe('not-eligible');
    expect(wrongDate.violations.map((v) => v.path.join('.'))).toContain('applicant.dateOfBirth');
  });

  it('refuses a form the rules refuse, with the rule’s field message, and stores and numbers nothing', async () => {
    const { store, deps } = setup();
    const late = validForm('social-rehabilitation', 'after-medical-rehabilitation', today, { medicalRehabilitationEndDate: '2026-08-01' });
    const refused = await failure(submitApplication(deps, janis, late));
    expect(refused.kind).toBe('not-eligible');
    expect(violations(refused)).toEqual([{ path: ['evidence', 'medicalRehabilitationEndDate'], code: 'medical_rehabilitation_window' }]);
    expect(store.applications.size).toBe(0);
    const { receipt } = await submitApplication(deps, janis, ownForm());
    expect(receipt.reference).toBe('SIVA-2026-000001');
  });

  it('hands a saved draft over in the same write', async () => {
    const { store, deps } = setup();
    const handover = { draftId: 'draft-1', draftVersion: 3, uploads: [] };
    await submitApplication(deps, janis, ownForm(), undefined, handover);
    expect(store.handovers).toEqual([handover]);
  });
});

describe('a repeated request (Idempotency-Key)', () => {
  const key = { key: 'k-1', scope: idempotencyScope('https://eid', 'eid-janis') };

  it('is answered with the first answer and stores nothing twice', async () => {
    const { store, deps } = setup();
    const first = await submitApplication(deps, janis, ownForm(), key);
    const again = await submitApplication(deps, janis, ownForm(), key);
    expect(again).toEqual({ receipt: first.receipt, replayed: true });
    expect(store.applications.size).toBe(1);
    expect(store.idempotency.get(`https://eid|eid-janis|k-1`)).toEqual({ ...key, fingerprint: JSON.stringify(ownForm()), receipt: first.receipt });
    // The replay took no number of the sequence: the next filing gets the next one.
    const next = await submitApplication(deps, ilze, { ...ownForm(), applicant: { ...ownForm().applicant, dateOfBirth: '1980-02-29' } });
    expect(next.receipt.reference).toBe('SIVA-2026-000002');
  });

  it('with another body under the same key is refused', async () => {
    const { deps } = setup();
    await submitApplication(deps, janis, ownForm(), key);
    const other = ownForm({ applicant: { ...ownForm().applicant, phone: '+371 29999999' } });
    const refused = await failure(submitApplication(deps, janis, other, key));
    expect(refused.kind).toBe('idempotency-key-reused');
    expect(violations(refused)).toEqual([{ path: [], code: 'idempotency_key_reused' }]);
  });

  it('keys are per caller: the same key from another issuer is another request', async () => {
    const { store, deps } = setup();
    expect(idempotencyScope('https://eid', 'eid-janis')).not.toBe(idempotencyScope('https://workforce', 'eid-janis'));
    await submitApplication(deps, janis, ownForm(), key);
    await submitApplication(deps, ilze, { ...ownForm(), applicant: { ...ownForm().applicant, dateOfBirth: '1980-02-29' } }, { ...key, scope: idempotencyScope('https://eid', 'eid-ilze') });
    expect(store.applications.size).toBe(2);
  });

  it('losing a race to a concurrent twin answers with what the twin stored', async () => {
    const { store, deps } = setup();
    const twin = { id: 'twin', reference: 'SIVA-2026-000009', status: 'submitted' as const, submittedAt: noon };
    let looked = 0;
    store.findIdempotencyRecord = async () => (looked++ === 0 ? undefined : { ...key, fingerprint: JSON.stringify(ownForm()), receipt: twin });
    store.insertSubmitted = async () => {
      throw new IdempotencyKeyTaken();
    };
    await expect(submitApplication(deps, janis, ownForm(), key)).resolves.toEqual({ receipt: twin, replayed: true });
  });

  it('a lost race whose twin left no record is not hidden', async () => {
    const { store, deps } = setup();
    store.insertSubmitted = async () => {
      throw new IdempotencyKeyTaken();
    };
    await expect(submitApplication(deps, janis, ownForm(), key)).rejects.toBeInstanceOf(IdempotencyKeyTaken);
    await expect(submitApplication(deps, janis, ownForm())).rejects.toBeInstanceOf(IdempotencyKeyTaken);
  });

  it('a store failure that is not a known refusal passes through unchanged, and is not retried', async () => {
    const { store, deps } = setup();
    const outage = new Error('throttled');
    const insert = store.insertSubmitted.bind(store);
    let calls = 0;
    store.insertSubmitted = async (...args) => {
      calls += 1;
      if (calls === 1) throw outage;
      return insert(...args);
    };
    await expect(submitApplication(deps, janis, ownForm(), key)).rejects.toBe(outage);
    expect(store.applications.size).toBe(0);
  });
});

describe('an application while another is open for the same service and track', () => {
  it('the person themself is told, with a link to the open one', async () => {
    const { store, deps } = setup();
    const open = await submitApplication(deps, janis, ownForm());
    const refused = await failure(submitApplication(deps, janis, ownForm()));
    expect(refused.kind).toBe('duplicate-application');
    expect(violations(refused)).toEqual([{ path: ['serviceId'], code: 'duplicate_application' }]);
    expect(refused.extensions).toEqual({ openApplication: { id: open.receipt.id, href: `/applications/${open.receipt.id}`, status: 'submitted' } });
    expect(store.applications.size).toBe(1);
  });

  it('another track of the same service is another need', async () => {
    const { store, deps } = setup();
    await submitApplication(deps, janis, ownForm());
    await submitApplication(deps, janis, validForm('social-rehabilitation', 'politically-repressed', today));
    expect(store.applications.size).toBe(2);
  });

  it('a representative’s filing is stored all the same, flagged for staff, and answered like any other', async () => {
    const { store, deps } = setup();
    const karlis: CitizenPrincipal = { role: 'citizen', subject: 'eid-karlis', personalCode: '38123456789', givenName: 'Kārlis', familyName: 'Ozols' };
    const { representative: _none, ...ownFiling } = forKarlis();
    const own = await submitApplication(deps, karlis, ownFiling as ApplicationSubmission);
    const filed = await submitApplication(deps, ilze, forKarlis());
    expect(filed.replayed).toBe(false);
    expect(store.applications.get(filed.receipt.id)?.possibleDuplicateOf).toBe(own.receipt.id);
    expect(store.openNeeds.get(`social-rehabilitation|functional-impairment|key-of-38123456789`)).toBe(own.receipt.id);
  });

  it('the person’s own filing is stored flagged when the open one is not theirs to see (a stranger’s typo)', async () => {
    const { store, deps } = setup();
    // Ilze mistypes Kārlis’s code as Jānis’s: the record names Kārlis, so Jānis may not read it.
    const typo = await submitApplication(deps, ilze, forKarlis({ personalCode: oldFormatCode, dateOfBirth: oldFormatBirthDate }));
    const mine = await submitApplication(deps, janis, ownForm());
    expect(store.applications.get(mine.receipt.id)?.possibleDuplicateOf).toBe(typo.receipt.id);
  });
});

describe('a citizen applies for someone they represent', () => {
  it('records the person from the form and the representative from their own token', async () => {
    const { store, deps } = setup();
    const form = forKarlis();
    const { receipt } = await submitApplication(deps, ilze, form);
    const stored = store.applications.get(receipt.id)!;
    expect(stored.channel).toBe('representative');
    expect(stored.ownerSubject).toBe('eid-ilze');
    expect(stored.personKey).toBe('key-of-38123456789');
    expect(stored.applicant).toMatchObject({ personalCode: '38123456789', givenName: 'Kārlis', familyName: 'Ozols' });
    expect(stored.representative).toEqual({ ...form.representative, personalCode: newFormatCode, givenName: 'Ilze', familyName: 'Ozola' });
    expect(store.timelines.get(receipt.id)?.[0]?.details).toEqual({ channel: 'representative' });
  });

  it('drops the hyphen of the represented person’s code', async () => {
    const { store, deps } = setup();
    const { receipt } = await submitApplication(deps, ilze, forKarlis({ personalCode: oldFormatCode, dateOfBirth: oldFormatBirthDate }));
    expect(store.applications.get(receipt.id)?.applicant.personalCode).toBe('16117519997');
  });

  it('needs the person’s code and name, and the e-mail address, each named where it is missing', async () => {
    const { deps } = setup();
    const { personalCode: _c, givenName: _g, familyName: _f, email: _e, ...nothing } = forKarlis().applicant;
    const refused = await failure(submitApplication(deps, ilze, { ...forKarlis(), applicant: nothing } as ApplicationSubmission));
    expect(refused.kind).toBe('not-eligible');
    expect(violations(refused)).toEqual([
      { path: ['applicant', 'personalCode'], code: 'represented_person_code_required' },
      { path: ['applicant', 'givenName'], code: 'required' },
      { path: ['applicant', 'familyName'], code: 'required' },
      { path: ['applicant', 'email'], code: 'required' },
    ]);
  });

  it('may file up to the daily limit; the next one is refused with the limit, and one’s own are not counted', async () => {
    const { store, deps } = setup();
    await submitApplication(deps, ilze, forKarlis());
    await submitApplication(deps, ilze, forKarlis({ personalCode: '38123456780' }));
    const refused = await failure(submitApplication(deps, ilze, forKarlis({ personalCode: '38123456781' })));
    expect(refused.kind).toBe('too-many-requests');
    expect(refused.violations).toEqual([{ path: ['representative'], code: 'representative_daily_limit', params: { limit: 2 } }]);
    expect(store.filingCounts.get(`eid-ilze|${today}`)).toBe(2);
    // Ilze's own application is hers, not a representative's filing.
    await submitApplication(deps, ilze, { ...ownForm(), applicant: { ...ownForm().applicant, dateOfBirth: '1980-02-29' } });
    expect(store.applications.size).toBe(3);
  });

  it('counts per Riga day', async () => {
    const clock = fixedClock(noon);
    const { deps } = setup({ clock });
    await submitApplication(deps, ilze, forKarlis());
    await submitApplication(deps, ilze, forKarlis({ personalCode: '38123456780' }));
    clock.set('2026-11-20T22:30:00.000Z');
    await expect(submitApplication(deps, ilze, forKarlis({ personalCode: '38123456781' }))).resolves.toBeDefined();
  });
});

describe('a referring officer files a referral', () => {
  const referral = (extra: Record<string, unknown> = {}) =>
    referralOf(validForm('coordinated-services', 'addiction-adults', today), '38123456789', today, extra) as unknown as ReferralSubmission;

  it('records the client from the form and the organisation and officer from the sign-in', async () => {
    const { store, deps } = setup();
    const submission = referral({ officerPhone: '+371 26000000', doctorName: 'Dr. Egle' });
    const { receipt } = await submitReferral(deps, officer, submission);
    const stored = store.applications.get(receipt.id)!;
    expect(stored.channel).toBe('referral');
    expect(stored.ownerSubject).toBeUndefined();
    expect(stored.applicant).toMatchObject({ personalCode: '38123456789', givenName: 'Anna', familyName: 'Kalniņa' });
    expect(stored.referral).toEqual({
      kind: 'social-service',
      organisation: 'tukums',
      officerSubject: 'eid-officer',
      officerName: 'Dace Liepa',
      officerEmail: 'dace@tukums.lv',
      officerPhone: '+371 26000000',
      doctorName: 'Dr. Egle',
      number: submission.referral.number,
      date: today,
      clientConsent: true,
    });
    expect(store.timelines.get(receipt.id)?.[0]).toMatchObject({ actor: { role: 'social-service', subject: 'eid-officer' }, details: { channel: 'referral', referrer: 'social-service' } });
    expect(store.filingCounts.size).toBe(0);
  });

  it('writes to the e-mail address in the referral when given, else the officer’s own; none when neither', async () => {
    const { store, deps } = setup();
    const given = await submitReferral(deps, officer, referral({ officerEmail: 'desk@tukums.lv' }));
    expect(store.applications.get(given.receipt.id)?.referral?.officerEmail).toBe('desk@tukums.lv');
    const { email: _none, ...noEmail } = officer;
    const neither = await submitReferral(deps, noEmail, referral() as ReferralSubmission & { application: ApplicationSubmission });
    expect(store.applications.get(neither.receipt.id)?.referral).not.toHaveProperty('officerEmail');
    expect(store.applications.get(neither.receipt.id)?.referral).not.toHaveProperty('officerPhone');
    expect(store.applications.get(neither.receipt.id)?.referral).not.toHaveProperty('doctorName');
  });

  it('an officer signed in without an organisation may not refer', async () => {
    const { organisation: _none, ...noOrganisation } = officer;
    const refused = await failure(submitReferral(setup().deps, noOrganisation, referral()));
    expect(refused.kind).toBe('forbidden');
  });

  it('names the client’s missing code and name under `application`, and refuses a representative section', async () => {
    const { personalCode: _c, givenName: _g, ...noName } = referral().application.applicant;
    const submission = { ...referral(), application: { ...referral().application, applicant: noName, representative: forKarlis().representative } } as ReferralSubmission;
    const refused = await failure(submitReferral(setup().deps, officer, submission));
    expect(refused.kind).toBe('validation');
    expect(violations(refused)).toEqual([
      { path: ['application', 'applicant', 'personalCode'], code: 'required' },
      { path: ['application', 'applicant', 'givenName'], code: 'required' },
      { path: ['application', 'representative'], code: 'unknown_field' },
    ]);
  });

  it('points the rules’ refusals at the form under `application`', async () => {
    const submission = referralOf(validForm('coordinated-services', 'addiction-adults', today), '38123456789', today);
    const child = { ...submission, application: { ...submission.application, applicant: { ...submission.application.applicant, dateOfBirth: '2016-01-01' } } };
    const refused = await failure(submitReferral(setup().deps, officer, child as unknown as ReferralSubmission));
    expect(refused.kind).toBe('not-eligible');
    expect(refused.violations.length).toBeGreaterThan(0);
    expect(refused.violations.every((v) => v.path[0] === 'application' && v.path[1] === 'applicant')).toBe(true);
  });

  it('a key reused with another referral is refused as such, not as a rule refusal', async () => {
    const { deps } = setup();
    const key = { key: 'k-9', scope: idempotencyScope('https://workforce', officer.subject) };
    await submitReferral(deps, officer, referral(), key);
    const refused = await failure(submitReferral(deps, officer, referral({ officerPhone: '+371 26000000' }), key));
    expect(refused.kind).toBe('idempotency-key-reused');
    expect(refused.violations).toEqual([{ path: [], code: 'idempotency_key_reused' }]);
  });

  it('a flagged duplicate tells the officer nothing: the same receipt as any referral', async () => {
    const { store, deps } = setup();
    const first = await submitReferral(deps, officer, referral());
    const second = await submitReferral(deps, { ...officer, subject: 'eid-other' }, referral());
    expect(second.receipt.status).toBe('submitted');
    expect(store.applications.get(second.receipt.id)?.possibleDuplicateOf).toBe(first.receipt.id);
  });

  it('passes a store failure through as it is', async () => {
    const { store, deps } = setup();
    const outage = new Error('throttled');
    store.nextReferenceNumber = async () => {
      throw outage;
    };
    await expect(submitReferral(deps, officer, referral())).rejects.toBe(outage);
  });
});

describe('the store’s refusals', () => {
  it('carry their own names, so a log line tells them apart', () => {
    expect(new OpenApplicationExists('app-1')).toMatchObject({ name: 'OpenApplicationExists', message: 'open application exists', applicationId: 'app-1' });
    expect(new DailyFilingLimitReached().name).toBe('DailyFilingLimitReached');
    expect(new IdempotencyKeyTaken().name).toBe('IdempotencyKeyTaken');
  });
});

describe('reading applications back', () => {
  const filedTwo = async () => {
    const { store, deps } = setup();
    const own = await submitApplication(deps, janis, ownForm());
    const referred = await submitReferral(deps, officer, referralOf(validForm('coordinated-services', 'addiction-adults', today), '38123456789', today) as unknown as ReferralSubmission);
    return { store, deps, own: own.receipt.id, referred: referred.receipt.id };
  };

  it('one’s own reads back in full; anyone else’s is the same 404 as a missing one', async () => {
    const { deps, own, referred } = await filedTwo();
    expect((await getApplication(deps, janis, own)).application.id).toBe(own);
    expect((await failure(getApplication(deps, janis, referred))).kind).toBe('not-found');
    expect((await failure(getApplication(deps, janis, 'no-such-id'))).kind).toBe('not-found');
    expect((await getApplication(deps, officer, referred)).application.id).toBe(referred);
    expect((await failure(getApplication(deps, { ...officer, organisation: 'talsi' }, referred))).kind).toBe('not-found');
    expect(() => readableBy(janis, undefined)).toThrow(DomainError);
  });

  it('a citizen’s list holds what they filed and what is filed about them, not a stranger’s record under their code', async () => {
    const { store, deps, own } = await filedTwo();
    // An officer's referral about "Kārlis" under Jānis's code: same person key, another person.
    const typo = referralOf(validForm('coordinated-services', 'addiction-adults', today), oldFormatCode, today);
    const stranger = await submitReferral(deps, officer, typo as unknown as ReferralSubmission);
    const aboutJanis = { ...typo, application: { ...typo.application, applicant: { ...typo.application.applicant, givenName: 'Jānis', familyName: 'Bērziņš', dateOfBirth: oldFormatBirthDate } } };
    const clock = fixedClock('2026-11-20T11:00:00.000Z');
    const later = await submitReferral({ ...deps, clock }, officer, { ...aboutJanis, application: { ...aboutJanis.application, track: 'trafficking-victims' } } as unknown as ReferralSubmission);
    const listed = await listApplicationsOf(deps, janis, { limit: 10 });
    expect(listed.items.map((a: Application) => a.id)).toEqual([later.receipt.id, own]);
    expect(listed.items.map((a) => a.id)).not.toContain(stranger.receipt.id);
    expect(store.applications.size).toBe(4);
  });

  it('an officer’s list is their organisation’s referrals of their kind; without an organisation, none', async () => {
    const { deps, referred } = await filedTwo();
    expect((await listReferrals(deps, officer, { limit: 10 })).items.map((a) => a.id)).toEqual([referred]);
    expect((await listReferrals(deps, { ...officer, role: 'nva' }, { limit: 10 })).items).toEqual([]);
    const { organisation: _none, ...noOrganisation } = officer;
    expect(() => listReferrals(deps, noOrganisation, { limit: 10 })).toThrow(DomainError);
  });

  it('an officer finds a referral by the client’s name or the reference', async () => {
    const { deps, referred } = await filedTwo();
    const byName = await searchReferrals(deps, officer, 'kalnina', 10);
    expect(byName).toEqual({ items: [expect.objectContaining({ id: referred })], searched: 1, complete: true });
    expect((await searchReferrals(deps, officer, 'SIVA-2026-000002', 10)).items.map((a) => a.id)).toEqual([referred]);
    // Every word, in any order; letters of a word scattered over the name do not make a match.
    expect((await searchReferrals(deps, officer, 'kalnina anna', 10)).items).toHaveLength(1);
    expect((await searchReferrals(deps, officer, 'lana', 10)).items).toHaveLength(0);
  });

  const manyReferrals = async (count: number, pageSize: number, named: (index: number) => boolean) => {
    const { store, deps } = setup();
    for (let index = 0; index < count; index += 1) {
      const at = new Date(Date.parse(noon) - index * 60_000).toISOString();
      const name = named(index) ? { givenName: 'Ieva', familyName: 'Liepa' } : { givenName: 'Anna', familyName: 'Kalniņa' };
      store.applications.set(`r-${index}`, { id: `r-${index}`, reference: `SIVA-2026-${String(index).padStart(6, '0')}`, submittedAt: at, applicant: name, referral: { kind: 'social-service', organisation: 'tukums' } } as unknown as Application);
    }
    const reads: { limit: number; cursor?: string }[] = [];
    const list = store.listByReferrer.bind(store);
    // The store may answer fewer than asked for (a page ends where DynamoDB's read size does).
    store.listByReferrer = async (kind, organisation, page) => {
      reads.push(page);
      return list(kind, organisation, { ...page, limit: Math.min(page.limit, pageSize) });
    };
    return { deps, reads };
  };

  it('a search reads page after page from where the last one ended, and at most the search depth in all', async () => {
    const { deps, reads } = await manyReferrals(700, 60, (index) => index === 650);
    const found = await searchReferrals(deps, officer, 'liepa', 10);
    expect(found).toEqual({ items: [], searched: 500, complete: false });
    expect(reads.map((read) => read.cursor)).toEqual([undefined, '60', '120', '180', '240', '300', '360', '420', '480']);
    expect(reads.at(-1)?.limit).toBe(20);
  });

  it('a search stops as soon as it has found as many as asked for', async () => {
    const { deps, reads } = await manyReferrals(300, 100, (index) => index % 2 === 0);
    const found = await searchReferrals(deps, officer, 'liepa', 50);
    expect(found.items).toHaveLength(50);
    expect(reads).toHaveLength(1);
    const { deps: second } = await manyReferrals(300, 100, (index) => index === 250);
    expect((await searchReferrals(second, officer, 'liepa', 5)).items.map((a) => a.id)).toEqual(['r-250']);
  });
});
