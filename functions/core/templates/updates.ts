/**
 * E-mails caused by a change of status after submission:
 * - the applicant's update, in their language: what changed, what it means,
 *   what to do next, any deadline, and how to follow the application;
 * - the referring officer's update (Latvian): referral number, reference,
 *   service, track, new status and date; no client name, no health data;
 * - the agency's alert that the applicant has sent the documents asked for
 *   (Latvian): reference, service, track, date and a staff link only.
 *
 * Plain language on purpose: many readers have cognitive impairments, so one
 * idea per sentence, real headings, concrete steps, dates written out in words.
 */
import type { ApplicationStatus } from '../../../schemas/lifecycle';
import type { Language } from '../../../schemas/primitives';
import { serviceNames } from '../../../schemas/services';
import type { Application, DecisionRecord } from '../model';
import { applicationPageUrl, staffApplicationUrl } from '../portal-pages';
import { dateFormat } from './date-formats';
import { renderEmail, type Block, type Email } from './html';
import { trackName } from './submission';

/** What happened to an application, as the notifier hands it to the templates. */
export type StatusChange = ApplicantChange | DocumentsSentChange;

/**
 * A change the applicant and a referring officer are e-mailed about. Documents the applicant sent are not one: they
 * did that themself and see it in the portal at once; only the agency's inbox hears of it (`agencyDocumentsAlert`).
 */
export interface ApplicantChange extends ChangeFacts {
  readonly kind: 'decision' | 'withdrawn';
}

export interface DocumentsSentChange extends ChangeFacts {
  readonly kind: 'documents_submitted';
}

interface ChangeFacts {
  /** Required when `kind` is `decision`. */
  readonly decision?: DecisionRecord;
  /** When it happened (ISO instant). */
  readonly at: string;
  /** The application's place in its queue, when known; shown to the applicant only, and only when the new status is `queued`. */
  readonly queuePosition?: number;
}

/** Every status in plain words, as a short phrase that reads after "Your application …:". */
export const statusNames: Record<ApplicationStatus, { lv: string; en: string }> = {
  submitted: { lv: 'saņemts', en: 'received' },
  registered: { lv: 'reģistrēts', en: 'registered' },
  documents_requested: { lv: 'vajadzīgi papildu dokumenti', en: 'more documents needed' },
  under_review: { lv: 'tiek izskatīts', en: 'being reviewed' },
  queued: { lv: 'uzņemts rindā', en: 'placed in the queue' },
  granted: { lv: 'pakalpojums piešķirts', en: 'service granted' },
  refused: { lv: 'pakalpojums atteikts', en: 'service refused' },
  started: { lv: 'pakalpojums sākts', en: 'service started' },
  not_started: { lv: 'pakalpojums netika sākts', en: 'service not started' },
  postponed: { lv: 'pakalpojuma sākums atlikts', en: 'service start postponed' },
  completed: { lv: 'pakalpojums pabeigts', en: 'service completed' },
  withdrawn: { lv: 'atsaukts', en: 'withdrawn' },
};

// ---------------------------------------------------------------------------
// Reading values safely: a decision's document is stored as unknown JSON, and
// no e-mail may ever say "undefined".

type DecisionDocument = DecisionRecord['document'];

