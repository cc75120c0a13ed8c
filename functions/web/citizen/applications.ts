/**
 * My applications: the list, one application (status in words, what is expected of the person and by when, the
 * queue position and how far it moved, the timeline and the decisions), and the two things the person may do to it:
 * withdraw, and report the requested documents as sent. Each read and change goes through the core functions the
 * API's handlers call, with the same access rule: someone else's application is a 404 page.
 */
import { DocumentsSubmitted, Withdrawal } from '../../../schemas/decision';
import { ApplicationId } from '../../../schemas/lifecycle';
import { describeIssues, type Violation } from '../../../schemas/messages';
import type { Language } from '../../../schemas/primitives';
import { services, trackInfo, type ServiceId } from '../../../schemas/services';
import { type ApplicationRecord } from '../../core/applications/types';
import { getApplication, listApplicationsOf, readableBy } from '../../core/applications/reading';
import { rigaDate, rigaOffsetHours } from '../../core/dates';
import { isDomainError, notFound } from '../../core/errors';
import { documentsActionFrom, nextStatus } from '../../core/lifecycle';
import { applicationView } from '../../core/views';
import { currentPosition, submitDocuments, withdraw } from '../../core/workflow';
import type { PageContext, PageRoute, WebDeps } from '../app';
import { confirmationPage } from '../confirmation';
import { controlOf, fieldErrors } from '../fields';
import { decisionFieldWords, eventWords, messages, statusWords } from '../i18n';
import type { UiField } from '../../core/form-ui';
import { listed } from '../page-table';

/** An instant as people in Riga read it: `2026-11-29 14:05`. */
export const rigaDateTime = (at: string) => {
  const instant = new Date(at);
  const local = new Date(instant.getTime() + rigaOffsetHours(instant) * 3_600_000);
  return `${rigaDate(instant)} ${local.toISOString().slice(11, 16)}`;
};

export const serviceName = (serviceId: ServiceId, language: Language) => services[serviceId].name[language];
export const trackName = (serviceId: ServiceId, track: string, language: Language) => trackInfo(serviceId, track)?.name[language] ?? track;
export const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

const listPage = async ({ deps, principal, query, language, t, href, render }: PageContext) => {
  const cursor = query.get('cursor') ?? undefined;
  let page;
  try {
    page = await listApplicationsOf(deps.applications, principal, { limit: 20, ...(cursor && cursor.length <= 512 && { cursor }) });
  } catch (error) {
    // A tampered cursor starts the list from the beginning rather than failing.
    if (!isDomainError(error) || error.kind !== 'validation') throw error;
    page = await listApplicationsOf(deps.applications, principal, { limit: 20 });
  }
  return render('applications', {
    title: t.applicationsTitle,
    draftsHref: href('drafts'),
    greeting: t.greeting(`${principal.givenName} ${principal.familyName}`),
    applications: page.items.map((application) => ({
      id: application.id,
      href: href('application', { id: application.id }),
      service: serviceName(application.serviceId, language),
      rows: [
        row(t.reference, application.reference),
        row(t.track, trackName(application.serviceId, application.track, language)),
        row(t.statusLabel, statusWords[language][application.status].name),
        row(t.submittedOn, rigaDateTime(application.submittedAt)),
      ],
    })),
    ...(page.nextCursor && { nextHref: `${href('applications')}?cursor=${encodeURIComponent(page.nextCursor)}` }),
    myDataHref: href('my-data'),
  });
};

/** The application the URL names, if the signed-in person may read it; anyone else's is indistinguishable from none. */
const recordOf = async ({ deps, principal, params }: PageContext): Promise<ApplicationRecord> => {
  if (!ApplicationId.safeParse(params.id).success) throw notFound();
  return getApplication(deps.applications, principal, params.id!);
};

const lastDecision = (record: ApplicationRecord, type: string) => [...record.decisions].reverse().find((decision) => decision.type === type);

/**
 * What every reader of one application is shown of it (the person on their page, the referring officer on the
 * referral's): status in words, what is asked and by when, the timeline and the decisions.
 */
