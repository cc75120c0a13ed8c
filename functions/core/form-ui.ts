/**
 * The `ui` document of each service's form: which page asks what, in which order, with which input, and the words
 * for people (schemas/form-ui-text.ts). Fields, their types, choices and whether they are required are read from
 * the form's published JSON Schema, so the ui cannot ask for something the API would refuse or miss what it needs.
 * `GET /services` publishes it beside the schema; the portal renders its pages from the two.
 */
import { municipalities } from '../../schemas/municipalities';
import { choiceTexts, fieldTexts, pageTitles, type FormPageId } from '../../schemas/form-ui-text';
import { trackIds, trackInfo, type FiledBy, type Localised, type ServiceId } from '../../schemas/services';
import type { JsonSchema } from './json-schema';

export type InputKind = 'text' | 'date' | 'email' | 'tel' | 'radios' | 'select' | 'yes-no' | 'checkbox' | 'lines';

export interface UiChoice {
  readonly value: string;
  readonly label: Localised;
}

export interface UiField {
  /** Dotted path in the submitted document, e.g. `applicant.address.line`. */
  readonly path: string;
  readonly input: InputKind;
  readonly required: boolean;
  readonly label: Localised;
  readonly hint?: Localised;
  readonly options?: readonly UiChoice[];
  readonly maxLength?: number;
  /** The HTML autocomplete token, where the field is the person's own. */
  readonly autocomplete?: string;
  /** Only on these tracks (evidence fields); absent: on every track. */
  readonly tracks?: readonly string[];
}

export interface UiPage {
  readonly id: FormPageId;
  readonly title: Localised;
  /** `representative`: only when applying for someone else. */
  readonly when?: 'representative';
  readonly fields: readonly UiField[];
}

export interface FormUi {
  /** The tracks the filer may file: for a citizen, those a person (or their representative) applies for themselves. */
  readonly tracks: readonly UiChoice[];
  readonly pages: readonly UiPage[];
}

type Node = JsonSchema & {
  properties?: Record<string, Node>;
  required?: string[];
  enum?: string[];
  const?: unknown;
  oneOf?: Node[];
  anyOf?: Node[];
  $ref?: string;
  type?: string;
  format?: string;
  maxLength?: number;
  items?: Node;
};

const autocompleteOf: Readonly<Record<string, string>> = {
  'applicant.givenName': 'given-name',
  'applicant.familyName': 'family-name',
  'applicant.dateOfBirth': 'bday',
  'applicant.address.line': 'street-address',
  'applicant.address.postcode': 'postal-code',
  'applicant.phone': 'tel',
  'applicant.email': 'email',
};

const choice = (value: string): UiChoice => ({ value, label: choiceTexts[value] ?? { lv: value, en: value } });

const resolve = (root: Node, node: Node): Node => {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/$defs/', '');
  return resolve(root, ((root.$defs as Record<string, Node>)[name] ?? {}) as Node);
};

/** A leaf of the schema as an input: its kind and choices. */
const inputOf = (path: string, node: Node, root: Node): Pick<UiField, 'input' | 'options' | 'maxLength'> => {
  if (node.$ref === '#/$defs/IsoDate') return { input: 'date' };
  const resolved = resolve(root, node);
  if (path === 'applicant.address.municipality') {
    return { input: 'select', options: (resolved.enum ?? []).map((id) => ({ value: id, label: { lv: municipalities[id as keyof typeof municipalities], en: municipalities[id as keyof typeof municipalities] } })) };
  }
  if (resolved.const === true) return { input: 'checkbox' };
  if (resolved.type === 'boolean') return { input: 'yes-no', options: [choice('true'), choice('false')] };
  if (resolved.enum) return { input: 'radios', options: resolved.enum.map(choice) };
  if (resolved.type === 'array') return { input: 'lines' };
  if (resolved.format === 'email') return { input: 'email', ...(resolved.maxLength && { maxLength: resolved.maxLength }) };
  if (path.endsWith('.phone')) return { input: 'tel', ...(resolved.maxLength && { maxLength: resolved.maxLength }) };
  return { input: 'text', ...(resolved.maxLength && { maxLength: resolved.maxLength }) };
};

