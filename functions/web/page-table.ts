/**
 * Every page of the portal by name, path and who may open it, without its code: each group's module (and what it
 * imports: the catalogue, d3 for the report's charts, the core's functions) is imported on the first request that
 * needs one of its pages, so a cold start pays only for the group it answers (docs/cold-start.md, the web row).
 * The page modules own the handlers and repeat these facts beside them; tests/unit/portal-page-table.test.ts holds
 * the two to the same names, paths, access and order.
 */
import { referrerKinds } from '../../schemas/services';
import { applicationPagePaths, referralPagePaths, staffApplicationPagePaths } from '../core/portal-pages';
import { workforceRoles } from '../core/workforce-identity';
import type { PageRoute } from './app';
import { messages } from './i18n';
import { wordsFor } from './workforce/officer-words';
import { reportWords } from './workforce/report-words';

type Paths = PageRoute['paths'];
type Listed = Pick<PageRoute, 'name' | 'paths' | 'signIn' | 'workforce' | 'navLabel'>;

/** The pages one module serves, each told where to find its handlers. */
const group = (load: () => Promise<readonly PageRoute[]>, pages: readonly Listed[]): PageRoute[] => pages.map((page) => ({ ...page, load }));

/** The document step's pages below the page of the record the documents are for (functions/web/citizen/documents.ts). */
export const documentStepPaths = {
  add: { name: 'add-document', lv: 'pievienot-dokumentu', en: 'add-document' },
  sendFile: { name: 'send-file', lv: 'faili/{uploadId}/nosutit', en: 'files/{uploadId}/send' },
  upload: { name: 'upload', lv: 'faili/{uploadId}', en: 'files/{uploadId}' },
  sent: { name: 'uploads-sent', lv: 'faili-nosutiti', en: 'files-sent' },
} as const;

export const documentStepListing = (under: Paths, namePrefix: string, access: Pick<PageRoute, 'signIn' | 'workforce'>): Listed[] =>
  Object.values(documentStepPaths).map((page) => ({ name: `${namePrefix}${page.name}`, paths: { lv: `${under.lv}/${page.lv}`, en: `${under.en}/${page.en}` }, ...access }));

const citizen = { signIn: true } as const;
const staffOnly = ['staff'] as const;

