/**
 * The staff day on the portal: the work list across the member's services (filters as a GET form, counts per status
 * at the top), one application with everything the API's staff view holds, its attachments (303 to a 60-second
 * link), and only the decisions the status allows now, each its own small form. The version the member saw travels
 * in a hidden field: when someone else changed the application meanwhile, the answer is the list of what changed
 * since, never a silent overwrite. Every read and change is the core function the API's handler calls.
 */
import { isDeepStrictEqual } from 'node:util';
import { Decision } from '../../../schemas/decision';
import { ApplicationId } from '../../../schemas/lifecycle';
import { applicationStatuses } from '../../../schemas/lifecycle';
import { describeIssues, type Violation } from '../../../schemas/messages';
import type { Language } from '../../../schemas/primitives';
import { ResendRequest, StaffListQuery } from '../../../schemas/staff';
import { services, trackInfo, type ServiceId } from '../../../schemas/services';
import type { ApplicationRecord, Page, PageRequest } from '../../core/applications/types';
import { isDomainError, notFound } from '../../core/errors';
import type { UiField } from '../../core/form-ui';
import { decisionTypesFrom } from '../../core/lifecycle';
import type { Application, PrincipalFor, TimelineEvent } from '../../core/model';
import { attachmentLink, attachmentsFor } from '../../core/uploads';
import { staffView } from '../../core/views';
import { confirmRepresentative, currentPosition, decide, listFailedNotifications, listWork, openForStaff, readWork, resendNotification, workListCounts } from '../../core/workflow';
import { totalStatusCounts, type StatusCounts } from '../../core/status-counts';
import type { PageContext, PageRoute, WebDeps } from '../app';
import { rigaDateTime } from '../citizen/applications';
import { controlOf, documentOf, fieldErrors } from '../fields';
import { decisionFieldWords, eventWords, statusWords } from '../i18n';
import { listed } from '../page-table';

/** The member of a staff-only page (the portal lets no other role reach one). */
const staffOf = (context: PageContext) => context.member as PrincipalFor<'staff'>;
const serviceName = (serviceId: ServiceId, language: Language) => services[serviceId].name[language];
const trackName = (serviceId: ServiceId, track: string, language: Language) => trackInfo(serviceId, track)?.name[language] ?? track;
const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
const choice = (value: string, text: string, selected: string | undefined) => ({ value, text, selected: value === selected });

/** The work list's filters as typed in its GET form; unknown or malformed values are dropped, not errors. */
const filtersOf = (query: URLSearchParams, services: readonly ServiceId[]) => {
  const raw = Object.fromEntries(['serviceId', 'status', 'track', 'from', 'to', 'sort', 'cursor'].flatMap((name) => (query.get(name) ? [[name, query.get(name)!]] : [])));
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const one = StaffListQuery.safeParse({ [name]: value });
    if (one.success && (name !== 'serviceId' || services.includes(value as ServiceId))) kept[name] = value;
  }
  return kept;
};

type WorkRead = (query: StaffListQuery, page: PageRequest) => Promise<Page<Application>>;

/** What the work list reads for these filters; a tampered cursor starts the list from the beginning rather than failing. */
const workListRead = async (read: WorkRead, filters: Record<string, string>) => {
  const queueAsked = filters.sort === 'queue' && !(filters.serviceId && filters.track);
  const listQuery = StaffListQuery.parse({ ...filters, ...(queueAsked && { sort: 'date' }), limit: '25' });
  try {
    return { queueAsked, page: await read(listQuery, { limit: 25, ...(listQuery.cursor && { cursor: listQuery.cursor }) }) };
  } catch (error) {
    if (!isDomainError(error) || error.kind !== 'validation') throw error;
    return { queueAsked, page: await read({ ...listQuery, cursor: undefined }, { limit: 25 }) };
  }
};

