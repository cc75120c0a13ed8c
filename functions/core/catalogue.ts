/**
 * The public catalogue of services: the registry (schemas/services.ts) in
 * Latvian and English, the conditions an applicant should know with their
 * values from configuration, links to the routes that act on a service, and
 * the JSON Schema of each service's form, generated from the Zod schema the
 * submission is validated with. Static per deployment and configuration.
 */
import { serviceForms } from '../../schemas/application';
import {
  evidenceDocuments,
  referrerNames,
  serviceIds,
  services,
  trackIds,
  trackInfo,
  type FiledBy,
  type Localised,
  type ServiceId,
  type TrackInfo,
  type TrackOf,
} from '../../schemas/services';
import { catalogueRoutes, type CatalogueLink } from '../../schemas/catalogue-links';
import { formUi } from './form-ui';
import { standaloneJsonSchema } from './json-schema';
import type { EligibilityRules } from './rules';

/** A condition or figure an applicant should know: the value for programs, a sentence for people. */
export interface Term {
  readonly id: string;
  readonly value: number | readonly string[];
  readonly unit?: 'years' | 'months' | 'working-days' | 'EUR';
  readonly text: Localised;
}

type TermOf = (rules: EligibilityRules) => Term;

/** "within N months": Latvian takes the genitive singular after numbers ending in 1 (but not 11). */
const lvGenitive = (count: number, singular: string, plural: string) =>
  count % 10 === 1 && count % 100 !== 11 ? singular : plural;
const enPlural = (count: number, singular: string) => (count === 1 ? singular : `${singular}s`);
const months = (count: number): Localised => ({
  lv: `${count} ${lvGenitive(count, 'mēneša', 'mēnešu')}`,
  en: `${count} ${enPlural(count, 'month')}`,
});

const minimumAge =
  (pick: (rules: EligibilityRules) => number): TermOf =>
  (rules) => {
    const years = pick(rules);
    return { id: 'minimum-age', value: years, unit: 'years', text: { lv: `No ${years} gadu vecuma.`, en: `From the age of ${years}.` } };
  };

const pensionAge =
  (exception?: Localised): TermOf =>
  ({ pensionAge: years }) => ({
    id: 'pension-age',
    value: years,
    unit: 'years',
    text: {
      lv: `Pēc valsts pensijas vecuma (${years} gadi) tikai tiem, kas strādā un maksā sociālās apdrošināšanas iemaksas.${exception ? ` ${exception.lv}` : ''}`,
      en: `Above state pension age (${years}) only for people who work and pay social insurance contributions.${exception ? ` ${exception.en}` : ''}`,
    },
  });

const childrenUnder: TermOf = ({ adultAge }) => ({
  id: 'age-under',
  value: adultAge,
  unit: 'years',
  text: { lv: `Bērniem līdz ${adultAge} gadu vecumam.`, en: `For children under ${adultAge}.` },
});

const affectedPersonMaximumAge: TermOf = ({ chernobylAffectedMaximumAge: years }) => ({
  id: 'affected-person-maximum-age',
  value: years,
  unit: 'years',
  text: {
    lv: `Cietušajām personām (ne seku likvidētājiem) līdz ${years} gadu vecumam.`,
    en: `Affected persons (not clean-up participants) up to the age of ${years}.`,
  },
});

/** A window in months, counted back from today, that the named event must fall in. */
const windowTerm =
  (id: string, pick: (rules: EligibilityRules) => number, sentence: (span: Localised) => Localised): TermOf =>
  (rules) => ({ id, value: pick(rules), unit: 'months', text: sentence(months(pick(rules))) });

const afterMedicalRehabilitationWindow = windowTerm(
  'after-medical-rehabilitation-window',
  (rules) => rules.afterMedicalRehabilitationWindowMonths,
  (span) => ({
    lv: `Jāpiesakās ${span.lv} laikā pēc valsts apmaksātas medicīniskās rehabilitācijas beigām.`,
    en: `Apply within ${span.en} after state-paid medical rehabilitation ends.`,
  }),
);

const returnFromOperationWindow = windowTerm(
  'return-from-operation-window',
  (rules) => rules.soldierReturnWindowMonths,
  (span) => ({
    lv: `Karavīriem pēc starptautiskās operācijas jāpiesakās ${span.lv} laikā pēc atgriešanās.`,
    en: `Soldiers back from an international operation apply within ${span.en} of their return.`,
  }),
);

const acuteEventWindow = windowTerm(
  'acute-event-window',
  (rules) => rules.earlyInterventionWindowMonths,
  (span) => ({
    lv: `Jāpiesakās ${span.lv} laikā pēc akūtā saslimšanas notikuma.`,
    en: `Apply within ${span.en} of the acute illness event.`,
  }),
);

const gpOpinionMaximumAge = windowTerm(
  'gp-opinion-maximum-age',
  (rules) => rules.gpOpinionMaxAgeMonths,
  (span) => ({
    lv: `Ģimenes ārsta atzinumam jābūt izsniegtam pēdējo ${span.lv} laikā.`,
    en: `The GP's opinion must have been issued within the last ${span.en}.`,
  }),
);

const suitabilityExemptions: TermOf = ({ suitabilityExemptProgrammes: programmes }) => ({
  id: 'suitability-assessment-exemptions',
  value: programmes,
  text: {
    lv: `Profesionālās piemērotības noteikšana vispirms nav vajadzīga programmām ${programmes.join(', ')} un maksas studijām.`,
    en: `No suitability assessment is needed first for the programmes ${programmes.join(', ')} or for paid studies.`,
  },
});