export const applicationDetails = (record: ApplicationRecord, view: ReturnType<typeof applicationView>, language: Language) => {
  const t = messages[language];
  const { application } = record;
  const words = statusWords[language][application.status];
  const requested = application.status === 'documents_requested' ? lastDecision(record, 'request-documents') : undefined;
  const deadline = typeof requested?.document.deadline === 'string' ? requested.document.deadline : undefined;
  const shown = new Set(['submitted', 'decision', 'withdrawn', 'documents_submitted', 'documents_added', 'notification_sent', 'notification_failed']);
  return {
    reference: application.reference,
    status: words.name,
    statusText: words.text,
    deadline,
    expected: deadline ? `${words.text} ${language === 'lv' ? 'Termiņš' : 'Deadline'}: ${deadline}.` : undefined,
    requested: Array.isArray(requested?.document.documents) ? requested.document.documents.map(String) : [],
    timeline: record.timeline
      .filter((event) => shown.has(event.type))
      .map((event) => ({
        at: event.at,
        when: rigaDateTime(event.at),
        text: eventWords[language][event.type === 'decision' ? String(event.details?.decision) : event.type] ?? event.type,
      })),
    decisions: view.decisions.map(({ type, at, author: _author, eventId: _id, from: _from, to: _to, ...document }) => ({
      title: `${eventWords[language][type] ?? type} (${rigaDateTime(at)})`,
      rows: Object.entries(document)
        .filter(([key]) => decisionFieldWords[language][key])
        .map(([key, value]) => row(decisionFieldWords[language][key]!, Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value))),
    })),
  };
};

/**
 * What the application page reads, none of it depending on who asks: the record the path names and its queue
 * position. Started beside the session read (app.ts `getEarly`); shown only after `readableBy` passes.
 */
const detailReads = async (deps: WebDeps, id: string | undefined) => {
  if (!ApplicationId.safeParse(id).success) return undefined;
  const record = await deps.applications.store.findWithTimeline(id!);
  return record && { record, position: await currentPosition(deps.workflow, record.application) };
};

const detailPageWith = (reads: ReturnType<typeof detailReads>) => async (context: PageContext) => {
  const { deps, language, t, href, render, params, principal } = context;
  const read = await reads;
  const record = readableBy(principal, read?.record);
  const view = applicationView(record, deps.rules, read?.position);
  const { application } = record;

  const rows = [
    row(t.reference, application.reference),
    row(t.track, trackName(application.serviceId, application.track, language)),
    row(t.submittedOn, rigaDateTime(application.submittedAt)),
    row(t.updatedOn, rigaDateTime(application.updatedAt)),
    ...(application.representative ? [row(t.person, `${application.applicant.givenName} ${application.applicant.familyName}`)] : []),
    ...(view.queue ? [row(t.queuePosition, t.queueMoved(view.queue.position, view.queue.movedUp))] : []),
    ...('earlyInterventionWindow' in view && view.earlyInterventionWindow ? [row(t.windowCloses, view.earlyInterventionWindow.closesOn)] : []),
  ];
  // Before any decision the person may add evidence unasked (docs/documents.md, "Documents before SIVA asks");
  // once SIVA asks, they may also report documents sent another way.
  const documentsAction = documentsActionFrom(application.status);
  const addDocument = { href: href('add-document', { id: params.id! }) };
  const actions = [
    ...(documentsAction === 'add-documents' ? [{ ...addDocument, text: t.addSupportingDocument }] : []),
    ...(documentsAction === 'submit-documents'
      ? [{ ...addDocument, text: t.addDocument }, { text: t.reportDocuments, href: href('documents', { id: params.id! }), classes: 'govuk-button--secondary' }]
      : []),
    ...(nextStatus('withdraw', application.status) ? [{ text: t.withdraw, href: href('withdraw', { id: params.id! }), classes: 'govuk-button--warning' }] : []),
  ];
  return render('application', {
    title: serviceName(application.serviceId, language),
    backHref: href('applications'),
    application: { ...applicationDetails(record, view, language), rows, actions, ...(documentsAction === 'add-documents' && { actionsHint: t.addSupportingDocumentText }) },
  });
};

