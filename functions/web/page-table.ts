/**
 * Every page of the portal by name, path and who may open it, without its code: each group's module (and what it
 * imports: the catalogue, d3 for the report's charts, the core's functions) is imported on the first request that
 * needs one of its pages, so a cold start pays only for the group it answers (docs/cold-start.md, the web row).
 * The page modules take these facts from here (`listed(name)`) and add their handlers; this module imports none of
 * them statically, so the imports run one way and each group stays lazily loaded.
 */
import { referrerKinds } from '../../schemas/services';
import { applicationPagePaths, referralPagePaths, staffApplicationPagePaths } from '../core/portal-pages';
import { workforceRoles } from '../core/workforce-identity';
import type { PageRoute } from './app';
import { messages } from './i18n';
import { wordsFor } from './workforce/officer-words';
import { reportWords } from './workforce/report-words';

type Paths = PageRoute['paths'];
type Access = Pick<PageRoute, 'signIn' | 'workforce'>;
/** What the table says of a page: everything but its handlers. */
type Facts = Pick<PageRoute, 'paths' | 'signIn' | 'workforce' | 'navLabel'>;
type Listed = Facts & Pick<PageRoute, 'name'>;

/** The pages one module serves, by name, and where to find their handlers. */
const group = <Pages extends Readonly<Record<string, Facts>>>(load: () => Promise<readonly PageRoute[]>, pages: Pages) => ({ load, pages });

/** The document step's pages below the page of the record the documents are for (functions/web/citizen/documents.ts). */
export const documentStepPaths = {
  add: { name: 'add-document', lv: 'pievienot-dokumentu', en: 'add-document' },
  sendFile: { name: 'send-file', lv: 'faili/{uploadId}/nosutit', en: 'files/{uploadId}/send' },
  upload: { name: 'upload', lv: 'faili/{uploadId}', en: 'files/{uploadId}' },
  sent: { name: 'uploads-sent', lv: 'faili-nosutiti', en: 'files-sent' },
} as const;

type DocumentStepPageName = (typeof documentStepPaths)[keyof typeof documentStepPaths]['name'];

/** Before the names of the document step's pages: none on an application, `referral-` on a referral. */
export type DocumentStepPrefix = '' | 'referral-';

const documentStepFacts = <Prefix extends DocumentStepPrefix>(under: Paths, namePrefix: Prefix, access: Access) =>
  Object.fromEntries(
    Object.values(documentStepPaths).map((page) => [`${namePrefix}${page.name}`, { paths: { lv: `${under.lv}/${page.lv}`, en: `${under.en}/${page.en}` }, ...access }]),
  ) as Record<`${Prefix}${DocumentStepPageName}`, Facts>;

const citizen = { signIn: true } as const;
const staffOnly = ['staff'] as const;

