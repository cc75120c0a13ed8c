/**
 * The referring officers' pages (social services, the NVA, medical institutions, the armed forces): the
 * organisation's referrals (newest first, a page at a time, searchable by reference or client name), one referral
 * (status, what the agency asks for and by when, the queue position, the timeline and the decisions), and filing one:
 * the referral itself, then the service form's pages from the same ui document a citizen's come from (the tracks and
 * evidence the organisation refers), check answers, send, the confirmation with the reference. Every read and write
 * is the core function behind the API's /referrals routes, with the same rule: another organisation's referral is a
 * 404 page, anyone but an officer gets the 403 page (docs/workforce-officers.md).
 */
import { randomUUID } from 'node:crypto';
import { ApplicationId } from '../../../schemas/lifecycle';
import { describeIssues, type Violation } from '../../../schemas/messages';
import type { Language } from '../../../schemas/primitives';
import { ReferralSubmission } from '../../../schemas/referral';
import { servicesFiledBy, type ServiceId } from '../../../schemas/services';
import { idempotencyScope, type ReferrerPrincipal } from '../../core/applications/types';
import { submitReferral } from '../../core/applications/filing';
import { listReferrals, searchReferrals } from '../../core/applications/reading';
import { isDomainError, notFound } from '../../core/errors';
import { formUi, type FormUi, type UiField } from '../../core/form-ui';
import type { Application } from '../../core/model';
import { documentsActionFrom } from '../../core/lifecycle';
import { applicationView } from '../../core/views';
import { currentPosition, openForReferrer } from '../../core/workflow';
import type { PageContext, PageRoute, WebResponse } from '../app';
import { receiptConfirmation } from '../confirmation';
import { applicationDetails, rigaDateTime, row, serviceName, trackName } from '../citizen/applications';
import { documentStepPages } from '../citizen/documents';
import { catalogueOf, isServiceId } from '../citizen/catalogue';
import { documentOf } from '../fields';
import { statusWords } from '../i18n';
import { checkAnswers, choiceViolations, keepAnswers, showStep, stepViolations, type Step } from '../journey';
import type { Draft } from '../session';
import { officerWords, referralFieldWords } from './officer-words';
import { listed } from '../page-table';

type OfficerPage = (context: PageContext, officer: ReferrerPrincipal) => Promise<WebResponse>;

/**
 * The app lets only a signed-in officer reach these pages (`workforce: referrerKinds`); one whose account names no
 * organisation has no referrals to see or file, and gets the 403 page too.
 */
const asOfficer = (page: OfficerPage) => async (context: PageContext) => {
  const officer = context.member as ReferrerPrincipal;
  if (!officer.organisation) {
    const words = officerWords[context.language];
    return context.message(403, { title: words.notOfficerTitle, paragraphs: [words.notOfficerText], links: [{ text: context.t.startAgain, href: context.href('home') }] });
  }
  return page(context, officer);
};

const notFoundPage = ({ message, t, href, language }: PageContext) =>
  message(404, { title: t.notFoundTitle, paragraphs: [t.notFoundText], links: [{ text: officerWords[language].allReferrals, href: href('referrals') }] });

// ─── The organisation's referrals ───────────────────────────────────────────

const pageSize = 20;
const maxSearchLength = 100;

const listRow = (application: Application, language: Language, href: string) => ({
  href,
  reference: application.reference,
  client: `${application.applicant.givenName} ${application.applicant.familyName}`,
  service: `${serviceName(application.serviceId, language)}: ${trackName(application.serviceId, application.track, language)}`,
  status: statusWords[language][application.status].name,
  submitted: rigaDateTime(application.submittedAt),
});

