/**
 * Drafts in the portal: "Save and come back later" on every page of a form keeps the answers so far as a draft on
 * the server (functions/core/drafts.ts, the functions behind /drafts, called directly), so the person can carry on
 * from any device. "Your drafts" lists them (service, last saved, expires on, in Riga time); resuming fills the form
 * in from the first page and says which saved answers the form no longer asks; a draft can be deleted after
 * confirming. Each save names the version it continues, so a save after another device's is refused with a page
 * that offers the version saved there (docs/portal-drafts.md).
 */
import { randomUUID } from 'node:crypto';
import { DraftId } from '../../../schemas/drafts';
import type { Language } from '../../../schemas/primitives';
import { services, type ServiceId } from '../../../schemas/services';
import { rigaDate } from '../../core/dates';
import { createDraft, deleteDraft, getDraft, listDrafts, saveDraft } from '../../core/drafts';
import { isDomainError, notFound } from '../../core/errors';
import type { PageContext, PageRoute } from '../app';
import type { Draft } from '../session';
import { rigaDateTime } from './applications';
import { listed } from '../page-table';

/** The day a draft is removed, as people in Riga read it. */
const expiryDay = (expiresAt: string) => rigaDate(new Date(expiresAt));

/** A draft's saved form as the answers the pages keep: by dotted path, as typed (lists one a line). */
export const answersOf = (content: Readonly<Record<string, unknown>>, prefix = ''): Record<string, string> => {
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(content)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) answers[path] = value.map(String).join('\n');
    else if (value !== null && typeof value === 'object') Object.assign(answers, answersOf(value as Record<string, unknown>, path));
    else if (value !== undefined && value !== null) answers[path] = String(value);
  }
  return answers;
};

/** Another device saved the draft since this one read it: nothing was overwritten, the person chooses. */
const changedElsewhere = ({ message, t, href }: PageContext, draftId: string) =>
  message(409, {
    title: t.draftChangedTitle,
    paragraphs: [t.draftChangedText],
    button: { text: t.draftContinueSaved, href: href('draft', { id: draftId }) },
    links: [{ text: t.draftsTitle, href: href('drafts') }],
  });

const isStale = (error: unknown) => isDomainError(error) && error.kind === 'precondition-failed';

/**
 * Saves at the version this browser last saved or read; another device's save since then is not overwritten but
 * answered with the page about it. A draft gone meanwhile (sent, deleted, expired) is the core's not-found.
 */
const saveAtVersion = async (context: PageContext, draft: Draft, serviceId: ServiceId, content: Record<string, unknown>) => {
  const { deps, principal, language, changed } = context;
  const saved = draft.saved!;
  try {
    const view = await saveDraft(deps.drafts, principal, saved.id, `"${saved.version}"`, { ...content, serviceId }, language);
    draft.saved = { id: view.id, version: view.version };
    changed();
    return { view };
  } catch (error) {
    if (isStale(error)) return { stale: changedElsewhere(context, saved.id) };
    throw error;
  }
};

const isGone = (error: unknown) => isDomainError(error) && error.kind === 'not-found';

/**
 * "Save and come back later": the form's answers so far as the session's draft, created on the first save. Shows
 * until when it is kept, or the page about another device's save.
 */
export const saveForLater = async (context: PageContext, serviceId: ServiceId, draft: Draft, content: Record<string, unknown>) => {
  const { deps, principal, language, redirect, href } = context;
  if (!draft.saved) {
    const track = typeof content.track === 'string' ? content.track : undefined;
    const { draft: created, created: isNew } = await createDraft(deps.drafts, principal, { serviceId, ...(track && { track }) }, language);
    // A draft of this service (and group) was saved before, on another device or earlier: not overwritten.
    if (!isNew) return changedElsewhere(context, created.id);
    draft.saved = { id: created.id, version: created.version };
  }
  try {
    const result = await saveAtVersion(context, draft, serviceId, content);
    return 'stale' in result ? result.stale! : redirect(href('draft-saved', { id: result.view!.id }));
  } catch (error) {
    // Sent, deleted or expired meanwhile: the next save starts a new draft.
    if (isGone(error)) {
      delete draft.saved;
      context.changed();
    }
    throw error;
  }
};

