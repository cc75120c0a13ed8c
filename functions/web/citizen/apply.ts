/**
 * Applying, one section a page (the GOV.UK pattern), rendered from the form's ui document: for whom, the represented
 * person and the right to represent them (only when applying for someone else), the group, the person's details,
 * the group's documents and facts, the declarations; then "check your answers", sending, and the confirmation with
 * the reference number. Each page is checked against the form's own schema and the API's messages; sending calls
 * `submitApplication`, the function behind POST /applications, with the draft's key as the Idempotency-Key, so a
 * form sent twice (back button, double click) files one application and shows its confirmation again.
 */
import { randomUUID } from 'node:crypto';
import { ApplicationSubmission } from '../../../schemas/application';
import { describeIssues, localise, type Violation } from '../../../schemas/messages';
import { checkAnswers, choiceViolations, keepAnswers, showStep, stepViolations, type Step } from '../journey';
import { services, type ServiceId } from '../../../schemas/services';
import { idempotencyScope } from '../../core/applications/types';
import { submitApplication } from '../../core/applications/filing';
import { submitDraft } from '../../core/drafts';
import { isDomainError } from '../../core/errors';
import type { FormUi, UiField, UiPage } from '../../core/form-ui';
import type { PageContext, PageRoute } from '../app';
import { receiptConfirmation } from '../confirmation';
import { documentOf } from '../fields';
import { messages } from '../i18n';
import type { Draft } from '../session';
import { citizenTracks, formUiOf, isServiceId } from './catalogue';
import { saveBeforeSending, saveForLater } from './drafts';
import { listed } from '../page-table';

const forField = (): UiField => ({
  path: 'for',
  input: 'radios',
  required: true,
  label: { lv: messages.lv.whoTitle, en: messages.en.whoTitle },
  options: [
    { value: 'self', label: { lv: messages.lv.whoSelf, en: messages.en.whoSelf } },
    { value: 'representative', label: { lv: messages.lv.whoRepresented, en: messages.en.whoRepresented } },
  ],
});

const trackField = (ui: FormUi): UiField => ({
  path: 'track',
  input: 'radios',
  required: true,
  label: { lv: 'Kura grupa jums atbilst?', en: 'Which group fits you?' },
  options: ui.tracks,
});


/** The pages this draft goes through, in order, with the fields each asks given the answers so far. */
const stepsOf = (ui: FormUi, answers: Readonly<Record<string, string>>): Step[] => {
  const representing = answers.for === 'representative';
  const track = answers.track;
  const pageStep = (page: UiPage): Step => ({
    id: page.id,
    title: (language) => page.title[language],
    fields: page.id === 'track' ? [trackField(ui)] : page.fields.filter((field) => !field.tracks || (track !== undefined && field.tracks.includes(track))),
  });
  return [
    { id: 'who', title: (language) => messages[language].whoTitle, fields: [forField()] },
    ...ui.pages
      .filter((page) => (page.when !== 'representative' || representing) && (page.id !== 'track' || ui.tracks.length > 1))
      .map(pageStep)
      .filter((step) => step.fields.length > 0),
  ];
};

/** The document the API would be sent: the answered fields of the pages this draft goes through. */
const submissionOf = (serviceId: ServiceId, steps: readonly Step[], answers: Readonly<Record<string, string>>) => {
  const fields = steps.flatMap((step) => step.fields).filter((field) => field.path !== 'for');
  return { serviceId, ...documentOf(fields, answers) };
};

/** The answers so far as a draft's content: the form's document, with the group once chosen. */
const draftContentOf = (serviceId: ServiceId, ui: FormUi, answers: Readonly<Record<string, string>>) => ({
  ...submissionOf(serviceId, stepsOf(ui, answers), answers),
  ...(answers.track && { track: answers.track }),
});

/** A new draft, with what is already known filled in (the sign-in's e-mail, the page's language). */
const freshDraft = (context: PageContext, serviceId: ServiceId): Draft => {
  const drafts = (context.session.data.drafts ??= {});
  const tracks = citizenTracks(serviceId);
  const answers: Record<string, string> = { 'applicant.language': context.language, 'applicant.contactChannel': 'email' };
  if (tracks.length === 1) answers.track = tracks[0]!;
  if (context.principal.email) answers['applicant.email'] = context.principal.email;
  const fresh: Draft = { key: randomUUID(), answers };
  drafts[serviceId] = fresh;
  context.changed();
  return fresh;
};

const notFoundPage = ({ message, t, href }: PageContext) =>
  message(404, { title: t.notFoundTitle, paragraphs: [t.notFoundText], links: [{ text: t.startAgain, href: href('home') }] });