const listPage: OfficerPage = async (context, officer) => {
  const { deps, query, language, href, render } = context;
  const words = officerWords[language];
  const term = (query.get('q') ?? '').trim().slice(0, maxSearchLength);
  const line = (application: Application) => listRow(application, language, href('referral', { id: application.id }));
  if (term) {
    const found = await searchReferrals(deps.applications, officer, term, pageSize);
    return render('referrals', {
      title: words.referralsTitle,
      words,
      term,
      intro: words.referralsIntro(officer.organisation!),
      summary: words.searchResults(found.items.length, term),
      limited: found.complete ? undefined : words.searchLimited(found.searched),
      referrals: found.items.map(line),
      empty: words.noMatches,
      listHref: href('referrals'),
      newHref: href('refer-start'),
    });
  }
  const cursor = query.get('cursor') ?? undefined;
  let page;
  try {
    page = await listReferrals(deps.applications, officer, { limit: pageSize, ...(cursor && cursor.length <= 512 && { cursor }) });
  } catch (error) {
    // A tampered cursor starts the list from the beginning rather than failing.
    if (!isDomainError(error) || error.kind !== 'validation') throw error;
    page = await listReferrals(deps.applications, officer, { limit: pageSize });
  }
  return render('referrals', {
    title: words.referralsTitle,
    words,
    intro: words.referralsIntro(officer.organisation!),
    referrals: page.items.map(line),
    empty: words.noReferrals,
    listHref: href('referrals'),
    newHref: href('refer-start'),
    ...(page.nextCursor && { nextHref: `${href('referrals')}?cursor=${encodeURIComponent(page.nextCursor)}` }),
  });
};

const detailPage: OfficerPage = async (context, officer) => {
  const { deps, params, language, t, href, render } = context;
  if (!ApplicationId.safeParse(params.id).success) throw notFound();
  // The read is recorded on the timeline, as the API's GET /referrals/{id} records it.
  const record = await openForReferrer(deps.workflow, officer, params.id!);
  const view = applicationView(record, deps.rules, await currentPosition(deps.workflow, record.application));
  const { application } = record;
  const words = officerWords[language];
  const details = applicationDetails(record, view, language);
  return render('application', {
    title: serviceName(application.serviceId, language),
    backHref: href('referrals'),
    application: {
      ...details,
      expected: details.requested.length > 0 ? (details.deadline ? words.requestedBy(details.deadline) : words.requestedNoDeadline) : undefined,
      rows: [
        row(t.reference, application.reference),
        row(words.client, `${application.applicant.givenName} ${application.applicant.familyName}`),
        row(t.track, trackName(application.serviceId, application.track, language)),
        row(words.referralNumber, application.referral?.number ?? ''),
        row(words.referralDate, application.referral?.date ?? ''),
        row(words.referredBy, application.referral?.officerName ?? ''),
        row(t.submittedOn, rigaDateTime(application.submittedAt)),
        row(t.updatedOn, rigaDateTime(application.updatedAt)),
        ...(view.queue ? [row(t.queuePosition, t.queueMoved(view.queue.position, view.queue.movedUp))] : []),
      ],
      // The referral document before any decision, and what the agency asks for later, are sent as the citizen
      // sends theirs: the document step, then "Send to SIVA".
      actions: documentStepActions(context, application),
    },
  });
};

/** The document step's link while documents may be sent: the referral document until a decision, then what SIVA asks for. */
const documentStepActions = ({ t, href, language }: PageContext, application: Pick<Application, 'id' | 'status'>) => {
  const action = documentsActionFrom(application.status);
  if (!action) return [];
  const text = action === 'add-documents' ? officerWords[language].attachReferralDocument : t.addDocument;
  return [{ text, href: href('referral-add-document', { id: application.id }) }];
};

// ─── Filing a referral ──────────────────────────────────────────────────────

/** The services (and within them the tracks) the officer's kind of organisation refers to. */
const referable = (officer: ReferrerPrincipal): ServiceId[] => servicesFiledBy(officer.role);

const uiFor = (context: PageContext, officer: ReferrerPrincipal, serviceId: ServiceId): FormUi => {
  const form = catalogueOf(context.deps.rules).services.find((entry) => entry.id === serviceId)!.form;
  return formUi(serviceId, form, officer.role);
};