/** Before a saved draft is sent: the answers as they are now, saved; the page about another device's save if refused. */
export const saveBeforeSending = async (context: PageContext, draft: Draft, serviceId: ServiceId, content: Record<string, unknown>) => {
  try {
    const result = await saveAtVersion(context, draft, serviceId, content);
    return 'stale' in result ? result.stale : undefined;
  } catch (error) {
    // Already sent (a second click, another tab): sending it again answers the first application.
    if (isGone(error)) return undefined;
    throw error;
  }
};

const draftIdOf = ({ params }: PageContext) => {
  if (!DraftId.safeParse(params.id).success) throw notFound();
  return params.id!;
};

const serviceName = (serviceId: ServiceId, language: Language) => services[serviceId].name[language];

const savedPage = async (context: PageContext) => {
  const { deps, principal, t, language, href, message } = context;
  const view = await getDraft(deps.drafts, principal, draftIdOf(context));
  return message(200, {
    title: t.draftSavedTitle,
    panel: { text: serviceName(view.serviceId, language) },
    paragraphs: [t.draftSavedText(expiryDay(view.expiresAt))],
    links: [
      { text: t.draftContinueNow, href: href('draft', { id: view.id }) },
      { text: t.draftsTitle, href: href('drafts') },
    ],
  });
};

const listPage = async (context: PageContext) => {
  const { deps, principal, t, language, href, render } = context;
  const drafts = await listDrafts(deps.drafts, principal);
  return render('drafts', {
    title: t.draftsTitle,
    drafts: drafts.map((draft) => ({
      id: draft.id,
      service: serviceName(draft.serviceId, language),
      rows: [
        { key: { text: t.draftSavedOn }, value: { text: rigaDateTime(draft.savedAt) } },
        { key: { text: t.draftExpiresOn }, value: { text: expiryDay(draft.expiresAt) } },
      ],
      continueHref: href('draft', { id: draft.id }),
      deleteHref: href('draft-delete', { id: draft.id }),
    })),
  });
};

/** Resuming: the draft's answers become the session's form, from its first page; answers the form no longer has are named. */
const resumePage = async (context: PageContext) => {
  const { deps, principal, t, href, redirect, message, session, changed } = context;
  const view = await getDraft(deps.drafts, principal, draftIdOf(context));
  const answers = answersOf(view.content);
  const representing = view.content.representative !== undefined || view.content.for === 'representative';
  const resumed: Draft = {
    key: randomUUID(),
    answers: { ...answers, for: representing ? 'representative' : 'self', ...(view.track && { track: view.track }) },
    saved: { id: view.id, version: view.version },
  };
  session.data.drafts = { ...session.data.drafts, [view.serviceId]: resumed };
  changed();
  const first = href('apply', { serviceId: view.serviceId, step: 'who' });
  if (view.unknownFields.length === 0) return redirect(first);
  return message(200, {
    title: t.draftUnknownTitle,
    paragraphs: [t.draftUnknownText, view.unknownFields.join(', ')],
    button: { text: t.continue, href: first },
  });
};

const deletePage = async (context: PageContext) => {
  const { deps, principal, t, language, href, render } = context;
  const view = await getDraft(deps.drafts, principal, draftIdOf(context));
  return render('confirm', {
    title: t.draftDeleteTitle,
    caption: serviceName(view.serviceId, language),
    backHref: href('drafts'),
    intro: [t.draftDeleteText],
    action: href('draft-delete', { id: view.id }),
    controls: [],
    buttonText: t.draftDeleteButton,
    buttonClasses: 'govuk-button--warning',
  });
};

const deletePost = async (context: PageContext) => {
  const { deps, principal, href, redirect, session, changed } = context;
  const id = draftIdOf(context);
  try {
    await deleteDraft(deps.drafts, principal, id);
  } catch (error) {
    // Deleted twice (back button, double click): it is gone either way.
    if (!isDomainError(error) || error.kind !== 'not-found') throw error;
  }
  // This browser's copy of the answers goes too, so the form starts afresh.
  const kept = Object.entries(session.data.drafts ?? {}).filter(([, draft]) => draft.saved?.id !== id);
  session.data.drafts = Object.fromEntries(kept);
  changed();
  return redirect(href('drafts'));
};

export const draftPages: readonly PageRoute[] = [
  { ...listed('drafts'), get: listPage },
  { ...listed('draft'), get: resumePage },
  { ...listed('draft-saved'), get: savedPage },
  { ...listed('draft-delete'), get: deletePage, post: deletePost },
];
