/**
 * The pre-check without signing in: one question a page (the group, the date of birth, then each fact the rules
 * still need for that group, in the words of the form's ui document), then the outcome with its reasons, what to
 * prepare and what else may fit. It runs `precheck`, the function behind POST /services/{id}/eligibility, so the
 * page and the API cannot disagree. Answers are kept in the session only, never stored with a person.
 */
import { EligibilityQuestion } from '../../../schemas/eligibility';
import { describeIssues, fieldPath, localise, violation, type Violation } from '../../../schemas/messages';
import { evidenceDocuments, services, trackIds, trackInfo, type ServiceId } from '../../../schemas/services';
import { rigaDate } from '../../core/dates';
import { isDomainError } from '../../core/errors';
import type { UiField } from '../../core/form-ui';
import { precheck, type PrecheckAnswer } from '../../core/precheck';
import type { PageContext, PageRoute } from '../app';
import { controlOf, documentOf, fieldErrors } from '../fields';
import { messages } from '../i18n';
import { formUiOf, isServiceId } from './catalogue';
import { listed } from '../page-table';

const notSure = 'all';

const trackField = (serviceId: ServiceId): UiField => ({
  path: 'track',
  input: 'radios',
  required: true,
  label: { lv: messages.lv.precheckTrack, en: messages.en.precheckTrack },
  options: [
    ...trackIds(serviceId).map((track) => ({ value: track as string, label: trackInfo(serviceId, track)!.name })),
    { value: notSure, label: { lv: messages.lv.precheckNotSure, en: messages.en.precheckNotSure } },
  ],
});

const birthField: UiField = {
  path: 'dateOfBirth',
  input: 'date',
  required: true,
  label: { lv: messages.lv.precheckDateOfBirth, en: messages.en.precheckDateOfBirth },
  hint: { lv: 'Piemēram, 1975-11-16', en: 'For example, 1975-11-16' },
};

type Answers = Record<string, string>;

/** The form's evidence questions, as its ui document words them. */
const evidenceFields = (context: PageContext, serviceId: ServiceId): UiField[] =>
  formUiOf(context.deps.rules, serviceId).pages.flatMap((page) => page.fields).filter((field) => field.path.startsWith('evidence.'));

/** The question body the API takes, from the answers so far. */
const questionOf = (fields: readonly UiField[], answers: Answers) => {
  const track = answers.track && answers.track !== notSure ? answers.track : undefined;
  const evidence = (documentOf(fields, answers).evidence ?? {}) as Record<string, unknown>;
  return {
    ...(track && { track }),
    ...(answers.dateOfBirth && { dateOfBirth: answers.dateOfBirth.trim() }),
    ...(Object.keys(evidence).length > 0 && { evidence }),
  };
};

const run = (context: PageContext, serviceId: ServiceId, fields: readonly UiField[], answers: Answers): PrecheckAnswer | Violation[] => {
  // The API's own request schema first, as its middy chain does, then the same pre-check.
  const question = questionOf(fields, answers);
  const parsed = EligibilityQuestion.safeParse(question);
  if (!parsed.success) return describeIssues(parsed.error.issues, question);
  try {
    return precheck(serviceId, parsed.data, { today: rigaDate(new Date(context.deps.now())), rules: context.deps.rules });
  } catch (error) {
    if (isDomainError(error) && error.kind === 'validation') return [...error.violations];
    throw error;
  }
};

/** The next fact the rules need for the chosen group, as the ui fields that ask it. */
const nextQuestion = (answer: PrecheckAnswer, fields: readonly UiField[], answers: Answers): UiField[] => {
  if (!answers.track || answers.track === notSure) return [];
  const missing = answer.tracks.find((track) => track.track === answers.track)?.missing ?? [];
  for (const path of missing) {
    const name = fieldPath(path);
    const asking = fields.filter((field) => (field.path === name || field.path.startsWith(`${name}.`)) && (!field.tracks || field.tracks.includes(answers.track!)));
    if (asking.length > 0 && asking.some((field) => answers[field.path] === undefined)) return asking;
  }
  return [];
};

const steps = ['track', 'date-of-birth', 'details', 'result'] as const;

