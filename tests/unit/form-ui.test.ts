/**
 * The `ui` document of a service's form (functions/core/form-ui.ts), read from the form's published JSON Schema:
 * the pages in order, each field's input, whether it is required, its words and choices, the HTML autocomplete
 * token of the person's own fields, and on which tracks an evidence field is asked. Each test builds its own
 * document, so the mutation run knows which tests judge it (bench/MUTATION.md).
 */
import { describe, expect, it } from 'vitest';
import { formUi, type FormUi, type UiField } from '../../functions/core/form-ui';
import { standaloneJsonSchema, type JsonSchema } from '../../functions/core/json-schema';
import { serviceForms } from '../../schemas/application';
import { fieldTexts, pageTitles } from '../../schemas/form-ui-text';
import { municipalities } from '../../schemas/municipalities';
import { trackIds, trackInfo, type FiledBy, type ServiceId } from '../../schemas/services';

const uiOf = (serviceId: ServiceId, filer?: FiledBy) => formUi(serviceId, standaloneJsonSchema(serviceForms[serviceId]), filer);
const fieldsOf = (ui: FormUi, pageId: string) => ui.pages.find((page) => page.id === pageId)!.fields;
/** What a field asks, without its words: path, input, required, maxLength, autocomplete. */
const shapeOf = ({ path, input, required, maxLength, autocomplete }: UiField) => [path, input, required, maxLength, autocomplete];

const yesNo = [
  { value: 'true', label: { lv: 'Jā', en: 'Yes' } },
  { value: 'false', label: { lv: 'Nē', en: 'No' } },
];

describe("a form's ui document", () => {
  it('has its pages in order, with their titles; the first two only when applying for someone else', () => {
    const ui = uiOf('driving-training');
    expect(ui.pages.map(({ id, title, when }) => [id, title, when])).toEqual([
      ['person', pageTitles.person, 'representative'],
      ['representative', pageTitles.representative, 'representative'],
      ['track', pageTitles.track, undefined],
      ['about', pageTitles.about, undefined],
      ['address', pageTitles.address, undefined],
      ['contact', pageTitles.contact, undefined],
      ['evidence', pageTitles.evidence, undefined],
      ['declarations', pageTitles.declarations, undefined],
    ]);
    expect(ui.pages.filter((page) => 'when' in page).map(({ id }) => id)).toEqual(['person', 'representative']);
    expect(fieldsOf(ui, 'track')).toEqual([]);
  });

  it('asks the person’s own details with the input, length limit and autocomplete token each needs', () => {
    const ui = uiOf('driving-training');
    expect(['person', 'about', 'address', 'contact', 'declarations'].flatMap((page) => fieldsOf(ui, page).map(shapeOf))).toEqual([
      ['applicant.givenName', 'text', true, 100, 'given-name'],
      ['applicant.familyName', 'text', true, 100, 'family-name'],
      ['applicant.personalCode', 'text', true, 12, undefined],
      ['applicant.dateOfBirth', 'date', true, undefined, 'bday'],
      ['applicant.address.municipality', 'select', true, undefined, undefined],
      ['applicant.address.line', 'text', true, 200, 'street-address'],
      ['applicant.address.postcode', 'text', false, undefined, 'postal-code'],
      ['applicant.phone', 'tel', true, 20, 'tel'],
      ['applicant.email', 'email', true, 254, 'email'],
      ['applicant.language', 'radios', true, undefined, undefined],
      ['applicant.contactChannel', 'radios', true, undefined, undefined],
      ['declarations.informationIsTrue', 'checkbox', true, undefined, undefined],
      ['declarations.consentToProcessing', 'checkbox', true, undefined, undefined],
    ]);
  });

  it('words every field as schemas/form-ui-text.ts has them, with a hint only where one is written', () => {
    const fields = uiOf('social-rehabilitation').pages.flatMap((page) => page.fields);
    for (const field of fields) {
      const text = fieldTexts[field.path]!;
      expect(field.label, field.path).toEqual(text.label);
      if (text.hint) expect(field.hint, field.path).toEqual(text.hint);
      else expect(field, field.path).not.toHaveProperty('hint');
    }
    const byPath = new Map(fields.map((field) => [field.path, field]));
    expect(byPath.get('applicant.personalCode')?.hint).toEqual({ lv: 'Piemēram, 161175-19997', en: 'For example, 161175-19997' });
    expect(byPath.get('applicant.address.line')).not.toHaveProperty('hint');
    // Fields that are not the person's own have no autocomplete token at all.
    expect(byPath.get('evidence.dischargeSummaryNumber')).not.toHaveProperty('autocomplete');
    expect(byPath.get('applicant.personalCode')).not.toHaveProperty('autocomplete');
    expect(byPath.get('evidence.selfAssessmentCompletedOn')).not.toHaveProperty('maxLength');
  });

  it('offers the choices the schema accepts, in its order, each named in both languages', () => {
    const ui = uiOf('driving-training');
    const contact = fieldsOf(ui, 'contact');
    expect(contact.find((field) => field.path === 'applicant.language')?.options).toEqual([
      { value: 'lv', label: { lv: 'Latviešu', en: 'Latvian' } },
      { value: 'en', label: { lv: 'Angļu', en: 'English' } },
    ]);
    expect(contact.find((field) => field.path === 'applicant.contactChannel')?.options?.map(({ value }) => value)).toEqual(['email', 'phone', 'post']);
    expect(fieldsOf(ui, 'evidence').find((field) => field.path === 'evidence.noMedicalContraindication')).toMatchObject({ input: 'yes-no', options: yesNo });
    const municipality = fieldsOf(ui, 'address').find((field) => field.path === 'applicant.address.municipality')!;
    expect(municipality.options).toHaveLength(Object.keys(municipalities).length);
    expect(municipality.options?.[0]).toEqual({ value: 'riga', label: { lv: 'Rīgas valstspilsēta', en: 'Rīgas valstspilsēta' } });
  });

  it('asks a representative why they may apply and by which document, one of several kinds', () => {
    const representative = fieldsOf(uiOf('driving-training'), 'representative');
    expect(representative.map(shapeOf)).toEqual([
      ['representative.kind', 'radios', true, undefined, undefined],
      ['representative.document.type', 'radios', true, undefined, undefined],
      ['representative.document.number', 'text', true, 50, undefined],
      ['representative.document.issuedOn', 'date', true, undefined, undefined],
    ]);
    expect(representative[1]?.options?.map(({ value }) => value)).toEqual(['birth-certificate', 'court-decision', 'orphans-court-decision', 'power-of-attorney']);
  });
});