/** The work list, read after the session: the member's services (or the one of theirs the address names). */
const workListPage = async (context: PageContext) => {
  const member = staffOf(context);
  const filters = filtersOf(context.query, member.services);
  // The counts are one more read (an item per service), made while the list is read.
  const [read, counts] = await Promise.all([
    workListRead((query, page) => listWork(context.deps.workflow, member, query, page), filters),
    workListCounts(context.deps.reports, member, filters.serviceId as ServiceId | undefined),
  ]);
  return workListView(context, filters, read, counts);
};

/**
 * The work list of the one service the address names, read beside the session (issue 12: the page no longer waits
 * for the session before its Query). Shown only when the filters the member's own services allow are the very
 * filters read, which holds exactly when the service is theirs; for anyone else it is dropped unshown and their page
 * is read after the session as before. Without a service in the address there is nothing to start.
 */
const workListEarly = (_params: Readonly<Record<string, string>>, deps: WebDeps, query: URLSearchParams) => {
  const named = query.get('serviceId') as ServiceId | null;
  const filters = named ? filtersOf(query, [named]) : {};
  if (!named || filters.serviceId !== named) return workListPage;
  const early = workListRead((listQuery, page) => readWork(deps.workflow, [named], listQuery, page), filters);
  const earlyCounts = deps.reports.readStatusCounts([named]);
  // Awaited only for a member of that service; a failure nobody awaits must not go unhandled.
  early.catch(() => undefined);
  earlyCounts.catch(() => undefined);
  return async (context: PageContext) => {
    if (!isDeepStrictEqual(filtersOf(context.query, staffOf(context).services), filters)) return workListPage(context);
    const [read, stored] = await Promise.all([early, earlyCounts]);
    return workListView(context, filters, read, totalStatusCounts(stored, [named]));
  };
};

const workListView = (
  context: PageContext,
  filters: Record<string, string>,
  { queueAsked, page }: Awaited<ReturnType<typeof workListRead>>,
  counts: StatusCounts,
) => {
  const { language, t, href, render } = context;
  const member = staffOf(context);
  const serviceId = filters.serviceId as ServiceId | undefined;
  const w = t.work;
  // Each count links to the list of that status, in the same service scope; statuses with none are left out.
  const countRows = applicationStatuses
    .filter((status) => counts[status] > 0)
    .map((status) => [
      { html: `<a class="govuk-link" href="${href('work-list')}?${new URLSearchParams({ ...(serviceId && { serviceId }), status })}">${statusWords[language][status].name}</a>` },
      { text: String(counts[status]), format: 'numeric' },
    ]);
  const tracks = member.services.flatMap((serviceId) => Object.keys(services[serviceId].tracks).map((id) => ({ serviceId, id })));
  const next = page.nextCursor ? new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString() : undefined;
  return render('work-list', {
    title: w.workListTitle,
    action: href('work-list'),
    queueAsked,
    counts: {
      caption: w.countsCaption(serviceId ? serviceName(serviceId, language) : w.allServices.toLowerCase()),
      head: [{ text: t.statusLabel }, { text: w.countsNumber, format: 'numeric' }],
      rows: countRows,
    },
    filters: {
      serviceId: { id: 'serviceId', name: 'serviceId', label: { text: w.service }, items: [choice('', w.allServices, filters.serviceId), ...member.services.map((id) => choice(id, serviceName(id, language), filters.serviceId))] },
      status: { id: 'status', name: 'status', label: { text: t.statusLabel }, items: [choice('', w.anyStatus, filters.status), ...applicationStatuses.map((status) => choice(status, statusWords[language][status].name, filters.status))] },
      track: { id: 'track', name: 'track', label: { text: t.track }, items: [choice('', w.anyTrack, filters.track), ...tracks.map(({ serviceId, id }) => choice(id, `${trackName(serviceId, id, language)} (${serviceName(serviceId, language)})`, filters.track))] },
      from: { id: 'from', name: 'from', label: { text: w.from }, hint: { text: w.dateHint }, value: filters.from, classes: 'govuk-input--width-10' },
      to: { id: 'to', name: 'to', label: { text: w.to }, hint: { text: w.dateHint }, value: filters.to, classes: 'govuk-input--width-10' },
      sort: { id: 'sort', name: 'sort', label: { text: w.order }, items: [choice('date', w.newestFirst, filters.sort), choice('queue', w.queueOrder, filters.sort)] },
    },
    head: [{ text: t.reference }, { text: w.service }, { text: t.statusLabel }, { text: t.submittedOn }],
    rows: page.items.map((application) => [
      { html: `<a class="govuk-link" href="${href('work-application', { id: application.id })}">${application.reference}</a>` },
      { text: `${serviceName(application.serviceId, language)}: ${trackName(application.serviceId, application.track, language)}` },
      { text: statusWords[language][application.status].name },
      { text: rigaDateTime(application.submittedAt) },
    ]),
    ...(next && { nextHref: `${href('work-list')}?${next}` }),
  });
};

