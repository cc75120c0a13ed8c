/**
 * The pieces of a form journey that every audience's forms share (a citizen applying, an officer referring): one
 * section a page rendered from the form's ui document, the answers kept as typed, the API's messages put on the
 * fields of the page they are about, and "check your answers" with a link back to each field.
 */
import { violation, type Violation } from '../../schemas/messages';
import type { Language } from '../../schemas/primitives';
import type { UiField } from '../core/form-ui';
import type { PageContext } from './app';
import { answerText, controlOf, fieldErrors, fieldId, fieldOfViolation } from './fields';

/** A value longer than any field of any form takes is cut before it is kept in the session. */
const maxAnswerLength = 4000;

/** One page of a form journey: its id in the URL, its heading, the fields it asks. */
export interface Step {
  readonly id: string;
  readonly title: (language: Language) => string;
  readonly fields: readonly UiField[];
}

/** One page of a journey with its fields as answered so far and the messages about them (400 when there are any). */
export const showStep = (
  { language, t, render, session }: PageContext,
  page: {
    step: Step;
    answers: Readonly<Record<string, string>>;
    caption: string;
    backHref: string;
    action: string;
    violations: readonly Violation[];
    /** A second button that saves the answers as a draft (the citizen's forms; docs/portal-drafts.md). */
    saveText?: string;
  },
) => {
  const { step, answers, violations } = page;
  const errors = fieldErrors(step.fields, violations, language);
  const single = step.fields.length === 1 && step.fields[0]!.input !== 'checkbox';
  return render(
    'form-page',
    {
      title: single ? step.fields[0]!.label[language] : step.title(language),
      caption: page.caption,
      headingInField: single,
      backHref: page.backHref,
      action: page.action,
      csrf: session.data.csrf,
      controls: step.fields.map((field) => controlOf(field, answers[field.path], errors.byPath[field.path], language, single)),
      buttonText: t.continue,
      saveText: page.saveText,
      errorList: errors.list,
    },
    violations.length > 0 ? 400 : 200,
  );
};

/** Keeps what a page's form sent, as typed (an emptied field is no answer), cut to a sane length. */
export const keepAnswers = (step: Step, form: URLSearchParams, answers: Record<string, string>) => {
  for (const field of step.fields) {
    const value = form.get(field.path);
    if (value === null || value === '') delete answers[field.path];
    else answers[field.path] = value.slice(0, maxAnswerLength);
  }
};

/**
 * The messages about this page's fields: the schema's (`found`, given every answer so far) and a required field
 * left empty that the schema leaves optional; later pages are not answered yet, so their messages wait.
 */
export const stepViolations = (step: Step, answers: Readonly<Record<string, string>>, found: readonly Violation[]): Violation[] => {
  const required = step.fields.filter((field) => field.required && answers[field.path] === undefined).map((field) => violation(field.path.split('.'), 'required'));
  return [...found, ...required].filter((message) => fieldOfViolation(step.fields, message));
};

/** A choice among radios (whom for, which track) answered with one of its options. */
export const choiceViolations = (field: UiField, answers: Readonly<Record<string, string>>): Violation[] =>
  field.options!.some((option) => option.value === answers[field.path]) ? [] : [violation([field.path], 'required')];

/** Every page's answers to check, each with a link back to its field; sending posts the draft's key. */
export const checkAnswers = (
  { language, t, render, session }: PageContext,
  page: {
    steps: readonly Step[];
    answers: Readonly<Record<string, string>>;
    caption: string;
    at: (step: string) => string;
    draftKey: string;
    violations: readonly Violation[];
    send?: { title: string; text: string; button: string };
  },
) => {
  const { steps, answers, at, violations } = page;
  const fields = steps.flatMap((step) => step.fields);
  const stepOfField = (path: string) => steps.find((step) => step.fields.some((field) => field.path === path))?.id ?? steps[0]!.id;
  const errors = fieldErrors(fields, violations, language, (path) => `${at(stepOfField(path))}?from=check#${fieldId(path)}`);
  return render(
    'check-answers',
    {
      title: t.checkAnswersTitle,
      caption: page.caption,
      backHref: at(steps.at(-1)!.id),
      sections: steps.map((step) => ({
        title: step.title(language),
        rows: step.fields.map((field) => ({
          key: { text: field.label[language] },
          value: { text: answerText(field, answers[field.path], language) },
          actions: { items: [{ href: `${at(step.id)}?from=check#${fieldId(field.path)}`, text: t.change, visuallyHiddenText: field.label[language] }] },
        })),
      })),
      action: at('check'),
      csrf: session.data.csrf,
      draftKey: page.draftKey,
      send: page.send ?? { title: t.sendTitle, text: t.sendText, button: t.submitApplication },
      errorList: errors.list,
    },
    violations.length > 0 ? 400 : 200,
  );
};