describe('the evidence page and the tracks', () => {
  it('names the tracks that ask a field, unless every track the filer may file asks it', () => {
    const evidence = fieldsOf(uiOf('social-rehabilitation'), 'evidence');
    const byPath = new Map(evidence.map((field) => [field.path, field]));
    expect(byPath.get('evidence.workingAndInsured')).toMatchObject({ input: 'yes-no', required: false, tracks: ['functional-impairment', 'after-medical-rehabilitation', 'predicted-disability'] });
    expect(byPath.get('evidence.icfCodes')).toMatchObject({ input: 'lines', required: true, tracks: ['after-medical-rehabilitation'] });
    expect(byPath.get('evidence.category')).toMatchObject({ input: 'radios', tracks: ['chernobyl'] });
    expect(byPath.get('evidence.disabilityGroup')?.options?.map(({ value }) => value)).toEqual(['I', 'II', 'III', 'disabled-child', 'none']);
    // The NVA files one track of vocational suitability: each of its fields is that track's, so none names tracks.
    const nvaEvidence = fieldsOf(uiOf('vocational-suitability', 'nva'), 'evidence');
    expect(nvaEvidence.map(({ path }) => path)).toEqual([
      'evidence.assessmentMode',
      'evidence.needsAccommodation',
      'evidence.workingAndInsured',
      'evidence.disabilityGroup',
      'evidence.disabilityCertificateNumber',
      'evidence.unemployedSince',
    ]);
    expect(nvaEvidence.filter((field) => 'tracks' in field)).toEqual([]);
  });

  it('asks one of several shapes of answer as one set of fields: the choice between them required, each shape’s own fields not', () => {
    const evidence = fieldsOf(uiOf('vocational-rehabilitation'), 'evidence');
    const assessment = evidence.filter(({ path }) => path.startsWith('evidence.suitabilityAssessment.'));
    expect(assessment.map(shapeOf)).toEqual([
      ['evidence.suitabilityAssessment.status', 'radios', true, undefined, undefined],
      ['evidence.suitabilityAssessment.reference', 'text', false, 50, undefined],
      ['evidence.suitabilityAssessment.completedOn', 'date', false, undefined, undefined],
      ['evidence.suitabilityAssessment.reason', 'radios', false, undefined, undefined],
    ]);
    expect(assessment.map(({ options }) => options?.map(({ value }) => value))).toEqual([
      ['completed', 'exempt'],
      undefined,
      undefined,
      ['sign-language-interpreter-programme', 'paid-studies'],
    ]);
    const employment = fieldsOf(uiOf('early-intervention'), 'evidence').filter(({ path }) => path.startsWith('evidence.employment.'));
    expect(employment.map(({ path, input, required }) => [path, input, required])).toEqual([
      ['evidence.employment.status', 'radios', true],
      ['evidence.employment.employer', 'text', false],
      ['evidence.employment.occupation', 'text', false],
      ['evidence.employment.onSickLeave', 'yes-no', true],
    ]);
  });

  it('offers the tracks the filer may file, named as the registry names them', () => {
    expect(uiOf('social-rehabilitation').tracks).toEqual(
      trackIds('social-rehabilitation')
        .filter((track) => track !== 'soldiers-and-officers')
        .map((track) => ({ value: track, label: trackInfo('social-rehabilitation', track)!.name })),
    );
    expect(uiOf('social-rehabilitation', 'armed-forces').tracks.map(({ value }) => value)).toEqual(['soldiers-and-officers']);
    expect(fieldsOf(uiOf('social-rehabilitation', 'armed-forces'), 'evidence').map(shapeOf)).toEqual([
      ['evidence.serviceStatus', 'radios', true, undefined, undefined],
      ['evidence.returnDate', 'date', false, undefined, undefined],
    ]);
    // A person cannot apply for coordinated services themself: no tracks and no evidence to ask.
    const coordinated = uiOf('coordinated-services');
    expect(coordinated.tracks).toEqual([]);
    expect(fieldsOf(coordinated, 'evidence')).toEqual([]);
    expect(uiOf('coordinated-services', 'social-service').tracks).toHaveLength(trackIds('coordinated-services').length);
  });

  it('refuses a form with a field no words are written for, naming it', () => {
    const form = standaloneJsonSchema(serviceForms['driving-training']) as JsonSchema & { $defs: Record<string, { properties?: Record<string, unknown> }> };
    const applicantDef = Object.entries(form.$defs).find(([, definition]) => definition.properties?.givenName)![0];
    const spoiled = structuredClone(form);
    spoiled.$defs[applicantDef]!.properties!.shoeSize = { type: 'number' };
    expect(() => formUi('driving-training', spoiled)).toThrow('No words for the form field applicant.shoeSize');
  });
});