/** The application the URL names, if it is of one of the member's services; any other is the 404 page. */
const recordFor = async (context: PageContext): Promise<ApplicationRecord> => {
  if (!ApplicationId.safeParse(context.params.id).success) throw notFound();
  return openForStaff(context.deps.workflow, staffOf(context), context.params.id!);
};

/** Events that changed the application (what a version counts), after the instant the member's page showed. */
const changesSince = (record: ApplicationRecord, seen: string) =>
  record.timeline.filter((event) => event.at > seen && !['viewed_by_staff', 'viewed_by_referrer', 'notification_sent', 'notification_failed'].includes(event.type));

const eventText = (event: TimelineEvent, language: Language) =>
  eventWords[language][event.type === 'decision' ? String(event.details?.decision) : event.type] ?? event.type;

/** Someone else changed the application after the member's page showed it: nothing saved, and what changed since. */
const stalePage = ({ render, t, language, href, params }: PageContext, record: ApplicationRecord, seen: string) =>
  render(
    'work-stale',
    {
      title: t.work.staleTitle,
      changes: changesSince(record, seen).map((event) => ({ at: event.at, when: rigaDateTime(event.at), text: eventText(event, language) })),
      status: statusWords[language][record.application.status].name,
      backHref: href('work-application', { id: params.id! }),
    },
    409,
  );

const applicationPage = async (context: PageContext) => {
  const { deps, member, language, t, href, render, params } = context;
  const record = await recordFor(context);
  const view = staffView(record, deps.rules, await currentPosition(deps.workflow, record.application));
  const attachments = await attachmentsFor(deps.uploads.store, member, params.id!);
  const { application } = record;
  const w = t.work;
  const { applicant } = application;
  const rows = [
    row(t.reference, application.reference),
    row(w.service, serviceName(application.serviceId, language)),
    row(t.track, trackName(application.serviceId, application.track, language)),
    row(t.statusLabel, statusWords[language][application.status].name),
    row(t.submittedOn, rigaDateTime(application.submittedAt)),
    row(w.channel, t.filedBy[application.channel]),
    row(w.name, `${applicant.givenName ?? ''} ${applicant.familyName ?? ''}`.trim()),
    ...(applicant.personalCode ? [row(w.personalCode, applicant.personalCode)] : []),
    row(w.dateOfBirth, applicant.dateOfBirth),
    row(w.address, [applicant.address.line, applicant.address.municipality, applicant.address.postcode].filter(Boolean).join(', ')),
    row(w.contact, [applicant.email, applicant.phone].filter(Boolean).join(', ')),
    row(w.language, applicant.language),
    ...(view.queue ? [row(t.queuePosition, String(view.queue.position))] : []),
    ...(application.possibleDuplicateOf ? [row(w.possibleDuplicate, application.possibleDuplicateOf)] : []),
  ];
  const evidence = Object.entries(application.evidence ?? {}).map(([key, value]) => row(key, Array.isArray(value) ? value.join(', ') : String(value)));
  const representative = application.representative
    ? {
        rows: Object.entries(application.representative).flatMap(([key, value]) => (typeof value === 'string' ? [row(key, value)] : [])),
        confirmed: Boolean(application.representativeConfirmed),
        action: href('work-representative', { id: params.id! }),
      }
    : undefined;
  return render('work-application', {
    title: `${application.reference}`,
    backHref: href('work-list'),
    rows,
    evidence,
    representative,
    version: application.version,
    seen: application.updatedAt,
    attachments: attachments.map((attachment) => ({
      text: `${attachment.fileName} (${attachment.documentType})`,
      href: href('work-attachment', { id: params.id!, attachmentId: attachment.id }),
    })),
    decisionLinks: decisionTypesFrom(application.status).map((type) => ({
      text: w.decisionNames[type],
      href: href('work-decision', { id: params.id!, type }),
      classes: type === 'refuse' || type === 'not-started' ? 'govuk-button--warning' : type === 'grant' || type === 'register' ? '' : 'govuk-button--secondary',
    })),
    timeline: record.timeline.map((event) => ({ at: event.at, when: rigaDateTime(event.at), text: `${eventText(event, language)} (${event.actor.role})` })),
    decisions: view.decisions.map(({ type, at, author, eventId: _id, from: _from, to: _to, ...document }) => ({
      title: `${eventWords[language][type] ?? type} (${rigaDateTime(at)}, ${author})`,
      rows: Object.entries(document)
        .filter(([key]) => decisionFieldWords[language][key])
        .map(([key, value]) => row(decisionFieldWords[language][key]!, Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value))),
    })),
    notifications: view.notifications.map((notification) => row(`${notification.kind} (${rigaDateTime(notification.updatedAt)})`, notification.state)),
  });
};