const precheckPage = async (context: PageContext) => {
  const { params, session, language, t, href, render, message, redirect, form, method, changed } = context;
  const serviceId = params.serviceId!;
  const step = params.step as (typeof steps)[number];
  if (!isServiceId(serviceId) || !steps.includes(step)) {
    return message(404, { title: t.notFoundTitle, paragraphs: [t.notFoundText], links: [{ text: t.startAgain, href: href('home') }] });
  }
  const fields = evidenceFields(context, serviceId);
  const answers: Answers = (session.data.prechecks ??= {})[serviceId] ??= {};
  const at = (name: string) => href('precheck', { serviceId, step: name });
  const caption = `${services[serviceId].name[language]} · ${t.precheckCaption}`;

  const ask = (asking: readonly UiField[], violations: readonly Violation[] = [], backHref?: string) => {
    changed();
    const errors = fieldErrors(asking, violations, language);
    const single = asking.length === 1;
    return render(
      'form-page',
      {
        title: single ? asking[0]!.label[language] : (language === 'lv' ? 'Vēl dažas ziņas' : 'A few more details'),
        caption,
        headingInField: single,
        backHref: backHref ?? href('service', { serviceId }),
        action: at(step),
        csrf: session.data.csrf,
        controls: asking.map((field) => controlOf(field, answers[field.path], errors.byPath[field.path], language, single)),
        buttonText: t.continue,
        errorList: errors.list,
      },
      violations.length > 0 ? 400 : 200,
    );
  };

  if (step === 'track') {
    const field = trackField(serviceId);
    if (method === 'GET') return ask([field]);
    const value = form.get('track') ?? '';
    if (!field.options!.some((option) => option.value === value)) return ask([field], [violation(['track'], 'required')]);
    answers.track = value;
    changed();
    return redirect(at('date-of-birth'));
  }
  if (step === 'date-of-birth') {
    if (method === 'GET') return ask([birthField], [], at('track'));
    answers.dateOfBirth = (form.get('dateOfBirth') ?? '').slice(0, 100);
    changed();
    const checked = answers.dateOfBirth.trim() === '' ? [violation(['dateOfBirth'], 'required')] : run(context, serviceId, fields, answers);
    if (Array.isArray(checked)) return ask([birthField], checked.filter((found) => found.path[0] === 'dateOfBirth'), at('track'));
    return redirect(at('details'));
  }
  const answer = run(context, serviceId, fields, answers);
  if (step === 'details') {
    if (Array.isArray(answer)) return redirect(at('date-of-birth'));
    const asking = method === 'GET' ? nextQuestion(answer, fields, answers) : fields.filter((field) => form.has(field.path));
    if (asking.length === 0) return redirect(at('result'));
    if (method === 'GET') return ask(asking, [], at('date-of-birth'));
    for (const field of asking) answers[field.path] = (form.get(field.path) ?? '').slice(0, 1000);
    changed();
    const checked = run(context, serviceId, fields, answers);
    if (Array.isArray(checked)) return ask(asking, checked, at('date-of-birth'));
    return redirect(at(nextQuestion(checked, fields, answers).length > 0 ? 'details' : 'result'));
  }
  if (Array.isArray(answer)) return redirect(at('track'));
  const outcome = answer.appearsEligible ? t.precheckEligible : answer.tracks.every((track) => track.outcome === 'not-eligible') ? t.precheckNotEligible : t.precheckNeedsInformation;
  const labelOf = (path: string) => fields.find((field) => field.path === path || field.path.startsWith(`${path}.`))?.label[language] ?? (path === 'dateOfBirth' ? birthField.label[language] : path);
  const applicable = trackIds(serviceId).some((track) => trackInfo(serviceId, track)!.filedBy.includes('citizen'));
  return render('precheck-result', {
    title: t.precheckResultTitle,
    serviceName: services[serviceId].name[language],
    summary: outcome,
    backHref: at('track'),
    tracks: answer.tracks.map((track) => ({
      id: track.track,
      name: trackInfo(serviceId, track.track)?.name[language] ?? track.track,
      outcome: t.outcome[track.outcome],
      reasons: track.reasons.map((reason) => localise(reason, language).message),
      missing: track.missing.map((path) => labelOf(fieldPath(path))),
      evidence: track.evidence.map((document) => evidenceDocuments[document][language]),
    })),
    alternatives: answer.alternatives.map((item) => ({
      href: href('service', { serviceId: item.serviceId }),
      text: `${services[item.serviceId].name[language]}${item.track ? `: ${trackInfo(item.serviceId, item.track)?.name[language] ?? item.track}` : ''}`,
    })),
    ...(answer.appearsEligible && applicable && { applyHref: href('apply-start', { serviceId }) }),
    againHref: at('track'),
  });
};

const startPrecheck = async ({ params, href, redirect }: PageContext) => redirect(href('precheck', { serviceId: params.serviceId!, step: 'track' }));

export const precheckPages: readonly PageRoute[] = [
  { ...listed('precheck-start'), get: startPrecheck },
  { ...listed('precheck'), get: precheckPage, post: precheckPage },
];
