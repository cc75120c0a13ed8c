/**
 * Field-level messages in Latvian and English. Schema issues and domain rules
 * both end up as `FieldError`s with a stable `code` (for programs) and a
 * plain-language `message` (for people, including screen-reader users: each
 * message names what to do, not just what is wrong).
 */
import type { Language } from './primitives';

type Params = Record<string, string | number>;
type Template = (params: Params) => string;

// Data table, not logic (issue 14's copy check): each validation message in lv and en, of one shape.
const catalogue = {
  required: { lv: () => 'Šis lauks ir obligāts.', en: () => 'This field is required.' },
  wrong_type: {
    lv: (p) => `Nepareizs vērtības veids: jābūt ${typeNames.lv[String(p.expected)] ?? String(p.expected)}.`,
    en: (p) => `Wrong type of value: expected ${typeNames.en[String(p.expected)] ?? String(p.expected)}.`,
  },
  too_long: { lv: (p) => `Ne vairāk kā ${p.maximum} rakstzīmes.`, en: (p) => `At most ${p.maximum} characters.` },
  too_many: { lv: (p) => `Ne vairāk kā ${p.maximum} ieraksti.`, en: (p) => `At most ${p.maximum} entries.` },
  too_few: { lv: (p) => `Vismaz ${p.minimum} ieraksts.`, en: (p) => `At least ${p.minimum} entry.` },
  invalid_date: {
    lv: () => 'Ievadiet īstu datumu formā GGGG-MM-DD, piemēram, 2026-03-15.',
    en: () => 'Enter a real date in the form YYYY-MM-DD, for example 2026-03-15.',
  },
  invalid_email: {
    lv: () => 'Ievadiet derīgu e-pasta adresi, piemēram, vards@example.lv.',
    en: () => 'Enter a valid e-mail address, for example name@example.lv.',
  },
  invalid_uuid: { lv: () => 'Nederīgs identifikators.', en: () => 'Not a valid identifier.' },
  invalid_format: { lv: () => 'Nepareizs formāts.', en: () => 'The format is not valid.' },
  invalid_choice: {
    lv: (p) => `Izvēlieties vienu no: ${p.options}.`,
    en: (p) => `Choose one of: ${p.options}.`,
  },
  must_accept: {
    lv: () => 'Lai iesniegtu, jāapstiprina šis apliecinājums.',
    en: () => 'You must confirm this declaration to submit.',
  },
  unknown_field: { lv: () => 'Šāds lauks nav paredzēts.', en: () => 'This field is not expected.' },
  personal_code: {
    lv: () => 'Personas kods nav derīgs. Ievadiet 11 ciparus, piemēram, 161175-19997.',
    en: () => 'The personal code is not valid. Enter 11 digits, for example 161175-19997.',
  },
  person_name: {
    lv: () => 'Vārdā drīkst būt burti, atstarpes, defises un apostrofi.',
    en: () => 'A name may contain letters, spaces, hyphens and apostrophes.',
  },
  phone: {
    lv: () => 'Ievadiet tālruņa numuru ar 8 līdz 15 cipariem, piemēram, +371 20000000.',
    en: () => 'Enter a phone number of 8 to 15 digits, for example +371 20000000.',
  },
  postcode: { lv: () => 'Pasta indeksam jābūt formā LV-1234.', en: () => 'The postcode must look like LV-1234.' },
  icf_code: {
    lv: () => 'SFK kodam jābūt formā b280 vai d450.2.',
    en: () => 'An ICF code looks like b280 or d450.2.',
  },
  control_characters: {
    lv: () => 'Tekstā ir neatļautas vadības rakstzīmes.',
    en: () => 'The text contains control characters that are not allowed.',
  },
  single_line: {
    lv: () => 'Tekstam jābūt vienā rindā: bez rindu pārnesumiem un tabulācijas.',
    en: () => 'The text must be on one line, without line breaks or tabs.',
  },
  page_limit: { lv: () => 'Ievadiet skaitli no 1 līdz 50.', en: () => 'Enter a number from 1 to 50.' },
  invalid_cursor: {
    lv: () => 'Lapošanas kursors nav derīgs. Sāciet sarakstu no sākuma.',
    en: () => 'The page cursor is not valid. Start the list from the beginning.',
  },
  // Domain rules (answered with 422).
  date_in_future: { lv: () => 'Datums nevar būt nākotnē.', en: () => 'The date cannot be in the future.' },
  date_out_of_range: {
    lv: () => 'Datums ir ārpus pieļaujamā laika posma.',
    en: () => 'The date is outside the accepted range.',
  },
  too_young: {
    lv: (p) => `Šis pakalpojums pieejams no ${p.minimumAge} gadu vecuma.`,
    en: (p) => `This service is available from the age of ${p.minimumAge}.`,
  },
  above_pension_age: {
    lv: (p) =>
      `Pēc valsts pensijas vecuma (${p.pensionAge} gadi) pakalpojums pieejams tikai tiem, kas strādā un maksā sociālās apdrošināšanas iemaksas.`,
    en: (p) =>
      `Above state pension age (${p.pensionAge}) the service is only for people who work and pay social insurance contributions.`,
  },
  medical_rehabilitation_window: {
    lv: (p) => `Iesniegums jāiesniedz ${p.months} mēnešu laikā pēc medicīniskās rehabilitācijas beigām.`,
    en: (p) => `Apply within ${p.months} months after medical rehabilitation ended.`,
  },
  decision_expired: {
    lv: () => 'VDEĀVK lēmuma derīguma termiņš ir beidzies.',
    en: () => 'The VDEĀVK decision is no longer valid.',
  },
  affected_person_age: {
    lv: (p) => `Cietušajām personām pakalpojums pieejams līdz ${p.maximumAge} gadu vecumam.`,
    en: (p) => `Affected persons can receive this service up to the age of ${p.maximumAge}.`,
  },
  referral_only: {
    lv: () =>
      'Šo pakalpojuma veidu var saņemt tikai ar nosūtījumu (piemēram, no pašvaldības sociālā dienesta), nevis ar iedzīvotāja iesniegumu. Vērsieties iestādē, kas var jūs nosūtīt.',
    en: () =>
      'This track is available only by referral (for example from your municipal social service), not by a citizen application. Contact the organisation that can refer you.',
  },
  not_referable: {
    lv: () => 'Jūsu iestāde nevar nosūtīt uz šo pakalpojuma veidu.',
    en: () => 'Your organisation cannot refer clients to this track.',
  },
  unknown_track: {
    lv: () => 'Šim pakalpojumam nav šāda pakalpojuma veida.',
    en: () => 'This service has no such track.',
  },
  child_only: {
    lv: (p) => `Šis pakalpojums ir bērniem līdz ${p.adultAge} gadu vecumam.`,
    en: (p) => `This service is for children under ${p.adultAge}.`,
  },
  adult_only: {
    lv: (p) => `Šis pakalpojums ir pilngadīgām personām no ${p.adultAge} gadu vecuma.`,
    en: (p) => `This service is for adults aged ${p.adultAge} or over.`,
  },
  soldier_return_window: {
    lv: (p) => `Iesniegums jāiesniedz ${p.months} mēnešu laikā pēc atgriešanās no starptautiskās operācijas.`,
    en: (p) => `Apply within ${p.months} months of returning from the international operation.`,
  },
  early_intervention_window: {
    lv: (p) =>
      `Agrīnā intervence ir pirmajiem ${p.months} mēnešiem pēc akūtā notikuma, un tie ir pagājuši. Varat pieteikties profesionālās piemērotības noteikšanai.`,
    en: (p) =>
      `Early intervention is for the first ${p.months} months after the acute event, and they have passed. You can apply for a vocational suitability assessment.`,
  },
  date_before_acute_event: {
    lv: () => 'Medicīniskā rehabilitācija nevar beigties pirms akūtā notikuma.',
    en: () => 'Medical rehabilitation cannot end before the acute event.',
  },
  education_prerequisite: {
    lv: (p) => `Šai mācību iestādei nepieciešama ${p.required === 'secondary' ? 'vidējā' : 'pamata'} izglītība.`,
    en: (p) => `This school requires ${p.required === 'secondary' ? 'secondary' : 'basic'} education.`,
  },
  suitability_exemption_not_applicable: {
    lv: () =>
      'Bez profesionālās piemērotības noteikšanas var pieteikties tikai surdotulka programmai vai maksas studijām. Vispirms piesakieties piemērotības noteikšanai.',
    en: () =>
      'Only the sign-language interpreter programme and paid studies need no suitability assessment. Apply for a suitability assessment first.',
  },
  gp_opinion_too_old: {
    lv: (p) => `Ģimenes ārsta atzinums nedrīkst būt vecāks par ${p.months} mēnesi. Lūdziet jaunu atzinumu.`,
    en: (p) => `The GP's opinion must not be older than ${p.months} month. Ask for a new one.`,
  },
  medical_contraindication: {
    lv: () => 'Ar medicīniskām kontrindikācijām transportlīdzekļa vadīšanas apmācība nav iespējama.',
    en: () => 'Driving training is not possible with a medical contraindication.',
  },
  disability_required: {
    lv: () => 'Valsts apmaksātai pielāgošanai nepieciešama invaliditāte. Pielāgošana ir pieejama kā maksas pakalpojums.',
    en: () => 'State-funded adaptation requires a disability. Adaptation is available as a paid service.',
  },
  owner_consent_required: {
    lv: () => 'Ja neesat transportlīdzekļa īpašnieks, pievienojiet īpašnieka vai līzinga kompānijas piekrišanu.',
    en: () => "If you do not own the vehicle, add the owner's or leasing company's consent.",
  },
  vin: {
    lv: () => 'VIN kodā jābūt 17 burtiem un cipariem (bez I, O un Q).',
    en: () => 'A VIN has 17 letters and digits (no I, O or Q).',
  },
  registration_number: {
    lv: () => 'Ievadiet reģistrācijas numuru, piemēram, AB-1234.',
    en: () => 'Enter the registration number, for example AB-1234.',
  },
  idempotency_key: {
    lv: () => 'Idempotency-Key galvenē jābūt 8 līdz 128 drukājamām rakstzīmēm, bez #.',
    en: () => 'The Idempotency-Key header must be 8 to 128 printable characters, without #.',
  },
  idempotency_key_reused: {
    lv: () => 'Šī Idempotency-Key jau izmantota ar citu pieprasījuma saturu. Jaunam pieprasījumam izmantojiet jaunu atslēgu.',
    en: () => 'This Idempotency-Key was already used with a different body. Use a new key for a new request.',
  },
  duplicate_application: {
    lv: () => 'Šai personai jau ir atvērts iesniegums šim pakalpojumam un mērķa grupai. Sekojiet tam, nevis iesniedziet jaunu.',
    en: () => 'This person already has an open application for this service and track. Follow that one instead of applying again.',
  },
  stale_version: {
    lv: () => 'Kāds cits jau ir mainījis šo iesniegumu. Atveriet to no jauna, pārbaudiet izmaiņas un mēģiniet vēlreiz.',
    en: () => 'Someone else has changed this application. Open it again, check the changes and try again.',
  },
  illegal_transition: {
    lv: (p) => `No statusa "${p.status}" nevar veikt "${p.action}". Atļauts: ${p.allowed}.`,
    en: (p) => `"${p.action}" is not possible from status "${p.status}". Allowed: ${p.allowed}.`,
  },
  documents_not_open: {
    lv: (p) => `Statusā "${p.status}" dokumentus vairs nevar pievienot. Tos var pievienot statusos: ${p.allowed}.`,
    en: (p) => `Documents cannot be added in status "${p.status}". They can be added in: ${p.allowed}.`,
  },
  deadline_not_in_future: {
    lv: () => 'Termiņam jābūt nākotnē.',
    en: () => 'The deadline must be in the future.',
  },
  road_map_required: {
    lv: () => 'Profesionālās rehabilitācijas pakalpojumus noslēdz ar Ceļa karti. Aizpildiet to.',
    en: () => 'Vocational services complete with a Ceļa karte (road map). Fill it in.',
  },
  notification_not_failed: {
    lv: () => 'Šis paziņojums nav neizdevies, tāpēc to nevar sūtīt atkārtoti.',
    en: () => 'This notification has not failed, so it cannot be resent.',
  },
  birth_date_mismatch: {
    lv: () => 'Dzimšanas datums nesakrīt ar personas kodu.',
    en: () => 'The date of birth does not match the personal code.',
  },
  birth_date_not_eid: {
    lv: () => 'Dzimšanas datums nesakrīt ar to, ko apliecina jūsu eID. Norādiet dzimšanas datumu, kas reģistrēts eID.',
    en: () => 'The date of birth does not match the one your eID confirms. Enter the date of birth registered in your eID.',
  },
  not_own_personal_code: {
    lv: () => 'Personas kodam jābūt jūsu pašu. Ja iesniedzat cita vārdā, aizpildiet pārstāvja sadaļu.',
    en: () => 'The personal code must be your own. To apply for someone else, fill in the representative section.',
  },
  representative_daily_limit: {
    lv: (p) => `Pārstāvis dienā var iesniegt ne vairāk kā ${p.limit} iesniegumus citu personu vārdā. Mēģiniet rīt vai sazinieties ar SIVA.`,
    en: (p) => `A representative may file at most ${p.limit} applications a day for other people. Try again tomorrow or contact SIVA.`,
  },
  representative_not_confirmed: {
    lv: () => 'SIVA vēl nav apstiprinājusi jūsu pārstāvības tiesības. Līdz tam iesniegumu var mainīt tikai pati persona.',
    en: () => 'SIVA has not yet confirmed your right to represent this person. Until then only the person themself can change the application.',
  },
  not_a_representative_filing: {
    lv: () => 'Šo iesniegumu nav iesniedzis pārstāvis.',
    en: () => 'This application was not filed by a representative.',
  },
  // Retention (docs/retention.md).
  retention_not_due: {
    lv: () => 'Šī iesnieguma glabāšanas termiņš vēl nav beidzies (vai iesniegums nav slēgts), tāpēc to nevar iznīcināt.',
    en: () => 'This application is not yet due for destruction: it is still open, or its retention period has not ended.',
  },
  represented_person_code_required: {
    lv: () => 'Norādiet tās personas kodu, kuras vārdā iesniedzat.',
    en: () => 'Enter the personal code of the person you are applying for.',
  },
  // Evidence uploads (docs/documents.md).
  file_name: {
    lv: () => 'Faila nosaukumā nedrīkst būt mapju atdalītāji (/ vai \\).',
    en: () => 'A file name may not contain folder separators (/ or \\).',
  },
  file_too_large: {
    lv: () => 'Failam jābūt ne lielākam par 10 MB. Samaziniet to (piemēram, skenējiet ar mazāku izšķirtspēju) vai sadaliet vairākos failos.',
    en: () => 'A file may be at most 10 MB. Make it smaller (for example, scan at a lower resolution) or split it into several files.',
  },
  document_type_not_for_track: {
    lv: (p) => `Šim pakalpojumam der dokumenti: ${p.allowed}.`,
    en: (p) => `This service takes these documents: ${p.allowed}.`,
  },
  upload_files_limit: {
    lv: () => 'Vienam iesniegumam var pievienot ne vairāk kā 20 failus.',
    en: () => 'An application can have at most 20 files.',
  },
  upload_bytes_limit: {
    lv: () => 'Viena iesnieguma failu kopējais apjoms nedrīkst pārsniegt 30 MB.',
    en: () => 'The files of one application may total at most 30 MB.',
  },
  upload_pending: {
    lv: () => 'Fails vēl tiek pārbaudīts. Mēģiniet vēlreiz pēc brīža.',
    en: () => 'The file is still being checked. Try again in a moment.',
  },
  upload_rejected: {
    lv: () => 'Šis fails netika pieņemts, tāpēc to nevar pievienot. Augšupielādējiet derīgu failu.',
    en: () => 'This file was not accepted, so it cannot be attached. Upload a valid file.',
  },
  upload_already_attached: {
    lv: () => 'Šis fails jau ir pievienots iesniegumam.',
    en: () => 'This file is already attached to an application.',
  },
  upload_id_required: {
    lv: () => 'Norādiet augšupielādes identifikatoru (uploadId).',
    en: () => 'Give the upload id (uploadId).',
  },
  if_match_required: {
    lv: () => 'Norādiet galvenē If-Match melnraksta versiju, ko labojat, piemēram, If-Match: "3".',
    en: () => 'Send the version of the draft you are changing in the If-Match header, for example If-Match: "3".',
  },
  draft_stale: {
    lv: (p) => `Melnraksts pa to laiku ir saglabāts citur (versija ${p.currentVersion}). Atveriet to no jauna un saglabājiet vēlreiz.`,
    en: (p) => `The draft was saved elsewhere meanwhile (version ${p.currentVersion}). Open it again, then save again.`,
  },
  draft_service_fixed: {
    lv: () => 'Melnraksts paliek tam pakalpojumam un mērķa grupai, kurai tas sākts. Citam sāciet jaunu melnrakstu.',
    en: () => 'A draft stays with the service and track it was started for. Start a new draft for another one.',
  },
  rejected_malware: {
    lv: () => 'Failā atrasta ļaunatūra, un tas ir izdzēsts. Pārbaudiet datoru un augšupielādējiet tīru failu.',
    en: () => 'The file contained malware and has been deleted. Check your computer and upload a clean file.',
  },
  rejected_type_mismatch: {
    lv: () => 'Faila saturs neatbilst tā tipam. Augšupielādējiet PDF, JPEG, PNG, HEIC, DOCX, ODT vai EDOC failu.',
    en: () => 'The file’s content does not match its type. Upload a PDF, JPEG, PNG, HEIC, DOCX, ODT or EDOC file.',
  },
  rejected_size_mismatch: {
    lv: () => 'Faila izmērs neatbilst norādītajam. Sāciet augšupielādi no jauna.',
    en: () => 'The file’s size does not match the size declared. Start the upload again.',
  },
  rejected_encrypted_pdf: {
    lv: () => 'PDF ir aizsargāts ar paroli, tāpēc aģentūra to nevar atvērt. Saglabājiet to bez paroles un augšupielādējiet vēlreiz.',
    en: () => 'The PDF is password-protected, so the agency cannot open it. Save it without a password and upload it again.',
  },
  rejected_unsupported: {
    lv: () => 'Failu nevar pārbaudīt (piemēram, šifrēts arhīvs). Saglabājiet to kā parastu PDF vai attēlu un augšupielādējiet vēlreiz.',
    en: () => 'The file cannot be checked (for example, an encrypted archive). Save it as a plain PDF or image and upload it again.',
  },
  rejected_scan_failed: {
    lv: () => 'Failu neizdevās pārbaudīt. Augšupielādējiet to vēlreiz.',
    en: () => 'The file could not be checked. Upload it again.',
  },
  rejected_not_received: {
    lv: () => 'Fails netika saņemts laikā, kad augšupielādes forma bija derīga. Pievienojiet to vēlreiz.',
    en: () => 'The file did not arrive while the upload form was valid. Add it again.',
  },
} satisfies Record<string, Record<Language, Template>>;