const both = (lv: string, en: string) => ({ lv, en });
const field = (path: string, input: UiField['input'], required: boolean, label: { lv: string; en: string }, hint?: { lv: string; en: string }): UiField => ({
  path,
  input,
  required,
  label,
  ...(hint && { hint }),
});
const dateHint = both('Piemēram, 2027-01-11', 'For example, 2027-01-11');

/** The fields of each decision (schemas/decision.ts), asked in the member's language. */
const decisionFields: Record<Decision['type'], readonly UiField[]> = {
  register: [],
  review: [],
  'admit-to-queue': [],
  'request-documents': [
    field('documents', 'lines', true, both('Kādi dokumenti vajadzīgi', 'Documents needed'), both('Katru savā rindā, vārdos, ko iesniedzējs saprot', 'One a line, in words the applicant understands')),
    field('deadline', 'date', true, both('Termiņš', 'Deadline'), dateHint),
  ],
  grant: [field('startsOn', 'date', false, both('Sākums (ja zināms)', 'Starts on (if known)'), dateHint), field('urgent', 'checkbox', false, both('Steidzami (bez rindas)', 'Urgent (skips the queue)'))],
  refuse: [field('reason', 'lines', true, both('Iemesls', 'Reason')), field('appeal', 'lines', true, both('Kā apstrīdēt (iesniedzēja valodā)', "How to appeal (in the applicant's language)"))],
  start: [field('startedOn', 'date', true, both('Sākās', 'Started on'), dateHint)],
  'not-started': [field('reason', 'lines', true, both('Iemesls', 'Reason'))],
  postpone: [field('reason', 'lines', true, both('Iemesls', 'Reason')), field('until', 'date', false, both('Līdz', 'Until'), dateHint)],
  complete: [
    field('completedOn', 'date', true, both('Pabeigts', 'Completed on'), dateHint),
    field('recommendations', 'lines', true, both('Ieteikumi', 'Recommendations')),
    field('roadMap', 'lines', false, both('Ceļa karte', 'Road map')),
  ],
};

/** The appeal text a refusal carries, in the applicant's language (docs/domain.md: contested with the director; staff may edit it). */
const appealText: Record<Language, string> = {
  lv: 'Lēmumu var apstrīdēt SIVA direktoram viena mēneša laikā no tā spēkā stāšanās dienas.',
  en: "The decision can be contested to SIVA's director within one month of the day it takes effect.",
};