const coPayment: TermOf = ({ vehicleAdaptationCoPaymentCents: cents }) => {
  const euros = (cents / 100).toFixed(2);
  return {
    id: 'co-payment',
    value: cents / 100,
    unit: 'EUR',
    text: {
      lv: `Līdzmaksājums ${euros.replace('.', ',')} EUR, ja neesat no tā atbrīvots.`,
      en: `A co-payment of EUR ${euros} unless you are exempt.`,
    },
  };
};

const completionTime: TermOf = ({ vehicleAdaptationWorkingDays: days }) => ({
  id: 'completion-time',
  value: days,
  unit: 'working-days',
  text: {
    lv: `Pielāgošanu veic ${days} ${lvGenitive(days, 'darbdienas', 'darbdienu')} laikā.`,
    en: `The adaptation is done within ${days} working ${enPlural(days, 'day')}.`,
  },
});

const workingAge = [minimumAge((rules) => rules.minimumWorkingAge), pensionAge()];
const adults = [minimumAge((rules) => rules.adultAge)];
const vocationalStudy = [
  minimumAge((rules) => rules.minimumWorkingAge),
  pensionAge({ lv: 'Maksas studijām vecuma ierobežojuma nav.', en: 'Paid studies have no upper age limit.' }),
  gpOpinionMaximumAge,
  suitabilityExemptions,
];

/**
 * Which configured conditions each track's eligibility rules apply
 * (functions/core/eligibility.ts): the compiler insists on every track.
 */
const termsByTrack: { readonly [S in ServiceId]: Readonly<Record<TrackOf<S>, readonly TermOf[]>> } = {
  'social-rehabilitation': {
    'functional-impairment': workingAge,
    'after-medical-rehabilitation': [...workingAge, afterMedicalRehabilitationWindow],
    'predicted-disability': workingAge,
    'politically-repressed': [],
    chernobyl: [affectedPersonMaximumAge],
    'soldiers-and-officers': [returnFromOperationWindow],
  },
  'vocational-suitability': {
    disability: workingAge,
    'predicted-disability': workingAge,
    'mental-disorder': workingAge,
    'unemployed-nva': workingAge,
  },
  'vocational-rehabilitation': { 'vocational-school': vocationalStudy, college: vocationalStudy },
  'driving-training': { 'category-b': [] },
  'vehicle-adaptation': { 'state-funded': [coPayment, completionTime], paid: [completionTime] },
  'early-intervention': { 'after-acute-event': [...workingAge, acuteEventWindow] },
  'coordinated-services': {
    'addiction-children': [childrenUnder],
    'addiction-adults': adults,
    'trafficking-victims': [],
    'long-term-care-children': [childrenUnder],
    'long-term-care-mental-disorders': adults,
    'long-term-care-blind-adults': adults,
  },
};

/** The registry names referring organisations; a citizen files for themself or as a representative. */
const filerNames: Record<FiledBy, Localised> = {
  citizen: { lv: 'Persona pati vai tās pārstāvis', en: 'The person themself or their representative' },
  ...referrerNames,
};

/** Where an action on a service is reached: the route table serves these very paths (schemas/catalogue-links.ts). */
const linkTo = (link: CatalogueLink, parameters: Record<string, string> = {}) => {
  const route = catalogueRoutes[link];
  const href = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new Error(`${route.path} needs ${name}`);
    return encodeURIComponent(value);
  });
  return { method: route.method, href };
};

const trackEntry = (serviceId: ServiceId, trackId: string, info: TrackInfo, rules: EligibilityRules) => ({
  id: trackId,
  name: info.name,
  ...(info.courseDays !== undefined && { courseDays: info.courseDays }),
  filedBy: info.filedBy.map((filer) => ({ id: filer, name: filerNames[filer] })),
  evidence: info.evidence.map((id) => ({ id, name: evidenceDocuments[id] })),
  terms: (termsByTrack[serviceId] as Record<string, readonly TermOf[]>)[trackId]!.map((term) => term(rules)),
});

const serviceEntry = (serviceId: ServiceId, rules: EligibilityRules) => {
  const service = services[serviceId];
  const tracks = trackIds(serviceId).map((id) => ({ id, info: trackInfo(serviceId, id)! }));
  const filers = [...new Set(tracks.flatMap(({ info }) => info.filedBy))];
  const form = standaloneJsonSchema(serviceForms[serviceId]);
  return {
    id: serviceId,
    name: service.name,
    description: service.description,
    legalBasis: service.legalBasis,
    whoMayApply: filers.map((filer) => ({
      id: filer,
      name: filerNames[filer],
      tracks: tracks.filter(({ info }) => info.filedBy.includes(filer)).map(({ id }) => id),
    })),
    tracks: tracks.map(({ id, info }) => trackEntry(serviceId, id, info, rules)),
    links: {
      eligibility: linkTo('eligibility', { serviceId }),
      ...(filers.includes('citizen') && { apply: linkTo('apply') }),
      ...(filers.some((filer) => filer !== 'citizen') && { refer: linkTo('refer') }),
    },
    form,
    ui: formUi(serviceId, form),
  };
};

export const serviceCatalogue = (rules: EligibilityRules) => ({ services: serviceIds.map((id) => serviceEntry(id, rules)) });
