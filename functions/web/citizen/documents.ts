/**
 * The document step: a person adds evidence files to their application from a browser, without script. They choose
 * the kind of document (the track's evidence from the catalogue, or another); the next page is an HTML form that
 * posts the file straight to S3 with a presigned POST, and S3 sends the browser back to a page that follows the
 * check (pending → clean or rejected, with what to do). Clean files are sent to SIVA together, attached through the
 * same core function as `POST /applications/{id}/documents` with `sentBy: "upload"` (docs/documents.md,
 * "Uploading from the portal"). The same pages serve a referring officer on the organisation's referral
 * (functions/web/workforce/officers.ts): `documentStepPages` takes who the caller is and where the pages are.
 */
import { ApplicationId } from '../../../schemas/lifecycle';
import { localise, violation, type Violation } from '../../../schemas/messages';
import type { Language } from '../../../schemas/primitives';
import { evidenceDocuments } from '../../../schemas/services';
import { acceptedContentTypes, UploadId, type DocumentType } from '../../../schemas/uploads';
import { getApplication } from '../../core/applications/reading';
import type { CitizenPrincipal, ReferrerPrincipal } from '../../core/applications/types';
import { isDomainError, notFound } from '../../core/errors';
import { documentsActionFrom } from '../../core/lifecycle';
import { createFormUpload, documentTypesFor, formUploadTicket, uploadStatus } from '../../core/uploads';
import { submitDocuments } from '../../core/workflow';
import type { UiField } from '../../core/form-ui';
import type { PageContext, PageRoute } from '../app';
import { confirmationPage } from '../confirmation';
import { controlOf, fieldErrors } from '../fields';
import { messages } from '../i18n';
import { type DocumentStepPrefix, documentStepPaths, listed, type PageName } from '../page-table';

const documentTypeName = (type: DocumentType, language: Language) =>
  type === 'other' ? messages[language].otherDocument : evidenceDocuments[type][language];

/** Who takes the document step, and where: a person on their application, or an officer on the organisation's referral. */
export interface DocumentStep {
  /** The page of the record the documents are for (its `{id}` is the application's). */
  readonly record: string;
  /**
   * Put before the step's page names (`add-document`, `send-file`, `upload`, `uploads-sent`) to keep them apart; the
   * page table lists each under its full name, with its path below the record's page and who may open it.
   */
  readonly namePrefix: DocumentStepPrefix;
  /** Who is signed in: every read and write is theirs, checked by the core as through the API. */
  readonly caller: (context: PageContext) => CitizenPrincipal | ReferrerPrincipal;
  /** The link back to the record. */
  readonly backLabel: (context: PageContext) => string;
}

type StepPage = keyof typeof documentStepPaths;

