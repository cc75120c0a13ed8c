/**
 * The application lifecycle (docs/domain.md): which decision moves an
 * application from which status to which, the queue's priority groups, and
 * which statuses close the person's need (so they may apply again).
 */
import type { DecisionType } from '../../schemas/decision';
import type { ApplicationStatus } from '../../schemas/lifecycle';
import type { Application } from './model';

type Action = DecisionType | 'withdraw' | DocumentsAction;

/**
 * Sending documents is one request whatever the status (POST /applications/{id}/documents): the documents asked
 * for put the application back under review; documents sent before any decision on it (the referral document at
 * filing, docs/documents.md) are added to it and leave the status as it is.
 */
export type DocumentsAction = 'submit-documents' | 'add-documents';

/** From which statuses each action is allowed, and the status it leads to (`unchanged`: the one it was in). */
const transitions: Record<Action, { readonly from: readonly ApplicationStatus[]; readonly to: ApplicationStatus | 'unchanged' }> = {
  register: { from: ['submitted'], to: 'registered' },
  'request-documents': { from: ['registered', 'under_review'], to: 'documents_requested' },
  'submit-documents': { from: ['documents_requested'], to: 'under_review' },
  'add-documents': { from: ['submitted', 'registered'], to: 'unchanged' },
  review: { from: ['registered', 'documents_requested'], to: 'under_review' },
  'admit-to-queue': { from: ['registered', 'under_review'], to: 'queued' },
  grant: { from: ['registered', 'under_review', 'queued'], to: 'granted' },
  refuse: { from: ['registered', 'documents_requested', 'under_review', 'queued'], to: 'refused' },
  start: { from: ['granted', 'postponed'], to: 'started' },
  'not-started': { from: ['granted', 'postponed'], to: 'not_started' },
  postpone: { from: ['granted'], to: 'postponed' },
  complete: { from: ['started'], to: 'completed' },
  withdraw: {
    from: ['submitted', 'registered', 'documents_requested', 'under_review', 'queued', 'granted', 'postponed'],
    to: 'withdrawn',
  },
};

const documentsActions: readonly DocumentsAction[] = ['submit-documents', 'add-documents'];

/** The actions that are not staff decisions: the applicant's or referrer's own. */
const ownActions: readonly Action[] = ['withdraw', ...documentsActions];

export const decisionTypesFrom = (status: ApplicationStatus): DecisionType[] =>
  (Object.keys(transitions) as Action[]).filter(
    (action): action is DecisionType => !ownActions.includes(action) && transitions[action].from.includes(status),
  );

/** The status an action leads to, or undefined when it is not allowed from `status`. */
export const nextStatus = (action: Action, status: ApplicationStatus): ApplicationStatus | undefined => {
  const { from, to } = transitions[action];
  if (!from.includes(status)) return undefined;
  return to === 'unchanged' ? status : to;
};

/** What sending documents does in `status`, or undefined when documents cannot be sent in it. */
export const documentsActionFrom = (status: ApplicationStatus): DocumentsAction | undefined =>
  documentsActions.find((action) => transitions[action].from.includes(status));

/** Every status documents may be sent in, for the answer that names them. */
export const documentsStatuses: readonly ApplicationStatus[] = documentsActions.flatMap((action) => transitions[action].from);

/** Statuses after which the person no longer has an open application for that need. */
export const closedStatuses: readonly ApplicationStatus[] = ['refused', 'not_started', 'completed', 'withdrawn'];

/**
 * Queue priority groups (docs/domain.md): urgent subacute cases first, then
 * predicted disability, then everyone else; within a group, by admission date.
 */
export const priorityGroup = (application: Pick<Application, 'track' | 'evidence'>): 0 | 1 | 2 => {
  const { evidence } = application;
  if (evidence.subacute === true) return 0;
  if (application.track === 'predicted-disability' || evidence.predictedDisability === true || evidence.disabilityStatus === 'predicted') {
    return 1;
  }
  return 2;
};

/** How the report counts decisions (docs/domain.md, "2021 load figures"). */
export const decisionCategory = (type: DecisionType): 'queue-admission' | 'grant' | 'refusal' | 'other' =>
  type === 'admit-to-queue' ? 'queue-admission' : type === 'grant' ? 'grant' : type === 'refuse' ? 'refusal' : 'other';

/** Vocational services complete with a Ceļa karte road map. */
export const vocationalServices: readonly Application['serviceId'][] = ['vocational-suitability', 'vocational-rehabilitation', 'early-intervention'];