const referralFields = (officer: ReferrerPrincipal): UiField[] => [
  { path: 'referral.number', input: 'text', required: true, ...referralFieldWords.number },
  { path: 'referral.date', input: 'date', required: true, ...referralFieldWords.date },
  { path: 'referral.officerPhone', input: 'tel', required: false, ...referralFieldWords.officerPhone },
  ...(officer.role === 'medical-institution' ? [{ path: 'referral.doctorName', input: 'text' as const, required: false, ...referralFieldWords.doctorName }] : []),
  { path: 'referral.clientConsent', input: 'checkbox', required: true, ...referralFieldWords.clientConsent },
];

/** The referral, then the service form's pages for the client (no representative: the organisation files). */
const stepsOf = (officer: ReferrerPrincipal, ui: FormUi, answers: Readonly<Record<string, string>>): Step[] => {
  const track = answers.track;
  const titleOf = (id: string, title: { lv: string; en: string }) => (language: Language) =>
    id === 'person' ? officerWords[language].personStep : id === 'declarations' ? officerWords[language].declarationsStep : title[language];
  return [
    { id: 'referral', title: (language) => officerWords[language].referralStep, fields: referralFields(officer) },
    ...ui.pages
      .filter((page) => page.id !== 'representative' && (page.id !== 'track' || ui.tracks.length > 1))
      .map((page): Step => ({
        id: page.id,
        title: titleOf(page.id, page.title),
        fields:
          page.id === 'track'
            ? [{ path: 'track', input: 'radios', required: true, label: { lv: officerWords.lv.trackStep, en: officerWords.en.trackStep }, options: ui.tracks }]
            : page.fields.filter((field) => !field.tracks || (track !== undefined && field.tracks.includes(track))),
      }))
      .filter((step) => step.fields.length > 0),
  ];
};

/** The body POST /referrals would be sent: the referral's fields, and the rest as the application. */
const submissionOf = (serviceId: ServiceId, steps: readonly Step[], answers: Readonly<Record<string, string>>) => {
  const { referral, ...application } = documentOf(steps.flatMap((step) => step.fields), answers);
  return { referral: referral ?? {}, application: { serviceId, ...application } };
};

/** Messages about the application sit under `application` in a referral; its fields are named without it. */
const onFields = (violations: readonly Violation[]): Violation[] =>
  violations.map((found) => (found.path[0] === 'application' ? { ...found, path: found.path.slice(1) } : found));

const schemaViolations = (candidate: ReturnType<typeof submissionOf>) => {
  const parsed = ReferralSubmission.safeParse(candidate);
  return parsed.success ? { data: parsed.data, violations: [] } : { violations: onFields(describeIssues(parsed.error.issues, candidate)) };
};

const draftKey = (serviceId: ServiceId) => `referral:${serviceId}`;

const startPage: OfficerPage = async ({ language, href, render }, officer) => {
  const words = officerWords[language];
  return render('refer-start', {
    title: words.chooseServiceTitle,
    caption: words.caption,
    backHref: href('referrals'),
    services: referable(officer).map((serviceId) => ({ name: serviceName(serviceId, language), href: href('refer', { serviceId, step: 'referral' }) })),
  });
};