const decisionTypeOf = (context: PageContext): Decision['type'] | undefined => {
  const type = context.params.type as Decision['type'];
  return type in decisionFields ? type : undefined;
};

/** Long texts go to the API as one string; lists (documents) as lines. */
const decisionOf = (type: Decision['type'], form: URLSearchParams, version: number) => {
  const fields = decisionFields[type];
  const answers = Object.fromEntries(fields.map((one) => [one.path, form.get(one.path) ?? '']));
  const document = documentOf(fields.map((one) => (one.path === 'documents' ? one : { ...one, input: one.input === 'lines' ? 'text' : one.input })), answers);
  return { answers, request: { type, expectedVersion: version, ...document } };
};

const decisionForm = (context: PageContext, record: ApplicationRecord, type: Decision['type'], values: Record<string, string>, violations: readonly Violation[], seen: string, version: number) => {
  const { language, t, href, render, params } = context;
  const fields = decisionFields[type];
  const errors = fieldErrors(fields, violations, language);
  return render(
    'work-decision',
    {
      title: t.work.decisionNames[type],
      caption: `${record.application.reference} · ${statusWords[language][record.application.status].name}`,
      backHref: href('work-application', { id: params.id! }),
      action: href('work-decision', { id: params.id!, type }),
      version,
      seen,
      controls: fields.map((one) => controlOf(one, values[one.path], errors.byPath[one.path], language)),
      buttonText: t.work.decisionNames[type],
      errorList: errors.list,
    },
    violations.length > 0 ? 400 : 200,
  );
};

const notAllowedNow = (context: PageContext, record: ApplicationRecord) =>
  context.message(409, {
    title: context.t.notPossibleTitle,
    paragraphs: [context.t.work.notAllowedNow(decisionTypesFrom(record.application.status).map((type) => context.t.work.decisionNames[type]).join(', ') || '—')],
    links: [{ text: context.t.backToApplication, href: context.href('work-application', { id: context.params.id! }) }],
  });

const decisionPage = async (context: PageContext) => {
  const record = await recordFor(context);
  const type = decisionTypeOf(context);
  if (!type) throw notFound();
  if (!decisionTypesFrom(record.application.status).includes(type)) return notAllowedNow(context, record);
  const applicantLanguage = record.application.applicant.language === 'en' ? 'en' : 'lv';
  const prefilled: Record<string, string> = type === 'refuse' ? { appeal: appealText[applicantLanguage] } : {};
  return decisionForm(context, record, type, prefilled, [], record.application.updatedAt, record.application.version);
};

const decisionPost = async (context: PageContext) => {
  const { deps, form, params, href, redirect } = context;
  const member = staffOf(context);
  const record = await recordFor(context);
  const type = decisionTypeOf(context);
  if (!type) throw notFound();
  const version = Number(form.get('version'));
  const seen = form.get('seen') ?? '';
  const { answers, request } = decisionOf(type, form, version);
  const stale = () => stalePage(context, record, seen);
  if (version !== record.application.version) return stale();
  const parsed = Decision.safeParse(request);
  if (!parsed.success) return decisionForm(context, record, type, answers, describeIssues(parsed.error.issues, request), seen, version);
  try {
    await decide(deps.workflow, member, params.id!, parsed.data);
  } catch (error) {
    if (isDomainError(error) && error.kind === 'conflict') return stale();
    if (isDomainError(error) && error.kind === 'illegal-transition') return notAllowedNow(context, record);
    if (isDomainError(error) && (error.kind === 'validation' || error.kind === 'not-eligible')) {
      return decisionForm(context, record, type, answers, error.violations, seen, version);
    }
    throw error;
  }
  return redirect(href('work-application', { id: params.id! }));
};

