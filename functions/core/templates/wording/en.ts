/** The e-mails' wording in English (types.ts says what each entry is for). */
import type { Wording } from './types';

// Data table, not logic (issue 14's copy check): the e-mails' English wording; lv.ts has the same shape in Latvian.
export const en: Wording = {
  statusNames: {
    submitted: 'received',
    registered: 'registered',
    documents_requested: 'more documents needed',
    under_review: 'being reviewed',
    queued: 'placed in the queue',
    granted: 'service granted',
    refused: 'service refused',
    started: 'service started',
    not_started: 'service not started',
    postponed: 'service start postponed',
    completed: 'service completed',
    withdrawn: 'withdrawn',
  },
  greeting: (name: string) => `Hello ${name},`,
  followHeading: 'How to follow your application',
  followLink: 'See the status and history of your application',
  signature: 'Social Integration State Agency',
  labels: {
    reference: 'Application number',
    service: 'Service',
    track: 'Group',
    received: 'Received',
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
  confirmation: {
    subject: (reference: string) => `Your application ${reference} has been received`,
    received: 'The Social Integration State Agency (SIVA) has received your application.',
    receivedReferral: (organisation: string) =>
      `The Social Integration State Agency (SIVA) has received the referral that ${organisation} filed on your behalf.`,
    nextHeading: 'What happens next',
    nextSteps: [
      'Agency staff check your application and register it.',
      'If we need more documents, we will write to you and tell you the deadline.',
      'You will get an e-mail about every decision: a place in the queue, the service granted, or a refusal.',
    ],
    quoteReference: 'Please quote your application number whenever you contact us.',
  },
  update: {
    subject: (reference: string, status: string) => `Your application ${reference}: ${status}`,
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
    quoteReference: 'If anything is unclear, please contact us. Please quote your application number.',
    situations: {
      register: () => ({
        changed: 'Your application has been registered.',
        means: ['The agency has accepted your application for review.', 'No decision has been made yet.'],
        next: [
          'You do not need to do anything now.',
          'If we need other documents, we will write to you.',
          'You will get an e-mail when there is a decision.',
        ],
      }),
      'request-documents': (d) => ({
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
      }),
      review: () => ({
        changed: 'Your application is now being reviewed.',
        means: ['Agency staff are checking your application and documents.', 'No decision has been made yet.'],
        next: ['You do not need to do anything now.', 'You will get an e-mail when there is a decision.'],
      }),
      'admit-to-queue': (d) => ({
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
      }),
      grant: (d) => ({
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
      }),
      refuse: () => ({
        changed: 'The agency has decided to refuse you the service.',
        means: ['You will not get this service on this application.', 'Below you can read why, and how to contest the decision.'],
        next: [
          'Read why the service was refused.',
          'If you do not agree, contest the decision as described above. Keep to the deadline.',
          'If your situation changes, you can apply again.',
        ],
      }),
      start: () => ({
        changed: 'Your service has started.',
        means: ['You are now getting the service.'],
        next: [
          "Follow the specialists' advice.",
          'If you cannot continue, please tell the specialists or contact us.',
          'When the service ends, you will get an e-mail.',
        ],
      }),
      'not-started': () => ({
        changed: 'The service did not start.',
        means: ['This application is now closed.', 'Below you can read why.'],
        next: ['If you still need this service, apply again.', 'If you think this is a mistake, contact us.'],
      }),
      postpone: (d) => ({
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
      }),
      complete: (d) => ({
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
      }),
      withdrawn: () => ({
        changed: 'Your application has been withdrawn.',
        means: ['The agency will not review it any more.', 'If you were in the queue, your place is not kept.'],
        next: [
          'You do not need to do anything.',
          'If you need this service later, you can apply again.',
          'If you or your representative did not withdraw it, contact us straight away.',
        ],
      }),
    },
  },
  neutral: {
    subject: (reference: string, own: boolean) => `News about ${own ? 'your ' : ''}application ${reference}`,
    greeting: 'Hello,',
    news: (reference: string) => `There is news about application ${reference}.`,
    signIn: 'Please sign in to read it.',
    why: 'We do not write more in this e-mail, to keep your information protected.',
    link: 'Sign in and read it',
  },
};