const referPage: OfficerPage = async (context, officer) => {
  const { params, language, href, redirect, method, form, session, query, changed } = context;
  const serviceId = params.serviceId!;
  if (!isServiceId(serviceId) || !referable(officer).includes(serviceId)) return notFoundPage(context);
  const words = officerWords[language];
  const ui = uiFor(context, officer, serviceId);
  const at = (step: string) => href('refer', { serviceId, step });
  const caption = words.referCaption(serviceName(serviceId, language));
  const drafts = (session.data.drafts ??= {});

  if (params.step === 'sent') return sentPage(context, serviceId);
  const stored = drafts[draftKey(serviceId)];
  if (stored?.receipt) {
    // Sent again after it went through (back button, double click): the first one's confirmation.
    if (params.step === 'check' && (method === 'GET' || form.get('draft') === stored.key)) return redirect(at('sent'));
    if (params.step !== 'referral' || method !== 'GET') return redirect(at('referral'));
  }
  let draft: Draft;
  if (stored && !stored.receipt) draft = stored;
  else {
    const answers: Record<string, string> = { 'applicant.language': language, 'applicant.contactChannel': 'email' };
    if (ui.tracks.length === 1) answers.track = ui.tracks[0]!.value;
    draft = { key: randomUUID(), answers };
    drafts[draftKey(serviceId)] = draft;
    changed();
  }
  const answers = draft.answers;
  const steps = stepsOf(officer, ui, answers);
  const check = (violations: readonly Violation[] = []) =>
    checkAnswers(context, { steps, answers, caption, at, draftKey: draft.key, violations, send: { title: words.sendTitle, text: words.sendText, button: words.sendButton } });
  if (params.step === 'check') return method === 'POST' ? send(context, officer, serviceId, draft, steps, check) : check();

  const index = steps.findIndex((step) => step.id === params.step);
  if (index === -1) return notFoundPage(context);
  const step = steps[index]!;
  const returning = query.get('from') === 'check' || form.get('from') === 'check';
  const backHref = index === 0 ? href('refer-start') : at(steps[index - 1]!.id);
  const show = (violations: readonly Violation[]) =>
    showStep(context, { step, answers, caption, backHref, action: `${at(step.id)}${returning ? '?from=check' : ''}`, violations });
  if (method === 'GET') return show([]);

  keepAnswers(step, form, answers);
  changed();
  const trackChoice = step.fields.find((field) => field.path === 'track');
  const violations = trackChoice
    ? choiceViolations(trackChoice, answers)
    : stepViolations(step, answers, schemaViolations(submissionOf(serviceId, stepsOf(officer, ui, answers), answers)).violations);
  if (violations.length > 0) return show(violations);
  const next = stepsOf(officer, ui, answers)[index + 1];
  return redirect(returning || !next ? at('check') : at(next.id));
};

const send = async (
  context: PageContext,
  officer: ReferrerPrincipal,
  serviceId: ServiceId,
  draft: Draft,
  steps: readonly Step[],
  check: (violations: readonly Violation[]) => WebResponse,
) => {
  const { deps, href, redirect, session, changed } = context;
  const { data, violations } = schemaViolations(submissionOf(serviceId, steps, draft.answers));
  if (!data) return check(violations);
  try {
    const { receipt } = await submitReferral(deps.applications, officer, data, { key: draft.key, scope: idempotencyScope(deps.workforceIssuer, officer.subject) });
    session.data.drafts![draftKey(serviceId)] = { ...draft, receipt };
    changed();
    return redirect(href('refer', { serviceId, step: 'sent' }));
  } catch (error) {
    if (isDomainError(error) && (error.kind === 'not-eligible' || error.kind === 'validation')) return check(onFields(error.violations));
    throw error;
  }
};

const sentPage = (context: PageContext, serviceId: ServiceId) => {
  const { language, href } = context;
  const words = officerWords[language];
  // The referral document is the next step: SIVA registers a referral once it has it (docs/documents.md).
  return receiptConfirmation(context, draftKey(serviceId), href('refer', { serviceId, step: 'referral' }), (receipt) => ({
    title: words.sentTitle,
    panel: words.sentReference(receipt.reference),
    next: [words.sentNext, words.attachReferralDocumentText],
    button: { text: words.attachReferralDocument, href: href('referral-add-document', { id: receipt.id }) },
    links: [{ text: words.followReferral, href: href('referral', { id: receipt.id }) }, { text: words.allReferrals, href: href('referrals') }],
  }));
};

export const officerPages: readonly PageRoute[] = [
  { ...listed('referrals'), get: asOfficer(listPage) },
  { ...listed('refer-start'), get: asOfficer(startPage) },
  { ...listed('refer'), get: asOfficer(referPage), post: asOfficer(referPage) },
  { ...listed('referral'), get: asOfficer(detailPage) },
  // The referral document and whatever else the agency asks for, as a citizen adds theirs (docs/documents.md): the
  // upload belongs to the organisation, so a colleague may follow and send it; another organisation's is a 404.
  ...documentStepPages({
    record: 'referral',
    namePrefix: 'referral-',
    caller: (context) => context.member as ReferrerPrincipal,
    backLabel: (context) => officerWords[context.language].followReferral,
  }),
];