/** A change refused because the application moved on: the person is told so, in words. */
const notPossible = ({ message, t, href, params }: PageContext) =>
  message(409, { title: t.notPossibleTitle, paragraphs: [t.notPossibleText], links: [{ text: t.backToApplication, href: href('application', { id: params.id! }) }] });

const isMovedOn = (error: unknown) => isDomainError(error) && (error.kind === 'conflict' || error.kind === 'illegal-transition');

const reasonField: UiField = { path: 'reason', input: 'lines', required: false, label: { lv: messages.lv.withdrawReason, en: messages.en.withdrawReason } };

interface ActionForm {
  readonly page: 'withdraw' | 'documents';
  readonly title: string;
  readonly intro: string;
  readonly fields: readonly UiField[];
  readonly buttonText: string;
  readonly buttonClasses?: string;
}

/** A change the person makes to their application: its fields, the version they saw, errors on the fields. */
const actionForm = (context: PageContext, record: ApplicationRecord, form: ActionForm, values: Record<string, string> = {}, violations: readonly Violation[] = []) => {
  const { language, href, render, params } = context;
  const errors = fieldErrors(form.fields, violations, language);
  return render(
    'confirm',
    {
      title: form.title,
      caption: `${serviceName(record.application.serviceId, language)} · ${record.application.reference}`,
      backHref: href('application', { id: params.id! }),
      intro: [form.intro],
      action: href(form.page, { id: params.id! }),
      version: record.application.version,
      controls: form.fields.map((field) => controlOf(field, values[field.path], errors.byPath[field.path], language)),
      buttonText: form.buttonText,
      buttonClasses: form.buttonClasses,
      errorList: errors.list,
    },
    violations.length > 0 ? 400 : 200,
  );
};

const withdrawal = ({ t }: PageContext): ActionForm => ({
  page: 'withdraw',
  title: t.withdrawTitle,
  intro: t.withdrawText,
  fields: [reasonField],
  buttonText: t.withdrawButton,
  buttonClasses: 'govuk-button--warning',
});

const withdrawPage = async (context: PageContext) => {
  const record = await recordOf(context);
  if (record.application.status === 'withdrawn') return context.redirect(context.href('withdrawn', { id: context.params.id! }));
  if (!nextStatus('withdraw', record.application.status)) return notPossible(context);
  return actionForm(context, record, withdrawal(context));
};

const versionOf = (form: URLSearchParams) => Number(form.get('version'));

const withdrawPost = async (context: PageContext) => {
  const { form, deps, principal, params, href, redirect } = context;
  const record = await recordOf(context);
  const reason = (form.get('reason') ?? '').trim();
  const request = { expectedVersion: versionOf(form), ...(reason && { reason }) };
  const parsed = Withdrawal.safeParse(request);
  if (!parsed.success) return actionForm(context, record, withdrawal(context), { reason }, describeIssues(parsed.error.issues, request));
  try {
    await withdraw(deps.workflow, principal, params.id!, parsed.data);
  } catch (error) {
    if (!isMovedOn(error)) throw error;
    // Sent twice (back button, double click): the first one withdrew it, so this one shows its confirmation.
    const now = await recordOf(context);
    if (now.application.status === 'withdrawn') return redirect(href('withdrawn', { id: params.id! }));
    return notPossible(context);
  }
  return redirect(href('withdrawn', { id: params.id! }));
};

const withdrawnPage = async (context: PageContext) => {
  const { t, href, params } = context;
  const record = await recordOf(context);
  if (record.application.status !== 'withdrawn') return context.redirect(href('application', { id: params.id! }));
  return confirmationPage(context, {
    title: t.withdrawnTitle,
    panel: record.application.reference,
    links: [{ text: t.backToApplication, href: href('application', { id: params.id! }) }, { text: t.myApplications, href: href('applications') }],
  });
};

const both = <K extends keyof typeof messages.lv>(key: K) => ({ lv: messages.lv[key], en: messages.en[key] });

