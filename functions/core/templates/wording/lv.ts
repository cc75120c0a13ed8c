/** The e-mails' wording in Latvian (types.ts says what each entry is for). */
import type { Wording } from './types';

// Data table, not logic (issue 14's copy check): the e-mails' Latvian wording; en.ts has the same shape in English.
export const lv: Wording = {
  statusNames: {
    submitted: 'saņemts',
    registered: 'reģistrēts',
    documents_requested: 'vajadzīgi papildu dokumenti',
    under_review: 'tiek izskatīts',
    queued: 'uzņemts rindā',
    granted: 'pakalpojums piešķirts',
    refused: 'pakalpojums atteikts',
    started: 'pakalpojums sākts',
    not_started: 'pakalpojums netika sākts',
    postponed: 'pakalpojuma sākums atlikts',
    completed: 'pakalpojums pabeigts',
    withdrawn: 'atsaukts',
  },
  greeting: (name: string) => `Labdien, ${name}!`,
  followHeading: 'Kā sekot iesniegumam',
  followLink: 'Skatīt iesnieguma statusu un vēsturi',
  signature: 'Sociālās integrācijas valsts aģentūra',
  labels: {
    reference: 'Iesnieguma numurs',
    service: 'Pakalpojums',
    track: 'Mērķa grupa',
    received: 'Saņemts',
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
  confirmation: {
    subject: (reference: string) => `Jūsu iesniegums ${reference} ir saņemts`,
    received: 'Sociālās integrācijas valsts aģentūra (SIVA) ir saņēmusi jūsu iesniegumu.',
    receivedReferral: (organisation: string) =>
      `Sociālās integrācijas valsts aģentūra (SIVA) ir saņēmusi nosūtījumu, ko jūsu vārdā iesniedza ${organisation}.`,
    nextHeading: 'Kas notiks tālāk',
    nextSteps: [
      'Aģentūras darbinieki pārbaudīs jūsu iesniegumu un to reģistrēs.',
      'Ja būs vajadzīgi papildu dokumenti, mēs jums rakstīsim un norādīsim termiņu.',
      'Par katru lēmumu (uzņemšanu rindā, pakalpojuma piešķiršanu vai atteikumu) jūs saņemsiet e-pastu.',
    ],
    quoteReference: 'Sazinoties ar mums, lūdzu, norādiet iesnieguma numuru.',
  },
  update: {
    subject: (reference: string, status: string) => `Jūsu iesniegums ${reference}: ${status}`,
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
    quoteReference: 'Ja kaut kas nav skaidrs, sazinieties ar mums. Lūdzu, norādiet iesnieguma numuru.',
    situations: {
      register: () => ({
        changed: 'Jūsu iesniegums ir reģistrēts.',
        means: ['Aģentūra ir pieņēmusi jūsu iesniegumu izskatīšanai.', 'Lēmums vēl nav pieņemts.'],
        next: [
          'Jums tagad nekas nav jādara.',
          'Ja būs vajadzīgi citi dokumenti, mēs jums rakstīsim.',
          'Kad būs lēmums, jūs saņemsiet e-pastu.',
        ],
      }),
      'request-documents': (d) => ({
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
      }),
      review: () => ({
        changed: 'Jūsu iesniegums tagad tiek izskatīts.',
        means: ['Aģentūras darbinieki pārbauda jūsu iesniegumu un dokumentus.', 'Lēmums vēl nav pieņemts.'],
        next: ['Jums tagad nekas nav jādara.', 'Kad būs lēmums, jūs saņemsiet e-pastu.'],
      }),
      'admit-to-queue': (d) => ({
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
      }),
      grant: (d) => ({
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
      }),
      refuse: () => ({
        changed: 'Aģentūra ir nolēmusi atteikt jums pakalpojumu.',
        means: ['Pēc šī iesnieguma jūs šo pakalpojumu nesaņemsiet.', 'Zemāk ir rakstīts, kāpēc, un kā lēmumu apstrīdēt.'],
        next: [
          'Izlasiet, kāpēc pakalpojums ir atteikts.',
          'Ja nepiekrītat, apstrīdiet lēmumu, kā aprakstīts augstāk. Ievērojiet termiņu.',
          'Ja jūsu situācija mainās, varat iesniegt jaunu iesniegumu.',
        ],
      }),
      start: () => ({
        changed: 'Jūsu pakalpojums ir sācies.',
        means: ['Jūs tagad saņemat pakalpojumu.'],
        next: [
          'Sekojiet speciālistu norādījumiem.',
          'Ja nevarat turpināt, lūdzu, pasakiet to speciālistiem vai sazinieties ar mums.',
          'Kad pakalpojums beigsies, jūs saņemsiet e-pastu.',
        ],
      }),
      'not-started': () => ({
        changed: 'Pakalpojums netika sākts.',
        means: ['Šis iesniegums tagad ir slēgts.', 'Zemāk ir rakstīts, kāpēc.'],
        next: [
          'Ja jums joprojām vajag šo pakalpojumu, iesniedziet jaunu iesniegumu.',
          'Ja domājat, ka tā ir kļūda, sazinieties ar mums.',
        ],
      }),
      postpone: (d) => ({
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
      }),
      complete: (d) => ({
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
      }),
      withdrawn: () => ({
        changed: 'Jūsu iesniegums ir atsaukts.',
        means: ['Aģentūra to vairs neizskatīs.', 'Ja jūs bijāt rindā, jūsu vieta rindā vairs netiek saglabāta.'],
        next: [
          'Jums nekas nav jādara.',
          'Ja jums vēlāk vajadzēs šo pakalpojumu, varat iesniegt jaunu iesniegumu.',
          'Ja iesniegumu neatsaucāt jūs vai jūsu pārstāvis, nekavējoties sazinieties ar mums.',
        ],
      }),
    },
  },
  neutral: {
    subject: (reference: string, own: boolean) => `Jaunumi par ${own ? 'jūsu ' : ''}iesniegumu ${reference}`,
    greeting: 'Labdien!',
    news: (reference: string) => `Ir jaunumi par iesniegumu ${reference}.`,
    signIn: 'Lai tos izlasītu, lūdzu, piesakieties.',
    why: 'Šajā e-pastā mēs nerakstām sīkāk, lai jūsu informācija paliktu aizsargāta.',
    link: 'Pieteikties un izlasīt',
  },
};