export const documentStepPages = (step: DocumentStep): PageRoute[] => {
  const names = Object.fromEntries(Object.entries(documentStepPaths).map(([page, { name }]) => [page, `${step.namePrefix}${name}` as const])) as Record<StepPage, PageName>;
  /**
   * The application the URL names, if the signed-in person may read it and documents may be sent to it now: asked
   * for, or before any decision (the referral document right after filing, docs/documents.md).
   */
  const waitingApplication = async (context: PageContext) => {
    const { deps, params } = context;
    if (!ApplicationId.safeParse(params.id).success) throw notFound();
    const record = await getApplication(deps.applications, step.caller(context), params.id!);
    return { record, waiting: Boolean(documentsActionFrom(record.application.status)) };
  };

  const uploadIdOf = ({ params }: PageContext) => {
    if (!UploadId.safeParse(params.uploadId).success) throw notFound();
    return params.uploadId!;
  };

  const notWaiting = (context: PageContext) => {
    const { message, t, href, params } = context;
    return message(409, { title: t.notPossibleTitle, paragraphs: [t.notPossibleText], links: [{ text: step.backLabel(context), href: href(step.record, { id: params.id! }) }] });
  };

  const typeField = (types: readonly DocumentType[]): UiField => ({
    path: 'documentType',
    input: 'radios',
    required: true,
    label: { lv: messages.lv.documentType, en: messages.en.documentType },
    options: types.map((value) => ({ value, label: { lv: documentTypeName(value, 'lv'), en: documentTypeName(value, 'en') } })),
  });

  const chooseTypePage = (context: PageContext, types: readonly DocumentType[], violations: readonly Violation[] = []) => {
    const { t, language, href, render, params } = context;
    const field = typeField(types);
    const errors = fieldErrors([field], violations, language);
    return render(
      'confirm',
      {
        title: t.addDocumentTitle,
        backHref: href(step.record, { id: params.id! }),
        intro: [t.addDocumentText],
        action: href(names.add, { id: params.id! }),
        controls: [controlOf(field, undefined, errors.byPath[field.path], language)],
        buttonText: t.continue,
        errorList: errors.list,
      },
      violations.length > 0 ? 400 : 200,
    );
  };

  const addDocumentPage = async (context: PageContext) => {
    const { record, waiting } = await waitingApplication(context);
    if (!waiting) return notWaiting(context);
    return chooseTypePage(context, documentTypesFor(record.application));
  };

  /** Where S3 sends the browser after the file is stored: the check's page, in the person's language, absolute. */
  const checkPageUrl = (context: PageContext) => (uploadId: string) =>
    `${context.deps.webOrigin.replace(/\/+$/, '')}${context.href(names.upload, { id: context.params.id!, uploadId })}`;

  const addDocumentPost = async (context: PageContext) => {
    const { deps, params, form, href, redirect } = context;
    const principal = step.caller(context);
    const { record, waiting } = await waitingApplication(context);
    if (!waiting) return notWaiting(context);
    const types = documentTypesFor(record.application);
    const chosen = types.find((type) => type === form.get('documentType'));
    if (!chosen) return chooseTypePage(context, types, [violation(['documentType'], 'required')]);
    let ticket;
    try {
      ticket = await createFormUpload(await deps.evidence(), principal, params.id!, { documentType: chosen, redirectTo: checkPageUrl(context) });
    } catch (error) {
      // Twenty files, or 30 MB, already on the application: said on the field, as the API says it.
      if (!isDomainError(error) || error.kind !== 'not-eligible') throw error;
      return chooseTypePage(context, types, error.violations.map((found) => ({ ...found, path: ['documentType'] })));
    }
    return redirect(href(names.sendFile, { id: params.id!, uploadId: ticket.uploadId }));
  };

  /** The file's form: posted by the browser to S3 itself, with the presigned fields first and the file last. */
  const sendFilePage = async (context: PageContext) => {
    const { deps, params, t, language, href, render, message, redirect, allowFormAction } = context;
    const principal = step.caller(context);
    const uploadId = uploadIdOf(context);
    const found = await formUploadTicket(await deps.evidence(), principal, params.id!, uploadId, checkPageUrl(context));
    if (found === 'settled') return redirect(href(names.upload, { id: params.id!, uploadId }));
    if (found === 'expired') {
      return message(410, {
        title: t.uploadFormExpiredTitle,
        paragraphs: [t.uploadFormExpiredText],
        links: [{ text: t.addDocument, href: href(names.add, { id: params.id! }) }],
      });
    }
    allowFormAction(new URL(found.ticket.url).origin);
    return render('send-file', {
      title: t.chooseFileTitle,
      backHref: href(names.add, { id: params.id! }),
      intro: t.chooseFileText(documentTypeName(found.upload.documentType, language)),
      action: found.ticket.url,
      fields: Object.entries(found.ticket.fields).map(([name, value]) => ({ name, value })),
      accept: acceptedContentTypes.join(','),
    });
  };

  const remember = (context: PageContext, uploadId: string) => {
    const { session, params, changed } = context;
    const listed = session.data.uploads?.[params.id!] ?? [];
    if (listed.includes(uploadId)) return;
    // Kept per application, newest last; the list is short-lived (the session's) and bounded by the 20-file limit.
    session.data.uploads = { ...session.data.uploads, [params.id!]: [...listed, uploadId].slice(-20) };
    changed();
  };

  const forget = (context: PageContext, uploadIds: readonly string[]) => {
    const { session, params, changed } = context;
    const kept = (session.data.uploads?.[params.id!] ?? []).filter((id) => !uploadIds.includes(id));
    const { [params.id!]: _gone, ...others } = session.data.uploads ?? {};
    session.data.uploads = kept.length > 0 ? { ...others, [params.id!]: kept } : others;
    changed();
  };

  /** The check of one upload: pending (check again), clean (send, or add another), rejected (why, and what to do). */
  const uploadPage = async (context: PageContext) => {
    const { deps, params, t, language, href, message, render } = context;
    const principal = step.caller(context);
    const uploadId = uploadIdOf(context);
    const status = await uploadStatus(deps.uploads, principal, params.id!, uploadId);
    const self = href(names.upload, { id: params.id!, uploadId });
    const addAnother = { text: t.addAnotherDocument, href: href(names.add, { id: params.id! }) };
    switch (status.state) {
      case 'pending':
        return message(200, { title: t.uploadPendingTitle, paragraphs: [t.uploadPendingText], button: { text: t.uploadCheckAgain, href: self } });
      case 'rejected':
        forget(context, [uploadId]);
        return message(200, {
          title: t.uploadRejectedTitle,
          paragraphs: [localise(violation([], `rejected_${status.reason!}`), language).message],
          links: [{ text: t.uploadRejectedNext, href: href(names.add, { id: params.id! }) }, { text: step.backLabel(context), href: href(step.record, { id: params.id! }) }],
        });
      default: {
        const { record, waiting } = await waitingApplication(context);
        if (!waiting) return notWaiting(context);
        remember(context, uploadId);
        return render('confirm', {
          title: t.uploadCleanTitle,
          backHref: href(step.record, { id: params.id! }),
          intro: [t.uploadCleanText],
          action: self,
          version: record.application.version,
          controls: [],
          buttonText: t.uploadSendButton,
          links: [addAnother],
        });
      }
    }
  };

  /** "Send to SIVA": every clean upload of this session on the application, attached in one transition. */
  const uploadPost = async (context: PageContext) => {
    const { deps, params, form, t, href, message, redirect } = context;
    const principal = step.caller(context);
    const uploadId = uploadIdOf(context);
    const { waiting } = await waitingApplication(context);
    if (!waiting) return notWaiting(context);
    // This page's upload, and those checked before it in this session.
    const listed = [...new Set([...(context.session.data.uploads?.[params.id!] ?? []), uploadId])];
    const states = await Promise.all(listed.map((uploadId) => uploadStatus(deps.uploads, principal, params.id!, uploadId)));
    if (states.some((status) => status.state === 'pending')) {
      return message(409, { title: t.uploadsWaitingTitle, paragraphs: [t.uploadsWaitingText], button: { text: t.uploadCheckAgain, href: href(names.upload, { id: params.id!, uploadId }) } });
    }
    const clean = states.filter((status) => status.state === 'clean').map((status) => status.uploadId);
    if (clean.length === 0) throw notFound();
    try {
      await submitDocuments(deps.workflow, deps.uploads, principal, params.id!, {
        expectedVersion: Number(form.get('version')),
        documents: clean.map((uploadId) => ({ sentBy: 'upload' as const, uploadId })),
      });
    } catch (error) {
      if (!isDomainError(error) || !['conflict', 'illegal-transition', 'not-eligible', 'validation'].includes(error.kind)) throw error;
      return notWaiting(context);
    }
    forget(context, clean);
    return redirect(href(names.sent, { id: params.id! }));
  };

  const uploadsSentPage = async (context: PageContext) => {
    const { t, href, params } = context;
    const { record } = await waitingApplication(context);
    return confirmationPage(context, {
      title: t.uploadsSentTitle,
      panel: record.application.reference,
      next: t.uploadsSentText,
      links: [{ text: step.backLabel(context), href: href(step.record, { id: params.id! }) }],
    });
  };

  const route = (page: StepPage, handlers: Pick<PageRoute, 'get' | 'post'>): PageRoute => ({ ...listed(names[page]), ...handlers });
  return [
    route('add', { get: addDocumentPage, post: addDocumentPost }),
    route('sendFile', { get: sendFilePage }),
    route('upload', { get: uploadPage, post: uploadPost }),
    route('sent', { get: uploadsSentPage }),
  ];
};

export const documentPages: readonly PageRoute[] = documentStepPages({
  record: 'application',
  namePrefix: '',
  caller: (context) => context.principal,
  backLabel: (context) => context.t.backToApplication,
});