/** In the order a path is matched: the first page whose path fits answers. */
const groups = [
  group(async () => (await import('./citizen/catalogue')).cataloguePages, {
    home: { paths: { lv: '/', en: '/en' } },
    service: { paths: { lv: '/pakalpojumi/{serviceId}', en: '/en/services/{serviceId}' } },
  }),
  group(async () => (await import('./citizen/precheck')).precheckPages, {
    'precheck-start': { paths: { lv: '/parbaude/{serviceId}', en: '/en/check/{serviceId}' } },
    precheck: { paths: { lv: '/parbaude/{serviceId}/{step}', en: '/en/check/{serviceId}/{step}' } },
  }),
  group(async () => (await import('./citizen/sign-in')).signInPages, {
    'sign-in': { paths: { lv: '/ieiet', en: '/en/sign-in' } },
    'sign-in-callback': { paths: { lv: '/auth/callback', en: '/en/auth/callback' } },
    'sign-out': { paths: { lv: '/iziet', en: '/en/sign-out' } },
  }),
  group(async () => (await import('./citizen/apply')).applyPages, {
    'apply-start': { paths: { lv: '/pieteikties/{serviceId}', en: '/en/apply/{serviceId}' }, ...citizen },
    apply: { paths: { lv: '/pieteikties/{serviceId}/{step}', en: '/en/apply/{serviceId}/{step}' }, ...citizen },
  }),
  group(async () => (await import('./citizen/applications')).applicationPages, {
    applications: { paths: { lv: '/pieteikumi', en: '/en/applications' }, ...citizen },
    application: { paths: applicationPagePaths, ...citizen },
    withdraw: { paths: { lv: '/pieteikumi/{id}/atsaukt', en: '/en/applications/{id}/withdraw' }, ...citizen },
    withdrawn: { paths: { lv: '/pieteikumi/{id}/atsaukts', en: '/en/applications/{id}/withdrawn' }, ...citizen },
    documents: { paths: { lv: '/pieteikumi/{id}/dokumenti', en: '/en/applications/{id}/documents' }, ...citizen },
    'documents-sent': { paths: { lv: '/pieteikumi/{id}/dokumenti-nosutiti', en: '/en/applications/{id}/documents-sent' }, ...citizen },
  }),
  group(async () => (await import('./citizen/documents')).documentPages, documentStepFacts(applicationPagePaths, '', citizen)),
  group(async () => (await import('./citizen/drafts')).draftPages, {
    drafts: { paths: { lv: '/melnraksti', en: '/en/drafts' }, ...citizen },
    draft: { paths: { lv: '/melnraksti/{id}', en: '/en/drafts/{id}' }, ...citizen },
    'draft-saved': { paths: { lv: '/melnraksti/{id}/saglabats', en: '/en/drafts/{id}/saved' }, ...citizen },
    'draft-delete': { paths: { lv: '/melnraksti/{id}/dzest', en: '/en/drafts/{id}/delete' }, ...citizen },
  }),
  group(async () => (await import('./citizen/my-data')).myDataPages, {
    'my-data': { paths: { lv: '/mani-dati', en: '/en/your-data' }, ...citizen },
    'my-data-download': { paths: { lv: '/mani-dati/lejupielade', en: '/en/your-data/download' }, ...citizen },
  }),
  group(async () => (await import('./workforce/sign-in')).workforceSignInPages, {
    'workforce-sign-in': { paths: { lv: '/darbs/ieiet', en: '/en/work/sign-in' } },
    'workforce-sign-in-callback': { paths: { lv: '/darbs/auth/callback', en: '/en/work/auth/callback' } },
    'workforce-sign-out': { paths: { lv: '/darbs/iziet', en: '/en/work/sign-out' } },
    'workforce-home': { paths: { lv: '/darbs', en: '/en/work' }, workforce: workforceRoles },
  }),
  group(async () => (await import('./workforce/staff')).staffPages, {
    'work-list': { paths: { lv: '/darbs/pieteikumi', en: '/en/work/applications' }, workforce: staffOnly, navLabel: (t) => t.work.workListTitle },
    'work-application': { paths: staffApplicationPagePaths, workforce: staffOnly },
    'work-decision': { paths: { lv: '/darbs/pieteikumi/{id}/lemums/{type}', en: '/en/work/applications/{id}/decision/{type}' }, workforce: staffOnly },
    'work-representative': { paths: { lv: '/darbs/pieteikumi/{id}/parstavis', en: '/en/work/applications/{id}/representative' }, workforce: staffOnly },
    'work-failed': { paths: { lv: '/darbs/pazinojumi', en: '/en/work/notifications' }, workforce: staffOnly, navLabel: (t) => t.work.failedTitle },
    'work-resend': { paths: { lv: '/darbs/pazinojumi/atkartot', en: '/en/work/notifications/resend' }, workforce: staffOnly },
    'work-attachment': {
      paths: { lv: '/darbs/pieteikumi/{id}/pielikumi/{attachmentId}', en: '/en/work/applications/{id}/attachments/{attachmentId}' },
      workforce: staffOnly,
    },
  }),
  group(async () => (await import('./workforce/officers')).officerPages, {
    referrals: { paths: { lv: '/darbs/nosutijumi', en: '/en/work/referrals' }, workforce: referrerKinds, navLabel: (t) => wordsFor(t).caption },
    'refer-start': { paths: { lv: '/darbs/nosutit', en: '/en/work/refer' }, workforce: referrerKinds },
    refer: { paths: { lv: '/darbs/nosutit/{serviceId}/{step}', en: '/en/work/refer/{serviceId}/{step}' }, workforce: referrerKinds },
    referral: { paths: referralPagePaths, workforce: referrerKinds },
    ...documentStepFacts(referralPagePaths, 'referral-', { workforce: referrerKinds }),
  }),
  group(async () => (await import('./workforce/report')).reportPages, {
    reports: { paths: { lv: '/darbs/parskati', en: '/en/work/reports' }, workforce: staffOnly, navLabel: (t) => reportWords[t === messages.en ? 'en' : 'lv'].navLabel },
    report: { paths: { lv: '/darbs/parskati/{year}', en: '/en/work/reports/{year}' }, workforce: staffOnly },
    'report-csv': { paths: { lv: '/darbs/parskati/{year}/csv', en: '/en/work/reports/{year}/csv' }, workforce: staffOnly },
  }),
] as const;

type NamesIn<Group> = Group extends { readonly pages: infer Pages } ? keyof Pages & string : never;
/** The name of a page the table lists: naming another is a type error. */
export type PageName = NamesIn<(typeof groups)[number]>;

const factsByName = new Map<string, Facts>(groups.flatMap(({ pages }) => Object.entries(pages)));

/** The table's facts of one page, for its module to add the handlers to: `{ ...listed('withdraw'), get: withdrawPage }`. */
export const listed = (name: PageName): Listed => ({ name, ...factsByName.get(name)! });

export const portalPages: readonly PageRoute[] = groups.flatMap(({ load, pages }) => Object.keys(pages).map((name) => ({ ...listed(name as PageName), load })));