/** The report-documents form in the shape of a ui document's fields, so it renders and reports errors like any form. */
const documentFields: readonly UiField[] = [
  { path: 'documents', input: 'lines', required: true, label: both('documentNames'), hint: both('documentNamesHint') },
  {
    path: 'sentBy',
    input: 'radios',
    required: true,
    label: both('sentBy'),
    options: (['email', 'post', 'in-person', 'latvija-lv'] as const).map((value) => ({
      value,
      label: { lv: messages.lv.sentByChoices[value], en: messages.en.sentByChoices[value] },
    })),
  },
];

/** The API's messages about `documents[i].sentBy` belong to the one "how" question, the rest to the list. */
const documentViolation = (found: Violation): Violation =>
  found.path[0] === 'documents' && found.path[2] === 'sentBy' ? { ...found, path: ['sentBy'] } : found.path[0] === 'documents' ? { ...found, path: ['documents'] } : found;

const documentsReport = ({ t }: PageContext): ActionForm => ({
  page: 'documents',
  title: t.documentsTitle,
  intro: t.documentsText,
  fields: documentFields,
  buttonText: t.documentsButton,
});

const lastEventIs = (record: ApplicationRecord, type: string) =>
  [...record.timeline].reverse().find((event) => event.type !== 'notification_sent' && event.type !== 'viewed_by_staff')?.type === type;

const documentsPage = async (context: PageContext) => {
  const record = await recordOf(context);
  if (!nextStatus('submit-documents', record.application.status)) {
    return lastEventIs(record, 'documents_submitted') ? context.redirect(context.href('documents-sent', { id: context.params.id! })) : notPossible(context);
  }
  return actionForm(context, record, documentsReport(context));
};

const documentsPost = async (context: PageContext) => {
  const { form, deps, principal, params, href, redirect } = context;
  const record = await recordOf(context);
  const values = { documents: form.get('documents') ?? '', sentBy: form.get('sentBy') ?? '' };
  const names = values.documents.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const request = {
    expectedVersion: versionOf(form),
    documents: names.map((name) => ({ name, ...(values.sentBy && { sentBy: values.sentBy }) })),
  };
  const parsed = DocumentsSubmitted.safeParse(request);
  if (!parsed.success || !values.sentBy) {
    const violations = parsed.success ? [] : describeIssues(parsed.error.issues, request);
    const withHow = values.sentBy ? violations : [...violations, { path: ['sentBy'], code: 'required' } as Violation];
    return actionForm(context, record, documentsReport(context), values, withHow.map(documentViolation));
  }
  try {
    await submitDocuments(deps.workflow, deps.uploads, principal, params.id!, parsed.data);
  } catch (error) {
    if (!isMovedOn(error)) throw error;
    const now = await recordOf(context);
    if (lastEventIs(now, 'documents_submitted')) return redirect(href('documents-sent', { id: params.id! }));
    return notPossible(context);
  }
  return redirect(href('documents-sent', { id: params.id! }));
};

const documentsSentPage = async (context: PageContext) => {
  const { t, href, params } = context;
  const record = await recordOf(context);
  return confirmationPage(context, {
    title: t.documentsDoneTitle,
    panel: record.application.reference,
    next: t.documentsDoneText,
    links: [{ text: t.backToApplication, href: href('application', { id: params.id! }) }],
  });
};

export const applicationPages: readonly PageRoute[] = [
  { ...listed('applications'), get: listPage },
  {
    ...listed('application'),
    get: (context) => detailPageWith(detailReads(context.deps, context.params.id))(context),
    getEarly: (params, deps) => {
      const reads = detailReads(deps, params.id);
      // Awaited by the page; a session that turns out lapsed never awaits it, and its failure must not go unhandled.
      reads.catch(() => undefined);
      return detailPageWith(reads);
    },
  },
  { ...listed('withdraw'), get: withdrawPage, post: withdrawPost },
  { ...listed('withdrawn'), get: withdrawnPage },
  { ...listed('documents'), get: documentsPage, post: documentsPost },
  { ...listed('documents-sent'), get: documentsSentPage },
];