const representativePost = async (context: PageContext) => {
  const { deps, form, params, href, redirect } = context;
  const member = staffOf(context);
  const record = await recordFor(context);
  const version = Number(form.get('version'));
  try {
    await confirmRepresentative(deps.workflow, member, params.id!, { expectedVersion: version });
  } catch (error) {
    if (isDomainError(error) && (error.kind === 'conflict' || error.kind === 'not-eligible')) {
      return stalePage(context, record, form.get('seen') ?? '');
    }
    throw error;
  }
  return redirect(href('work-application', { id: params.id! }));
};

/** 303 to the 60-second link; the read is recorded on the timeline (as by the API). */
const attachmentGet = async ({ deps, member, params, redirect }: PageContext) => {
  if (!ApplicationId.safeParse(params.id).success) throw notFound();
  const { url } = await attachmentLink(await deps.evidence(), member, params.id!, params.attachmentId!);
  return redirect(url);
};

/** Undeliverable e-mails of one of the member's services (newest first), each with a resend form. */
const failedPage = async (context: PageContext) => {
  const { deps, query, language, t, href, render } = context;
  const member = staffOf(context);
  const asked = query.get('serviceId') as ServiceId | null;
  const serviceId = asked && member.services.includes(asked) ? asked : member.services[0];
  const cursor = query.get('cursor') ?? undefined;
  let page: Awaited<ReturnType<typeof listFailedNotifications>> = { items: [] };
  if (serviceId) {
    try {
      page = await listFailedNotifications(deps.workflow, member, serviceId, { limit: 25, ...(cursor && cursor.length <= 512 && { cursor }) });
    } catch (error) {
      if (!isDomainError(error) || error.kind !== 'validation') throw error;
      page = await listFailedNotifications(deps.workflow, member, serviceId, { limit: 25 });
    }
  }
  const w = t.work;
  return render('work-failed', {
    title: w.failedTitle,
    action: href('work-failed'),
    resendAction: href('work-resend'),
    resent: query.get('resent') === '1',
    service: { id: 'serviceId', name: 'serviceId', label: { text: w.service }, items: member.services.map((id) => choice(id, serviceName(id, language), serviceId)) },
    serviceId,
    items: page.items.map((failed) => ({
      ...failed,
      href: href('work-application', { id: failed.applicationId }),
      when: rigaDateTime(failed.updatedAt),
      kindText: w.notificationKinds[failed.kind] ?? failed.kind,
      failureText: failed.failure ? `${failed.failure.code}${failed.failure.permanent ? ` (${w.permanent})` : ''}` : '',
    })),
    ...(page.nextCursor && serviceId && { nextHref: `${href('work-failed')}?${new URLSearchParams({ serviceId, cursor: page.nextCursor })}` }),
  });
};

const resendPost = async (context: PageContext) => {
  const { deps, form, href, redirect, message, t } = context;
  const member = staffOf(context);
  const parsed = ResendRequest.safeParse({ eventId: form.get('eventId') ?? '', kind: form.get('kind') ?? '' });
  const applicationId = form.get('applicationId') ?? '';
  if (!parsed.success || !ApplicationId.safeParse(applicationId).success) throw notFound();
  const serviceId = form.get('serviceId') ?? '';
  const back = `${href('work-failed')}?${new URLSearchParams({ serviceId })}`;
  try {
    await resendNotification(deps.workflow, member, applicationId, parsed.data);
  } catch (error) {
    // Resent already (a second click, or a colleague): it is no longer on the failed list.
    if (isDomainError(error) && error.kind === 'conflict') return message(409, { title: t.notPossibleTitle, paragraphs: [t.work.notFailedAnyMore], links: [{ text: t.work.failedTitle, href: back }] });
    throw error;
  }
  return redirect(`${back}&resent=1`);
};

export const staffPages: readonly PageRoute[] = [
  { ...listed('work-list'), get: workListPage, getEarly: workListEarly },
  { ...listed('work-application'), get: applicationPage },
  { ...listed('work-decision'), get: decisionPage, post: decisionPost },
  { ...listed('work-representative'), post: representativePost },
  { ...listed('work-failed'), get: failedPage },
  { ...listed('work-resend'), post: resendPost },
  { ...listed('work-attachment'), get: attachmentGet },
];