export type MessageCode = keyof typeof catalogue;

/** Every code the catalogue words, for specs that check each message in both languages. */
export const messageCodes = Object.keys(catalogue) as MessageCode[];

const typeNames: Record<Language, Record<string, string>> = {
  lv: { string: 'teksts', number: 'skaitlis', boolean: 'jā vai nē (true/false)', object: 'objekts', array: 'saraksts' },
  en: { string: 'text', number: 'a number', boolean: 'true or false', object: 'an object', array: 'a list' },
};

export interface FieldError {
  /** Dotted path for people, e.g. `applicant.address.municipality` or `evidence.icfCodes[0]`. */
  readonly field: string;
  /** JSON Pointer (RFC 6901) into the request body. */
  readonly pointer: string;
  readonly code: MessageCode;
  readonly message: string;
}

export type Path = readonly PropertyKey[];

export const fieldPath = (path: Path): string =>
  path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );

const pointerOf = (path: Path): string =>
  path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** A broken rule, independent of language: the core and the schemas speak in these. */
export interface Violation {
  readonly path: Path;
  readonly code: MessageCode;
  readonly params?: Params;
}

export const violation = (path: Path, code: MessageCode, params?: Params): Violation =>
  params ? { path, code, params } : { path, code };

/** Puts a violation into words for the caller. */
export const localise = ({ path, code, params = {} }: Violation, language: Language): FieldError => ({
  field: fieldPath(path),
  pointer: pointerOf(path),
  code,
  message: catalogue[code][language](params),
});

