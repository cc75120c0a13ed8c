/**
 * Between a form's ui document and the page: each ui field as the govuk-frontend component that asks it, the
 * answers as typed turned into the document the API validates, and the API's field messages (schemas/messages.ts)
 * put back on the fields they are about.
 */
import { fieldPath, localise, type Violation } from '../../schemas/messages';
import type { Language } from '../../schemas/primitives';
import type { UiField } from '../core/form-ui';
import { messages } from './i18n';

export const fieldId = (path: string) => `f-${path.replace(/[^\w]+/g, '-')}`;

/** One typed answer as the API expects it; empty is no answer (the API then says what is required). */
export const parseAnswer = (field: Pick<UiField, 'input'>, raw: string | undefined): unknown => {
  if (raw === undefined || raw.trim() === '') return undefined;
  switch (field.input) {
    case 'yes-no':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'checkbox':
      return raw === 'true' ? true : raw;
    case 'lines':
      return raw.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    default:
      return raw;
  }
};

/** The answers given, by dotted path, as the nested document of the form (unanswered fields left out). */
export const documentOf = (fields: readonly Pick<UiField, 'path' | 'input'>[], answers: Readonly<Record<string, string>>) => {
  const document: Record<string, unknown> = {};
  for (const field of fields) {
    const value = parseAnswer(field, answers[field.path]);
    if (value === undefined) continue;
    const keys = field.path.split('.');
    let node = document;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return document;
};

/** The field a message is about: the field itself, or the first field inside the object it names. */
export const fieldOfViolation = <F extends Pick<UiField, 'path'>>(fields: readonly F[], found: Violation): F | undefined => {
  const path = fieldPath(found.path).replace(/\[\d+\]/g, '');
  return fields.find((field) => field.path === path) ?? fields.find((field) => field.path.startsWith(`${path}.`));
};

export interface FieldErrors {
  /** Message by field path (the first message per field). */
  readonly byPath: Readonly<Record<string, string>>;
  /** The error summary: each message linked to its field. */
  readonly list: readonly { text: string; href: string }[];
}

export const fieldErrors = (fields: readonly Pick<UiField, 'path'>[], violations: readonly Violation[], language: Language, hrefOf = (path: string) => `#${fieldId(path)}`): FieldErrors => {
  const byPath: Record<string, string> = {};
  const list: { text: string; href: string }[] = [];
  for (const found of violations) {
    const field = fieldOfViolation(fields, found);
    if (!field || byPath[field.path]) continue;
    const message = localise(found, language).message;
    byPath[field.path] = message;
    list.push({ text: message, href: hrefOf(field.path) });
  }
  return { byPath, list };
};

export interface Control {
  readonly component: 'input' | 'radios' | 'checkboxes' | 'select' | 'textarea';
  readonly params: Record<string, unknown>;
}

/** The component for one field; `heading`: the page asks this one question, so its label is the page's heading. */
export const controlOf = (field: UiField, value: string | undefined, error: string | undefined, language: Language, heading = false): Control => {
  const t = messages[language];
  const id = fieldId(field.path);
  const label = { text: field.label[language], classes: heading ? 'govuk-label--l' : 'govuk-label--s', isPageHeading: heading };
  const legend = { text: field.label[language], classes: heading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--s', isPageHeading: heading };
  const common = {
    name: field.path,
    ...(field.hint && { hint: { text: field.hint[language] } }),
    ...(error && { errorMessage: { text: error } }),
  };
  switch (field.input) {
    case 'radios':
    case 'yes-no':
      return {
        component: 'radios',
        params: {
          ...common,
          idPrefix: id,
          fieldset: { legend },
          classes: field.input === 'yes-no' ? 'govuk-radios--inline' : undefined,
          items: (field.options ?? []).map((option) => ({ value: option.value, text: option.label[language], checked: option.value === value })),
        },
      };
    case 'checkbox':
      return {
        component: 'checkboxes',
        params: { ...common, idPrefix: id, items: [{ value: 'true', text: field.label[language], checked: value === 'true' }] },
      };
    case 'select':
      return {
        component: 'select',
        params: {
          ...common,
          id,
          label,
          value,
          items: [{ value: '', text: t.choose }, ...(field.options ?? []).map((option) => ({ value: option.value, text: option.label[language] }))],
        },
      };
    case 'lines':
      return { component: 'textarea', params: { ...common, id, label, value, rows: 4, spellcheck: false } };
    default:
      return {
        component: 'input',
        params: {
          ...common,
          id,
          label,
          value,
          type: field.input === 'email' ? 'email' : field.input === 'tel' ? 'tel' : 'text',
          ...(field.autocomplete && { autocomplete: field.autocomplete }),
          ...(field.input === 'date' && { classes: 'govuk-input--width-10', inputmode: 'numeric' }),
          spellcheck: false,
        },
      };
  }
};

/** An answer as the check-your-answers page shows it. */
export const answerText = (field: UiField, raw: string | undefined, language: Language): string => {
  const t = messages[language];
  if (raw === undefined || raw.trim() === '') return t.notGiven;
  if (field.input === 'checkbox') return raw === 'true' ? t.yes : raw;
  return field.options?.find((option) => option.value === raw)?.label[language] ?? raw;
};