const applyPage = async (context: PageContext) => {
  const { params, language, t, href, redirect, method, form, session, query, changed } = context;
  const serviceId = params.serviceId!;
  if (!isServiceId(serviceId) || citizenTracks(serviceId).length === 0) return notFoundPage(context);
  const ui = formUiOf(context.deps.rules, serviceId);
  const at = (step: string) => href('apply', { serviceId, step });
  const caption = t.applyCaption(services[serviceId].name[language]);

  if (params.step === 'sent') return sentPage(context, serviceId);
  const stored = session.data.drafts?.[serviceId];
  if (stored?.receipt) {
    // Sent again after it went through (back button, double click): the first one's confirmation.
    if (params.step === 'check' && (method === 'GET' || form.get('draft') === stored.key)) return redirect(at('sent'));
    if (params.step !== 'who' || method !== 'GET') return redirect(at('who'));
  }
  const draft = stored && !stored.receipt ? stored : freshDraft(context, serviceId);
  const answers = draft.answers;
  const steps = stepsOf(ui, answers);
  if (params.step === 'check') return method === 'POST' ? send(context, serviceId, draft, steps) : checkPage(context, serviceId, draft, steps);

  const index = steps.findIndex((step) => step.id === params.step);
  if (index === -1) return notFoundPage(context);
  const step = steps[index]!;
  const returning = query.get('from') === 'check' || form.get('from') === 'check';
  const backHref = index === 0 ? href('service', { serviceId }) : at(steps[index - 1]!.id);

  const show = (violations: readonly Violation[]) =>
    showStep(context, { step, answers, caption, backHref, action: `${at(step.id)}${returning ? '?from=check' : ''}`, violations, saveText: t.saveForLater });
  if (method === 'GET') return show([]);

  keepAnswers(step, form, answers);
  changed();
  // Saved as it is, errors and all: the person finishes it later (the check then happens on the way).
  if (form.get('save') !== null) return saveForLater(context, serviceId, draft, draftContentOf(serviceId, ui, answers));
  const violations = pageViolations(serviceId, ui, step, answers);
  if (violations.length > 0) return show(violations);
  const next = stepsOf(ui, answers)[index + 1];
  return redirect(returning || !next ? at('check') : at(next.id));
};

/** What the form's schema says about this page's fields, given every answer so far. */
const pageViolations = (serviceId: ServiceId, ui: FormUi, step: Step, answers: Readonly<Record<string, string>>): Violation[] => {
  const choice = step.fields.find((field) => field.path === 'for' || field.path === 'track');
  if (choice) return choiceViolations(choice, answers);
  const candidate = submissionOf(serviceId, stepsOf(ui, answers), answers);
  const parsed = ApplicationSubmission.safeParse(candidate);
  // Fields a representative must give that the schema leaves optional: the core insists on them when sending.
  return stepViolations(step, answers, parsed.success ? [] : describeIssues(parsed.error.issues, candidate));
};

const checkPage = (context: PageContext, serviceId: ServiceId, draft: Draft, steps: readonly Step[], violations: readonly Violation[] = []) =>
  checkAnswers(context, {
    steps,
    answers: draft.answers,
    caption: context.t.applyCaption(services[serviceId].name[context.language]),
    at: (step) => context.href('apply', { serviceId, step }),
    draftKey: draft.key,
    violations,
  });

const send = async (context: PageContext, serviceId: ServiceId, draft: Draft, steps: readonly Step[]) => {
  const { deps, principal, href, redirect, session, message, t, changed } = context;
  const candidate = submissionOf(serviceId, steps, draft.answers);
  const parsed = ApplicationSubmission.safeParse(candidate);
  if (!parsed.success) return checkPage(context, serviceId, draft, steps, describeIssues(parsed.error.issues, candidate));
  try {
    // A saved draft is sent as a draft (POST /drafts/{id}/submit): the application is filed and the draft goes, at once.
    const changedElsewhere = draft.saved && (await saveBeforeSending(context, draft, serviceId, { ...candidate, ...(draft.answers.track && { track: draft.answers.track }) }));
    if (changedElsewhere) return changedElsewhere;
    const { receipt } = draft.saved
      ? await submitDraft({ ...deps.drafts, applications: deps.applications }, principal, draft.saved.id)
      : await submitApplication(deps.applications, principal, parsed.data, { key: draft.key, scope: idempotencyScope(deps.issuer, principal.subject) });
    session.data.drafts![serviceId] = { ...draft, receipt };
    changed();
    return redirect(href('apply', { serviceId, step: 'sent' }));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.kind === 'not-eligible' || error.kind === 'validation') return checkPage(context, serviceId, draft, steps, error.violations);
    if (error.kind === 'duplicate-application') {
      const open = (error.extensions.openApplication as { id?: string } | undefined)?.id;
      return message(409, {
        title: t.duplicateTitle,
        paragraphs: error.violations.map((found) => localise(found, context.language).message),
        links: open ? [{ text: t.followApplication, href: href('application', { id: open }) }] : [{ text: t.myApplications, href: href('applications') }],
      });
    }
    throw error;
  }
};

const sentPage = (context: PageContext, serviceId: ServiceId) => {
  const { t, href } = context;
  return receiptConfirmation(context, serviceId, href('apply', { serviceId, step: 'who' }), (receipt) => ({
    title: t.confirmationTitle,
    panel: t.confirmationReference(receipt.reference),
    next: t.confirmationNext,
    links: [{ text: t.followApplication, href: href('application', { id: receipt.id }) }, { text: t.myApplications, href: href('applications') }],
  }));
};

const startApplying = async ({ params, href, redirect }: PageContext) => redirect(href('apply', { serviceId: params.serviceId!, step: 'who' }));

export const applyPages: readonly PageRoute[] = [
  { ...listed('apply-start'), get: startApplying },
  { ...listed('apply'), get: applyPage, post: applyPage },
];