/** The subset of a Zod issue this module reads (kept structural so both zod and zod/mini fit). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: Path;
  readonly expected?: string;
  readonly origin?: string;
  readonly format?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly values?: readonly unknown[];
  readonly options?: readonly unknown[];
  readonly keys?: readonly string[];
  /** Our own checks set their message to a catalogue code (see primitives.ts). */
  readonly message?: string;
}

/** The value at a path of the input, or undefined where there is none. */
export const valueAt = (input: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );

const listOf = (values: readonly unknown[] | undefined): string => (values ?? []).map((v) => String(v)).join(', ');

/** Own keys only: `toString` is in every object, and no message. */
const isMessageCode = (code: string | undefined): code is MessageCode => code !== undefined && Object.hasOwn(catalogue, code);

/** Turns schema issues into one violation per problem (`input` tells a missing field from a wrong one). */
export const describeIssues = (issues: readonly SchemaIssue[], input: unknown): Violation[] =>
  issues.flatMap((issue): Violation[] => {
    const at = (code: MessageCode, params?: Params) => [violation(issue.path, code, params)];
    switch (issue.code) {
      case 'invalid_type':
        return valueAt(input, issue.path) === undefined ? at('required') : at('wrong_type', { expected: issue.expected ?? '' });
      case 'too_big':
        return at(issue.origin === 'array' ? 'too_many' : 'too_long', { maximum: Number(issue.maximum) });
      case 'too_small':
        if (issue.origin === 'array') return at('too_few', { minimum: Number(issue.minimum) });
        return at('required');
      case 'invalid_format':
        if (isMessageCode(issue.message)) return at(issue.message);
        if (issue.format === 'date') return at('invalid_date');
        if (issue.format === 'email') return at('invalid_email');
        if (issue.format === 'uuid') return at('invalid_uuid');
        return at('invalid_format');
      case 'invalid_value':
        return issue.values?.length === 1 && issue.values[0] === true
          ? at('must_accept')
          : at('invalid_choice', { options: listOf(issue.values) });
      case 'invalid_union':
        return valueAt(input, issue.path) === undefined ? at('required') : at('invalid_choice', { options: listOf(issue.options) });
      case 'unrecognized_keys':
        return (issue.keys ?? []).map((key) => violation([...issue.path, key], 'unknown_field'));
      default:
        return at(isMessageCode(issue.message) ? issue.message : 'invalid_format');
    }
  });

/** A key the caller sent is only repeated in a field error when it looks like a field name. */
const echoableKey = (key: PropertyKey) =>
  typeof key === 'number' || (typeof key === 'string' && /^[A-Za-z][\w-]{0,63}$/.test(key) && key !== 'constructor' && key !== 'prototype');

/** Errors about a prototype key or a huge or odd key are reported on the object holding it: hostile input is not reflected. */
export const echoSafe = (violations: readonly Violation[]): Violation[] => {
  const seen = new Set<string>();
  return violations.flatMap((found) => {
    const cut = found.path.findIndex((key) => !echoableKey(key));
    const safe = cut === -1 ? found : { ...found, path: found.path.slice(0, cut) };
    const id = JSON.stringify([safe.path.map(String), safe.code]);
    if (seen.has(id)) return [];
    seen.add(id);
    return [safe];
  });
};
