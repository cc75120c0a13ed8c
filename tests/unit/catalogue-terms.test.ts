/**
 * The conditions the catalogue states (functions/core/catalogue.ts), word for word in Latvian and English, built
 * from the rules in force: the figures follow configuration, and the words follow the figures (Latvian takes the
 * genitive singular after numbers ending in 1 but not 11, English the plural after anything but 1).
 */
import { describe, expect, it } from 'vitest';
import { serviceCatalogue, type Term } from '../../functions/core/catalogue';
import { defaultRules, type EligibilityRules } from '../../functions/core/rules';
import type { ServiceId } from '../../schemas/services';

/**
 * Each test builds its own catalogue (about 50 ms): a catalogue built while the file loads belongs to no test, and
 * the mutation run (bench/MUTATION.md) would not know which tests judge a change to the terms.
 */
const termsOf = (rules: EligibilityRules, serviceId: ServiceId, track: string): Record<string, Term> =>
  Object.fromEntries(
    serviceCatalogue(rules)
      .services.find((service) => service.id === serviceId)!
      .tracks.find((listed) => listed.id === track)!
      .terms.map((term) => [term.id, term]),
  );

const defaults = {
  functionalImpairment: () => termsOf(defaultRules, 'social-rehabilitation', 'functional-impairment'),
  afterMedical: () => termsOf(defaultRules, 'social-rehabilitation', 'after-medical-rehabilitation'),
  chernobyl: () => termsOf(defaultRules, 'social-rehabilitation', 'chernobyl'),
  soldiers: () => termsOf(defaultRules, 'social-rehabilitation', 'soldiers-and-officers'),
  school: () => termsOf(defaultRules, 'vocational-rehabilitation', 'vocational-school'),
  vehicle: () => termsOf(defaultRules, 'vehicle-adaptation', 'state-funded'),
  early: () => termsOf(defaultRules, 'early-intervention', 'after-acute-event'),
  children: () => termsOf(defaultRules, 'coordinated-services', 'addiction-children'),
  adults: () => termsOf(defaultRules, 'coordinated-services', 'addiction-adults'),
};