const textField = (document: DecisionDocument, key: string): string | undefined => {
  const value = document[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const listField = (document: DecisionDocument, key: string): string[] => {
  const value = document[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
};

/** Free text of several lines as one paragraph per line. */
const paragraphs = (text: string): Block[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph', text: line }));

// ---------------------------------------------------------------------------
// Dates: calendar dates (deadlines, start dates) with the weekday, in words;
// instants as the date in Riga.


/** `2026-12-15` → "otrdiena, 2026. gada 15. decembris" / "Tuesday, 15 December 2026"; anything else as given. */
const calendarDate = (isoDate: string, language: Language): string => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? dateFormat('calendar-date', language).format(date) : isoDate;
};

const formatInstant = (instant: string, format: Intl.DateTimeFormat): string => {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : format.format(date);
};

// ---------------------------------------------------------------------------
// What each change means to the applicant, per language.

/** The facts of one change that the words depend on, already formatted. */
interface Details {
  readonly deadline?: string;
  readonly documents: readonly string[];
  readonly urgent: boolean;
  readonly startsOn?: string;
  readonly until?: string;
  readonly roadMap: boolean;
  readonly queuePosition?: number;
}

interface Explanation {
  /** What changed: one or two short sentences. */
  readonly changed: string;
  readonly means: readonly string[];
  readonly next: readonly string[];
}

type Situation = DecisionRecord['type'] | 'withdrawn';

const updateCopy = {
  lv: {
    subject: (reference: string, status: string) => `Jūsu iesniegums ${reference}: ${status}`,
    greeting: (name: string) => `Labdien, ${name}!`,
    changedHeading: 'Kas ir mainījies',
    meansHeading: 'Ko tas nozīmē',
    nextHeading: 'Kas jums jādara tālāk',
    documentsHeading: 'Kādi dokumenti mums vajadzīgi',
    reasonHeading: 'Pamatojums',
    refusalReasonHeading: 'Kāpēc pakalpojums ir atteikts',
    appealHeading: 'Kā apstrīdēt lēmumu',
    appealGeneral:
      'Ja jūs nepiekrītat lēmumam, varat to apstrīdēt. Lai to izdarītu, rakstiet iesniegumu aģentūras direktoram.',
    recommendationsHeading: 'Ieteikumi',
    roadMapHeading: 'Ceļa karte',
    roadMapIntro: 'Ceļa karte ir jūsu plāns. Tajā ir atbalsta pasākumi jūsu nākamajiem soļiem.',
    labels: {
      reference: 'Iesnieguma numurs',
      service: 'Pakalpojums',
      track: 'Mērķa grupa',
      status: 'Jaunais statuss',
      date: 'Datums',
      decisionDate: 'Lēmuma datums',
      deadline: 'Termiņš dokumentiem',
      queuePosition: 'Jūsu vieta rindā',
      startsOn: 'Pakalpojuma sākums',
      until: 'Atlikts līdz',
      startedOn: 'Pakalpojums sākts',
      completedOn: 'Pakalpojums pabeigts',
    },
    followHeading: 'Kā sekot iesniegumam',
    followLink: 'Skatīt iesnieguma statusu un vēsturi',
    quoteReference: 'Ja kaut kas nav skaidrs, sazinieties ar mums. Lūdzu, norādiet iesnieguma numuru.',
    signature: 'Sociālās integrācijas valsts aģentūra',
    explain: (situation: Situation, d: Details): Explanation => {
      switch (situation) {
        case 'register':
          return {
            changed: 'Jūsu iesniegums ir reģistrēts.',
            means: ['Aģentūra ir pieņēmusi jūsu iesniegumu izskatīšanai.', 'Lēmums vēl nav pieņemts.'],
            next: [
              'Jums tagad nekas nav jādara.',
              'Ja būs vajadzīgi citi dokumenti, mēs jums rakstīsim.',
              'Kad būs lēmums, jūs saņemsiet e-pastu.',
            ],
          };
        case 'request-documents':
          return {
            changed: 'Lai izskatītu jūsu iesniegumu, mums vajag vēl dokumentus.',
            means: [
              'Bez šiem dokumentiem mēs nevaram pieņemt lēmumu.',
              'Ja nevarat tos nosūtīt laikā, lūdzu, sazinieties ar mums pirms termiņa.',
            ],
            next: [
              'Sagatavojiet dokumentus, kas norādīti sarakstā.',
              d.deadline ? `Nosūtiet tos līdz termiņam: ${d.deadline}.` : 'Nosūtiet tos pēc iespējas ātrāk.',
              'Dokumentus varat nosūtīt pa e-pastu ar drošu elektronisko parakstu, caur Latvija.lv, pa pastu vai atnest uz aģentūru.',
              'Pēc tam portālā atzīmējiet, ka dokumenti ir nosūtīti.',
            ],
          };
        case 'review':
          return {
            changed: 'Jūsu iesniegums tagad tiek izskatīts.',
            means: ['Aģentūras darbinieki pārbauda jūsu iesniegumu un dokumentus.', 'Lēmums vēl nav pieņemts.'],
            next: ['Jums tagad nekas nav jādara.', 'Kad būs lēmums, jūs saņemsiet e-pastu.'],
          };
        case 'admit-to-queue':
          return {
            changed: 'Jūsu iesniegums ir uzņemts rindā.',
            means: [
              'Jūs varat saņemt šo pakalpojumu.',
              'Tagad brīvas vietas nav, tāpēc jūs gaidāt rindā.',
              ...(d.queuePosition !== undefined ? [`Jūsu vieta rindā tagad: ${d.queuePosition}.`] : []),
              'Jūsu vieta rindā var mainīties, jo dažiem cilvēkiem ir prioritāte.',
            ],
            next: [
              'Jums tagad nekas nav jādara.',
              'Kad pienāks jūsu kārta, mēs jums rakstīsim.',
              'Savu vietu rindā varat redzēt portālā.',
              'Ja mainās jūsu tālrunis, e-pasts vai adrese, lūdzu, paziņojiet mums.',
            ],
          };
        case 'grant':
          return {
            changed: 'Jums ir piešķirts pakalpojums.',
            means: [
              'Aģentūra ir nolēmusi, ka jūs saņemsiet šo pakalpojumu.',
              ...(d.urgent ? ['Jūsu gadījums ir steidzams. Tāpēc jums nav jāgaida rindā.'] : []),
              d.startsOn ? `Pakalpojuma sākuma datums: ${d.startsOn}.` : 'Sākuma datumu mēs jums paziņosim vēlāk.',
            ],
            next: [
              d.startsOn ? `Pierakstiet sākuma datumu: ${d.startsOn}.` : 'Gaidiet ziņu par sākuma datumu.',
              'Ja nevarat sākt norādītajā laikā, lūdzu, sazinieties ar mums pēc iespējas ātrāk.',
              'Ja jums pakalpojums vairs nav vajadzīgs, atsauciet iesniegumu portālā.',
            ],
          };
        case 'refuse':
          return {
            changed: 'Aģentūra ir nolēmusi atteikt jums pakalpojumu.',
            means: ['Pēc šī iesnieguma jūs šo pakalpojumu nesaņemsiet.', 'Zemāk ir rakstīts, kāpēc, un kā lēmumu apstrīdēt.'],
            next: [
              'Izlasiet, kāpēc pakalpojums ir atteikts.',
              'Ja nepiekrītat, apstrīdiet lēmumu, kā aprakstīts augstāk. Ievērojiet termiņu.',
              'Ja jūsu situācija mainās, varat iesniegt jaunu iesniegumu.',
            ],
          };
        case 'start':
          return {
            changed: 'Jūsu pakalpojums ir sācies.',
            means: ['Jūs tagad saņemat pakalpojumu.'],
            next: [
              'Sekojiet speciālistu norādījumiem.',
              'Ja nevarat turpināt, lūdzu, pasakiet to speciālistiem vai sazinieties ar mums.',
              'Kad pakalpojums beigsies, jūs saņemsiet e-pastu.',
            ],
          };
        case 'not-started':
          return {
            changed: 'Pakalpojums netika sākts.',
            means: ['Šis iesniegums tagad ir slēgts.', 'Zemāk ir rakstīts, kāpēc.'],
            next: [
              'Ja jums joprojām vajag šo pakalpojumu, iesniedziet jaunu iesniegumu.',
              'Ja domājat, ka tā ir kļūda, sazinieties ar mums.',
            ],
          };
        case 'postpone':
          return {
            changed: 'Jūsu pakalpojuma sākums ir atlikts.',
            means: [
              'Pakalpojums jums joprojām ir piešķirts. Tas sāksies vēlāk.',
              d.until ? `Sākums ir atlikts līdz šim datumam: ${d.until}.` : 'Jauno sākuma datumu mēs jums paziņosim.',
            ],
            next: [
              'Jums tagad nekas nav jādara.',
              'Mēs jums rakstīsim, kad būs zināms jaunais sākuma datums.',
              'Ja jums pakalpojums vairs nav vajadzīgs, atsauciet iesniegumu portālā.',
            ],
          };
        case 'complete':
          return {
            changed: 'Jūsu pakalpojums ir pabeigts.',
            means: [
              'Pakalpojums ir beidzies.',
              d.roadMap ? 'Speciālisti jums ir sagatavojuši ieteikumus un ceļa karti.' : 'Speciālisti jums ir sagatavojuši ieteikumus.',
            ],
            next: [
              'Izlasiet ieteikumus.',
              ...(d.roadMap ? ['Izmantojiet ceļa karti, lai plānotu nākamos soļus.'] : []),
              'Saglabājiet šo e-pastu.',
              'Ja jums ir jautājumi par ieteikumiem, sazinieties ar mums.',
            ],
          };
        case 'withdrawn':
          return {
            changed: 'Jūsu iesniegums ir atsaukts.',
            means: ['Aģentūra to vairs neizskatīs.', 'Ja jūs bijāt rindā, jūsu vieta rindā vairs netiek saglabāta.'],
            next: [
              'Jums nekas nav jādara.',
              'Ja jums vēlāk vajadzēs šo pakalpojumu, varat iesniegt jaunu iesniegumu.',
              'Ja iesniegumu neatsaucāt jūs vai jūsu pārstāvis, nekavējoties sazinieties ar mums.',
            ],
          };
      }
    },
  },
  en: {
    subject: (reference: string, status: string) => `Your application ${reference}: ${status}`,
    greeting: (name: string) => `Hello ${name},`,
    changedHeading: 'What has changed',
    meansHeading: 'What this means',
    nextHeading: 'What to do next',
    documentsHeading: 'Documents we need',
    reasonHeading: 'Reason',
    refusalReasonHeading: 'Why the service was refused',
    appealHeading: 'How to contest this decision',
    appealGeneral:
      "If you do not agree with this decision, you can contest it. To do this, write an appeal to the agency's director.",
    recommendationsHeading: 'Recommendations',
    roadMapHeading: 'Your road map (Ceļa karte)',
    roadMapIntro: 'The road map is your plan. It lists support measures for your next steps.',
    labels: {
      reference: 'Application number',
      service: 'Service',
      track: 'Group',
      status: 'New status',
      date: 'Date',
      decisionDate: 'Date of the decision',
      deadline: 'Deadline for the documents',
      queuePosition: 'Your place in the queue',
      startsOn: 'Service starts',
      until: 'Postponed until',
      startedOn: 'Service started',
      completedOn: 'Service completed',
    },
    followHeading: 'How to follow your application',
    followLink: 'See the status and history of your application',
    quoteReference: 'If anything is unclear, please contact us. Please quote your application number.',
    signature: 'Social Integration State Agency',
    explain: (situation: Situation, d: Details): Explanation => {
      switch (situation) {
        case 'register':
          return {
            changed: 'Your application has been registered.',
            means: ['The agency has accepted your application for review.', 'No decision has been made yet.'],
            next: [
              'You do not need to do anything now.',
              'If we need other documents, we will write to you.',
              'You will get an e-mail when there is a decision.',
            ],
          };
        case 'request-documents':
          return {
            changed: 'We need more documents to review your application.',
            means: [
              'We cannot make a decision without these documents.',
              'If you cannot send them in time, please contact us before the deadline.',
            ],
            next: [
              'Get the documents in the list ready.',
              d.deadline ? `Send them by ${d.deadline}.` : 'Send them as soon as you can.',
              'You can send them by e-mail with a secure electronic signature, through Latvija.lv, by post, or bring them to the agency.',
              'Then tell us in the portal that you have sent them.',
            ],
          };
        case 'review':
          return {
            changed: 'Your application is now being reviewed.',
            means: ['Agency staff are checking your application and documents.', 'No decision has been made yet.'],
            next: ['You do not need to do anything now.', 'You will get an e-mail when there is a decision.'],
          };
        case 'admit-to-queue':
          return {
            changed: 'Your application has been placed in the queue.',
            means: [
              'You can get this service.',
              'There is no free place now, so you are waiting in the queue.',
              ...(d.queuePosition !== undefined ? [`Your place in the queue is now ${d.queuePosition}.`] : []),
              'Your place in the queue can change, because some people have priority.',
            ],
            next: [
              'You do not need to do anything now.',
              'When it is your turn, we will write to you.',
              'You can see your place in the queue in the portal.',
              'If your phone number, e-mail or address changes, please tell us.',
            ],
          };
        case 'grant':
          return {
            changed: 'You have been granted the service.',
            means: [
              'The agency has decided that you will get this service.',
              ...(d.urgent ? ['Your case is urgent. So you do not have to wait in the queue.'] : []),
              d.startsOn ? `The service starts on ${d.startsOn}.` : 'We will tell you the start date later.',
            ],
            next: [
              d.startsOn ? `Write down the start date: ${d.startsOn}.` : 'Wait for a message about the start date.',
              'If you cannot start at that time, please contact us as soon as you can.',
              'If you no longer need the service, withdraw your application in the portal.',
            ],
          };
        case 'refuse':
          return {
            changed: 'The agency has decided to refuse you the service.',
            means: ['You will not get this service on this application.', 'Below you can read why, and how to contest the decision.'],
            next: [
              'Read why the service was refused.',
              'If you do not agree, contest the decision as described above. Keep to the deadline.',
              'If your situation changes, you can apply again.',
            ],
          };
        case 'start':
          return {
            changed: 'Your service has started.',
            means: ['You are now getting the service.'],
            next: [
              "Follow the specialists' advice.",
              'If you cannot continue, please tell the specialists or contact us.',
              'When the service ends, you will get an e-mail.',
            ],
          };
        case 'not-started':
          return {
            changed: 'The service did not start.',
            means: ['This application is now closed.', 'Below you can read why.'],
            next: ['If you still need this service, apply again.', 'If you think this is a mistake, contact us.'],
          };
        case 'postpone':
          return {
            changed: 'The start of your service has been postponed.',
            means: [
              'You still have the service. It will start later.',
              d.until ? `The start is postponed until ${d.until}.` : 'We will tell you the new start date.',
            ],
            next: [
              'You do not need to do anything now.',
              'We will write to you when the new start date is known.',
              'If you no longer need the service, withdraw your application in the portal.',
            ],
          };
        case 'complete':
          return {
            changed: 'Your service is complete.',
            means: [
              'The service has ended.',
              d.roadMap ? 'The specialists have written recommendations and a road map for you.' : 'The specialists have written recommendations for you.',
            ],
            next: [
              'Read the recommendations.',
              ...(d.roadMap ? ['Use the road map to plan your next steps.'] : []),
              'Keep this e-mail.',
              'If you have questions about the recommendations, contact us.',
            ],
          };
        case 'withdrawn':
          return {
            changed: 'Your application has been withdrawn.',
            means: ['The agency will not review it any more.', 'If you were in the queue, your place is not kept.'],
            next: [
              'You do not need to do anything.',
              'If you need this service later, you can apply again.',
              'If you or your representative did not withdraw it, contact us straight away.',
            ],
          };
      }
    },
  },
} as const satisfies Record<Language, unknown>;

/** The situation a change describes and the status it leads to. */
const resolve = (change: ApplicantChange): { situation: Situation; to: ApplicationStatus; decision?: DecisionRecord } => {
  switch (change.kind) {
    case 'decision':
      if (!change.decision) throw new TypeError('A decision change needs its decision record');
      return { situation: change.decision.type, to: change.decision.to, decision: change.decision };
    case 'withdrawn':
      return { situation: 'withdrawn', to: 'withdrawn' };
  }
};

/** The date of the change: the decision's own date when there is one. */
const changeDate = (change: StatusChange) => change.decision?.at ?? change.at;

/**
 * The applicant's e-mail about a change of status, in `application.language`.
 * Covers every decision type and a withdrawal.
 * Throws a TypeError when `kind` is `decision` without a decision record.
 */
export const applicantUpdate = (application: Application, change: ApplicantChange, portalUrl: string): Email => {
  const language = application.language;
  const copy = updateCopy[language];
  const labels = copy.labels;
  const { situation, to, decision } = resolve(change);
  const document: DecisionDocument = decision?.document ?? {};
  const date = (key: string) => {
    const value = textField(document, key);
    return value === undefined ? undefined : calendarDate(value, language);
  };

  // Only while queued: a place in the queue means nothing on a grant or a refusal.
  const queuePosition =
    to === 'queued' && typeof change.queuePosition === 'number' && Number.isInteger(change.queuePosition) && change.queuePosition > 0
      ? change.queuePosition
      : undefined;
  const details: Details = {
    deadline: situation === 'request-documents' ? date('deadline') : undefined,
    documents: situation === 'request-documents' ? listField(document, 'documents') : [],
    urgent: situation === 'grant' && document.urgent === true,
    startsOn: situation === 'grant' ? date('startsOn') : undefined,
    until: situation === 'postpone' ? date('until') : undefined,
    roadMap: situation === 'complete' && textField(document, 'roadMap') !== undefined,
    queuePosition,
  };
  const explanation = copy.explain(situation, details);

  const facts: [string, string][] = [
    [labels.reference, application.reference],
    [labels.service, serviceNames[application.serviceId][language]],
    [labels.track, trackName(application, language)],
    [labels.status, statusNames[to][language]],
    [decision ? labels.decisionDate : labels.date, formatInstant(changeDate(change), dateFormat('instant-date', language))],
  ];
  if (details.deadline) facts.push([labels.deadline, details.deadline]);
  if (queuePosition !== undefined) facts.push([labels.queuePosition, String(queuePosition)]);
  if (details.startsOn) facts.push([labels.startsOn, details.startsOn]);
  if (details.until) facts.push([labels.until, details.until]);
  const startedOn = situation === 'start' ? date('startedOn') : undefined;
  if (startedOn) facts.push([labels.startedOn, startedOn]);
  const completedOn = situation === 'complete' ? date('completedOn') : undefined;
  if (completedOn) facts.push([labels.completedOn, completedOn]);

  /** The decision's own words: documents, reasons, appeal, recommendations, road map. */
  const specifics: Block[] = [];
  const reason = textField(document, 'reason');
  switch (situation) {
    case 'request-documents':
      if (details.documents.length > 0) {
        specifics.push({ kind: 'heading', text: copy.documentsHeading }, { kind: 'steps', items: details.documents });
      }
      break;
    case 'refuse': {
      if (reason) specifics.push({ kind: 'heading', text: copy.refusalReasonHeading }, ...paragraphs(reason));
      const appeal = textField(document, 'appeal');
      specifics.push({ kind: 'heading', text: copy.appealHeading }, { kind: 'paragraph', text: copy.appealGeneral });
      if (appeal) specifics.push(...paragraphs(appeal));
      break;
    }
    case 'complete': {
      const recommendations = textField(document, 'recommendations');
      if (recommendations) specifics.push({ kind: 'heading', text: copy.recommendationsHeading }, ...paragraphs(recommendations));
      const roadMap = textField(document, 'roadMap');
      if (roadMap) {
        specifics.push({ kind: 'heading', text: copy.roadMapHeading }, { kind: 'paragraph', text: copy.roadMapIntro }, ...paragraphs(roadMap));
      }
      if (reason) specifics.push({ kind: 'heading', text: copy.reasonHeading }, ...paragraphs(reason));
      break;
    }
    default:
      // Every decision may carry an optional reason; not-started and postpone always do.
      if (reason) specifics.push({ kind: 'heading', text: copy.reasonHeading }, ...paragraphs(reason));
  }

  return renderEmail(language, copy.subject(application.reference, statusNames[to][language]), [
    { kind: 'paragraph', text: copy.greeting(`${application.applicant.givenName} ${application.applicant.familyName}`) },
    { kind: 'heading', text: copy.changedHeading },
    { kind: 'paragraph', text: explanation.changed },
    { kind: 'facts', items: facts },
    { kind: 'heading', text: copy.meansHeading },
    ...explanation.means.map((text): Block => ({ kind: 'paragraph', text })),
    ...specifics,
    { kind: 'heading', text: copy.nextHeading },
    { kind: 'steps', items: explanation.next },
    { kind: 'heading', text: copy.followHeading },
    { kind: 'link', text: copy.followLink, href: applicationPageUrl(portalUrl, application.id, language) },
    { kind: 'paragraph', text: copy.quoteReference },
    { kind: 'paragraph', text: copy.signature },
  ]);
};

const staffBase = (staffPortalUrl: string) => staffPortalUrl.replace(/\/+$/, '');

/**
 * The referring officer's e-mail (Latvian). Names the referral and the
 * reference, the service, track, new status and date (and the deadline when
 * documents are asked for), never the client or the decision's reasons,
 * which may hold health data: those are in the staff workspace.
 * Throws a TypeError when the application has no referral.
 */
export const referrerUpdate = (application: Application, change: ApplicantChange, staffPortalUrl: string): Email => {
  const referral = application.referral;
  if (!referral) throw new TypeError('referrerUpdate needs an application that came by referral');
  const { situation, to, decision } = resolve(change);
  const status = statusNames[to].lv;
  const deadline = situation === 'request-documents' && decision ? textField(decision.document, 'deadline') : undefined;
  const facts: [string, string][] = [
    ['Nosūtījuma numurs', referral.number],
    ['SIVA iesnieguma numurs', application.reference],
    ['Pakalpojums', serviceNames[application.serviceId].lv],
    ['Mērķa grupa', trackName(application, 'lv')],
    ['Jaunais statuss', status],
    [change.kind === 'decision' ? 'Lēmuma datums' : 'Datums', formatInstant(changeDate(change), dateFormat('instant-date', 'lv'))],
  ];
  if (deadline) facts.push(['Termiņš dokumentiem', calendarDate(deadline, 'lv')]);
  return renderEmail('lv', `Nosūtījums ${referral.number} (${application.reference}): ${status}`, [
    { kind: 'paragraph', text: `Labdien, ${referral.officerName}!` },
    { kind: 'paragraph', text: 'Ir mainījies jūsu nosūtītā klienta iesnieguma statuss.' },
    { kind: 'facts', items: facts },
    { kind: 'heading', text: 'Kur redzēt vairāk' },
    {
      kind: 'steps',
      items: [
        'Lēmuma saturs un pamatojums ir pieejams darba vietnē pēc pieteikšanās.',
        'Klients saņem paziņojumu atsevišķi, ja ir norādīta viņa e-pasta adrese.',
      ],
    },
    { kind: 'link', text: 'Atvērt nosūtījumu', href: `${staffBase(staffPortalUrl)}/referrals/${application.id}` },
    { kind: 'paragraph', text: 'Personas dati šajā vēstulē netiek iekļauti.' },
    { kind: 'paragraph', text: 'Sociālās integrācijas valsts aģentūra' },
  ]);
};

/**
 * The agency's alert (Latvian, to the service's inbox) that the applicant
 * reports the documents asked for as sent. Reference, service, track, date
 * and a staff link only. Throws a TypeError for any other kind of change.
 */
export const agencyDocumentsAlert = (application: Application, change: StatusChange, staffPortalUrl: string): Email => {
  if (change.kind !== 'documents_submitted') throw new TypeError(`agencyDocumentsAlert is for documents_submitted, not ${change.kind}`);
  return renderEmail('lv', `Dokumenti nosūtīti: ${application.reference}, ${serviceNames[application.serviceId].lv}`, [
    { kind: 'paragraph', text: 'Iesniedzējs ziņo, ka pieprasītie dokumenti ir nosūtīti.' },
    {
      kind: 'facts',
      items: [
        ['Iesnieguma numurs', application.reference],
        ['Pakalpojums', serviceNames[application.serviceId].lv],
        ['Mērķa grupa', trackName(application, 'lv')],
        ['Jaunais statuss', statusNames.under_review.lv],
        ['Ziņots', formatInstant(change.at, dateFormat('instant-date-time', 'lv'))],
      ],
    },
    { kind: 'heading', text: 'Kas jādara' },
    {
      kind: 'steps',
      items: ['Pārbaudiet, vai dokumenti ir saņemti.', 'Turpiniet iesnieguma izskatīšanu vai pieprasiet trūkstošos dokumentus.'],
    },
    { kind: 'link', text: 'Atvērt iesniegumu darba vietnē', href: staffApplicationUrl(staffPortalUrl, application.id) },
    {
      kind: 'paragraph',
      text: 'Personas dati un pierādījumi šajā vēstulē netiek iekļauti; tie pieejami darba vietnē pēc pieteikšanās.',
    },
  ]);
};