/** Leaves of an object schema, nested objects flattened; a union of objects (one of several shapes) merges its shapes. */
const leaves = (root: Node, node: Node, prefix: string, required: boolean): { path: string; node: Node; required: boolean }[] => {
  const resolved = resolve(root, node);
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants && variants.every((variant) => resolve(root, variant).type === 'object')) {
    const merged = new Map<string, { node: Node; values: string[] }>();
    for (const variant of variants.map((v) => resolve(root, v))) {
      for (const [name, property] of Object.entries(variant.properties ?? {})) {
        const entry = merged.get(name) ?? { node: property, values: [] };
        if (typeof property.const === 'string') entry.values.push(property.const);
        merged.set(name, entry);
      }
    }
    return [...merged].flatMap(([name, { node: property, values }]) =>
      values.length > 0
        ? [{ path: `${prefix}.${name}`, node: { type: 'string', enum: values } as Node, required }]
        : leaves(root, property, `${prefix}.${name}`, false),
    );
  }
  if (resolved.type === 'object' && resolved.properties) {
    return Object.entries(resolved.properties).flatMap(([name, property]) =>
      leaves(root, property, `${prefix}.${name}`, required && (resolved.required ?? []).includes(name)),
    );
  }
  return [{ path: prefix, node, required }];
};

const uiField = (root: Node, { path, node, required }: { path: string; node: Node; required: boolean }): UiField => {
  const text = fieldTexts[path];
  if (!text) throw new Error(`No words for the form field ${path} (schemas/form-ui-text.ts)`);
  return {
    path,
    ...inputOf(path, node, root),
    required,
    label: text.label,
    ...(text.hint && { hint: text.hint }),
    ...(autocompleteOf[path] && { autocomplete: autocompleteOf[path] }),
  };
};

const envelopePages: readonly { id: FormPageId; when?: 'representative'; paths: readonly string[] }[] = [
  { id: 'person', when: 'representative', paths: ['applicant.givenName', 'applicant.familyName', 'applicant.personalCode'] },
  { id: 'representative', when: 'representative', paths: ['representative.kind', 'representative.document.type', 'representative.document.number', 'representative.document.issuedOn'] },
  { id: 'track', paths: [] },
  { id: 'about', paths: ['applicant.dateOfBirth'] },
  { id: 'address', paths: ['applicant.address.municipality', 'applicant.address.line', 'applicant.address.postcode'] },
  { id: 'contact', paths: ['applicant.phone', 'applicant.email', 'applicant.language', 'applicant.contactChannel'] },
  { id: 'evidence', paths: [] },
  { id: 'declarations', paths: ['declarations.informationIsTrue', 'declarations.consentToProcessing'] },
];

/**
 * The ui document of one service's form, from its published JSON Schema: the one `GET /services` publishes is a
 * citizen's; a referring officer's (the same pages, the tracks and evidence their organisation refers) is `filer`'s.
 */
export const formUi = (serviceId: ServiceId, form: JsonSchema, filer: FiledBy = 'citizen'): FormUi => {
  const root = form as Node;
  const variants = (root.oneOf ?? root.anyOf ?? [root]).map((variant) => resolve(root, variant));
  const filerTracks = trackIds(serviceId).filter((track) => trackInfo(serviceId, track)?.filedBy.includes(filer));

  const envelope = new Map<string, UiField>();
  const first = variants[0]!;
  for (const part of ['applicant', 'representative', 'declarations']) {
    for (const leaf of leaves(root, first.properties![part]!, part, true)) envelope.set(leaf.path, uiField(root, leaf));
  }
  // A representative names the person they apply for (applying for oneself, the sign-in does); a citizen gives an e-mail.
  for (const path of ['applicant.givenName', 'applicant.familyName', 'applicant.personalCode', 'applicant.email']) {
    envelope.set(path, { ...envelope.get(path)!, required: true });
  }

  const evidence = new Map<string, { field: UiField; tracks: string[] }>();
  for (const variant of variants) {
    const track = variant.properties?.track?.const as string;
    if (!filerTracks.includes(track as never)) continue;
    for (const leaf of leaves(root, variant.properties!.evidence!, 'evidence', true)) {
      const entry = evidence.get(leaf.path) ?? { field: uiField(root, leaf), tracks: [] };
      entry.tracks.push(track);
      evidence.set(leaf.path, entry);
    }
  }

  const pages = envelopePages.map(({ id, when, paths }): UiPage => ({
    id,
    title: pageTitles[id],
    ...(when && { when }),
    fields:
      id === 'evidence'
        ? [...evidence.values()].map(({ field, tracks }) => (tracks.length === filerTracks.length ? field : { ...field, tracks }))
        : paths.map((path) => envelope.get(path)!),
  }));
  return {
    tracks: filerTracks.map((track) => ({ value: track, label: trackInfo(serviceId, track)!.name })),
    pages,
  };
};