describe('the catalogue’s terms, as the rules in force have them', () => {
  it('working age: from 15, and above pension age only for those who work', () => {
    expect(defaults.functionalImpairment()).toEqual({
      'minimum-age': { id: 'minimum-age', value: 15, unit: 'years', text: { lv: 'No 15 gadu vecuma.', en: 'From the age of 15.' } },
      'pension-age': {
        id: 'pension-age',
        value: 65,
        unit: 'years',
        text: {
          lv: 'Pēc valsts pensijas vecuma (65 gadi) tikai tiem, kas strādā un maksā sociālās apdrošināšanas iemaksas.',
          en: 'Above state pension age (65) only for people who work and pay social insurance contributions.',
        },
      },
    });
  });

  it('the windows after medical rehabilitation, after a return from an operation, and after an acute event', () => {
    expect(defaults.afterMedical()['after-medical-rehabilitation-window']).toEqual({
      id: 'after-medical-rehabilitation-window',
      value: 2,
      unit: 'months',
      text: { lv: 'Jāpiesakās 2 mēnešu laikā pēc valsts apmaksātas medicīniskās rehabilitācijas beigām.', en: 'Apply within 2 months after state-paid medical rehabilitation ends.' },
    });
    expect(defaults.soldiers()).toEqual({
      'return-from-operation-window': {
        id: 'return-from-operation-window',
        value: 3,
        unit: 'months',
        text: {
          lv: 'Karavīriem pēc starptautiskās operācijas jāpiesakās 3 mēnešu laikā pēc atgriešanās.',
          en: 'Soldiers back from an international operation apply within 3 months of their return.',
        },
      },
    });
    expect(defaults.early()['acute-event-window']).toEqual({
      id: 'acute-event-window',
      value: 6,
      unit: 'months',
      text: { lv: 'Jāpiesakās 6 mēnešu laikā pēc akūtā saslimšanas notikuma.', en: 'Apply within 6 months of the acute illness event.' },
    });
  });

  it('Chernobyl: affected persons up to 18', () => {
    expect(defaults.chernobyl()).toEqual({
      'affected-person-maximum-age': {
        id: 'affected-person-maximum-age',
        value: 18,
        unit: 'years',
        text: { lv: 'Cietušajām personām (ne seku likvidētājiem) līdz 18 gadu vecumam.', en: 'Affected persons (not clean-up participants) up to the age of 18.' },
      },
    });
  });

  it('vocational study: no upper age for paid studies, a recent GP opinion, and the programmes needing no suitability assessment', () => {
    expect(defaults.school()['pension-age']?.text).toEqual({
      lv: 'Pēc valsts pensijas vecuma (65 gadi) tikai tiem, kas strādā un maksā sociālās apdrošināšanas iemaksas. Maksas studijām vecuma ierobežojuma nav.',
      en: 'Above state pension age (65) only for people who work and pay social insurance contributions. Paid studies have no upper age limit.',
    });
    expect(defaults.school()['gp-opinion-maximum-age']).toEqual({
      id: 'gp-opinion-maximum-age',
      value: 1,
      unit: 'months',
      text: { lv: 'Ģimenes ārsta atzinumam jābūt izsniegtam pēdējo 1 mēneša laikā.', en: "The GP's opinion must have been issued within the last 1 month." },
    });
    expect(defaults.school()['suitability-assessment-exemptions']).toEqual({
      id: 'suitability-assessment-exemptions',
      value: ['surdotulks'],
      text: {
        lv: 'Profesionālās piemērotības noteikšana vispirms nav vajadzīga programmām surdotulks un maksas studijām.',
        en: 'No suitability assessment is needed first for the programmes surdotulks or for paid studies.',
      },
    });
    const two = termsOf({ ...defaultRules, suitabilityExemptProgrammes: ['surdotulks', 'tulks'] }, 'vocational-rehabilitation', 'college');
    expect(two['suitability-assessment-exemptions']?.text).toEqual({
      lv: 'Profesionālās piemērotības noteikšana vispirms nav vajadzīga programmām surdotulks, tulks un maksas studijām.',
      en: 'No suitability assessment is needed first for the programmes surdotulks, tulks or for paid studies.',
    });
  });

  it('vehicle adaptation: the co-payment in euro, and the working days it takes', () => {
    expect(defaults.vehicle()['completion-time']).toEqual({
      id: 'completion-time',
      value: 10,
      unit: 'working-days',
      text: { lv: 'Pielāgošanu veic 10 darbdienu laikā.', en: 'The adaptation is done within 10 working days.' },
    });
    expect(termsOf({ ...defaultRules, vehicleAdaptationCoPaymentCents: 500 }, 'vehicle-adaptation', 'state-funded')['co-payment']).toEqual({
      id: 'co-payment',
      value: 5,
      unit: 'EUR',
      text: { lv: 'Līdzmaksājums 5,00 EUR, ja neesat no tā atbrīvots.', en: 'A co-payment of EUR 5.00 unless you are exempt.' },
    });
  });

  it('children’s and adults’ tracks: the age that splits them', () => {
    expect(defaults.children()).toEqual({
      'age-under': { id: 'age-under', value: 18, unit: 'years', text: { lv: 'Bērniem līdz 18 gadu vecumam.', en: 'For children under 18.' } },
    });
    expect(defaults.adults()).toEqual({
      'minimum-age': { id: 'minimum-age', value: 18, unit: 'years', text: { lv: 'No 18 gadu vecuma.', en: 'From the age of 18.' } },
    });
  });

  it.each([
    [1, '1 mēneša', '1 month', '1 darbdienas', '1 working day'],
    [2, '2 mēnešu', '2 months', '2 darbdienu', '2 working days'],
    [11, '11 mēnešu', '11 months', '11 darbdienu', '11 working days'],
    [21, '21 mēneša', '21 months', '21 darbdienas', '21 working days'],
    [111, '111 mēnešu', '111 months', '111 darbdienu', '111 working days'],
    [101, '101 mēneša', '101 months', '101 darbdienas', '101 working days'],
  ])('a figure of %i reads “%s”, “%s”, “%s”, “%s”', (count, lvMonths, enMonths, lvDays, enDays) => {
    const rules = { ...defaultRules, earlyInterventionWindowMonths: count, vehicleAdaptationWorkingDays: count };
    expect(termsOf(rules, 'early-intervention', 'after-acute-event')['acute-event-window']?.text).toEqual({
      lv: `Jāpiesakās ${lvMonths} laikā pēc akūtā saslimšanas notikuma.`,
      en: `Apply within ${enMonths} of the acute illness event.`,
    });
    expect(termsOf(rules, 'vehicle-adaptation', 'paid')['completion-time']?.text).toEqual({
      lv: `Pielāgošanu veic ${lvDays} laikā.`,
      en: `The adaptation is done within ${enDays}.`,
    });
  });

  it('tracks with no configured condition state none', () => {
    expect(termsOf(defaultRules, 'social-rehabilitation', 'politically-repressed')).toEqual({});
    expect(termsOf(defaultRules, 'driving-training', 'category-b')).toEqual({});
  });
});