/** In the order a path is matched: the first page whose path fits answers. */
export const portalPages: readonly PageRoute[] = [
  ...group(async () => (await import('./citizen/catalogue')).cataloguePages, [
    { name: 'home', paths: { lv: '/', en: '/en' } },
    { name: 'service', paths: { lv: '/pakalpojumi/{serviceId}', en: '/en/services/{serviceId}' } },
  ]),
  ...group(async () => (await import('./citizen/precheck')).precheckPages, [
    { name: 'precheck-start', paths: { lv: '/parbaude/{serviceId}', en: '/en/check/{serviceId}' } },
    { name: 'precheck', paths: { lv: '/parbaude/{serviceId}/{step}', en: '/en/check/{serviceId}/{step}' } },
  ]),
  ...group(async () => (await import('./citizen/sign-in')).signInPages, [
    { name: 'sign-in', paths: { lv: '/ieiet', en: '/en/sign-in' } },
    { name: 'sign-in-callback', paths: { lv: '/auth/callback', en: '/en/auth/callback' } },
    { name: 'sign-out', paths: { lv: '/iziet', en: '/en/sign-out' } },
  ]),
  ...group(async () => (await import('./citizen/apply')).applyPages, [
    { name: 'apply-start', paths: { lv: '/pieteikties/{serviceId}', en: '/en/apply/{serviceId}' }, ...citizen },
    { name: 'apply', paths: { lv: '/pieteikties/{serviceId}/{step}', en: '/en/apply/{serviceId}/{step}' }, ...citizen },
  ]),
  ...group(async () => (await import('./citizen/applications')).applicationPages, [
    { name: 'applications', paths: { lv: '/pieteikumi', en: '/en/applications' }, ...citizen },
    { name: 'application', paths: applicationPagePaths, ...citizen },
    { name: 'withdraw', paths: { lv: '/pieteikumi/{id}/atsaukt', en: '/en/applications/{id}/withdraw' }, ...citizen },
    { name: 'withdrawn', paths: { lv: '/pieteikumi/{id}/atsaukts', en: '/en/applications/{id}/withdrawn' }, ...citizen },
    { name: 'documents', paths: { lv: '/pieteikumi/{id}/dokumenti', en: '/en/applications/{id}/documents' }, ...citizen },
    { name: 'documents-sent', paths: { lv: '/pieteikumi/{id}/dokumenti-nosutiti', en: '/en/applications/{id}/documents-sent' }, ...citizen },
  ]),
  ...group(async () => (await import('./citizen/documents')).documentPages, documentStepListing(applicationPagePaths, '', citizen)),
  ...group(async () => (await import('./citizen/drafts')).draftPages, [
    { name: 'drafts', paths: { lv: '/melnraksti', en: '/en/drafts' }, ...citizen },
    { name: 'draft', paths: { lv: '/melnraksti/{id}', en: '/en/drafts/{id}' }, ...citizen },
    { name: 'draft-saved', paths: { lv: '/melnraksti/{id}/saglabats', en: '/en/drafts/{id}/saved' }, ...citizen },
    { name: 'draft-delete', paths: { lv: '/melnraksti/{id}/dzest', en: '/en/drafts/{id}/delete' }, ...citizen },
  ]),
  ...group(async () => (await import('./citizen/my-data')).myDataPages, [
    { name: 'my-data', paths: { lv: '/mani-dati', en: '/en/your-data' }, ...citizen },
    { name: 'my-data-download', paths: { lv: '/mani-dati/lejupielade', en: '/en/your-data/download' }, ...citizen },
  ]),
  ...group(async () => (await import('./workforce/sign-in')).workforceSignInPages, [
    { name: 'workforce-sign-in', paths: { lv: '/darbs/ieiet', en: '/en/work/sign-in' } },
    { name: 'workforce-sign-in-callback', paths: { lv: '/darbs/auth/callback', en: '/en/work/auth/callback' } },
    { name: 'workforce-sign-out', paths: { lv: '/darbs/iziet', en: '/en/work/sign-out' } },
    { name: 'workforce-home', paths: { lv: '/darbs', en: '/en/work' }, workforce: workforceRoles },
  ]),
  ...group(async () => (await import('./workforce/staff')).staffPages, [
    { name: 'work-list', paths: { lv: '/darbs/pieteikumi', en: '/en/work/applications' }, workforce: staffOnly, navLabel: (t) => t.work.workListTitle },
    { name: 'work-application', paths: staffApplicationPagePaths, workforce: staffOnly },
    { name: 'work-decision', paths: { lv: '/darbs/pieteikumi/{id}/lemums/{type}', en: '/en/work/applications/{id}/decision/{type}' }, workforce: staffOnly },
    { name: 'work-representative', paths: { lv: '/darbs/pieteikumi/{id}/parstavis', en: '/en/work/applications/{id}/representative' }, workforce: staffOnly },
    { name: 'work-failed', paths: { lv: '/darbs/pazinojumi', en: '/en/work/notifications' }, workforce: staffOnly, navLabel: (t) => t.work.failedTitle },
    { name: 'work-resend', paths: { lv: '/darbs/pazinojumi/atkartot', en: '/en/work/notifications/resend' }, workforce: staffOnly },
    {
      name: 'work-attachment',
      paths: { lv: '/darbs/pieteikumi/{id}/pielikumi/{attachmentId}', en: '/en/work/applications/{id}/attachments/{attachmentId}' },
      workforce: staffOnly,
    },
  ]),
  ...group(async () => (await import('./workforce/officers')).officerPages, [
    { name: 'referrals', paths: { lv: '/darbs/nosutijumi', en: '/en/work/referrals' }, workforce: referrerKinds, navLabel: (t) => wordsFor(t).caption },
    { name: 'refer-start', paths: { lv: '/darbs/nosutit', en: '/en/work/refer' }, workforce: referrerKinds },
    { name: 'refer', paths: { lv: '/darbs/nosutit/{serviceId}/{step}', en: '/en/work/refer/{serviceId}/{step}' }, workforce: referrerKinds },
    { name: 'referral', paths: referralPagePaths, workforce: referrerKinds },
    ...documentStepListing(referralPagePaths, 'referral-', { workforce: referrerKinds }),
  ]),
  ...group(async () => (await import('./workforce/report')).reportPages, [
    { name: 'reports', paths: { lv: '/darbs/parskati', en: '/en/work/reports' }, workforce: staffOnly, navLabel: (t) => reportWords[t === messages.en ? 'en' : 'lv'].navLabel },
    { name: 'report', paths: { lv: '/darbs/parskati/{year}', en: '/en/work/reports/{year}' }, workforce: staffOnly },
    { name: 'report-csv', paths: { lv: '/darbs/parskati/{year}/csv', en: '/en/work/reports/{year}/csv' }, workforce: staffOnly },
  ]),
];
