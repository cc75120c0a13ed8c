import { describe, expect, it } from 'vitest';
import { decisionTypes, type DecisionType } from '../../schemas/decision';
import { applicationStatuses, type ApplicationStatus } from '../../schemas/lifecycle';
import {
  closedStatuses,
  decisionCategory,
  decisionTypesFrom,
  documentsActionFrom,
  documentsStatuses,
  nextStatus,
  priorityGroup,
  vocationalServices,
} from '../../functions/core/lifecycle';

type Action = DecisionType | 'withdraw' | 'submit-documents' | 'add-documents';

/** The lifecycle of docs/domain.md ("Application lifecycle"), written out in full: action → status it is allowed from → status it leads to. */
const lifecycle: Record<Action, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
  register: { submitted: 'registered' },
  'request-documents': { registered: 'documents_requested', under_review: 'documents_requested' },
  'submit-documents': { documents_requested: 'under_review' },
  // Sent before any decision (the referral document at filing): the status stays (docs/documents.md).
  'add-documents': { submitted: 'submitted', registered: 'registered' },
  review: { registered: 'under_review', documents_requested: 'under_review' },
  'admit-to-queue': { registered: 'queued', under_review: 'queued' },
  grant: { registered: 'granted', under_review: 'granted', queued: 'granted' },
  refuse: { registered: 'refused', documents_requested: 'refused', under_review: 'refused', queued: 'refused' },
  start: { granted: 'started', postponed: 'started' },
  'not-started': { granted: 'not_started', postponed: 'not_started' },
  postpone: { granted: 'postponed' },
  complete: { started: 'completed' },
  withdraw: {
    submitted: 'withdrawn',
    registered: 'withdrawn',
    documents_requested: 'withdrawn',
    under_review: 'withdrawn',
    queued: 'withdrawn',
    granted: 'withdrawn',
    postponed: 'withdrawn',
  },
};
const actions = Object.keys(lifecycle) as Action[];

describe('the application lifecycle', () => {
  describe.each(actions)('%s', (action) => {
    it.each(applicationStatuses)(`from %s leads where the lifecycle says, or nowhere`, (status) => {
      expect(nextStatus(action, status)).toBe(lifecycle[action][status]);
    });
  });

  it.each(applicationStatuses)('offers staff from %s exactly the decisions the lifecycle allows', (status) => {
    const allowed = decisionTypes.filter((type) => lifecycle[type][status] !== undefined);
    expect([...decisionTypesFrom(status)].sort()).toEqual([...allowed].sort());
  });

  it('never offers staff the applicant’s own actions (withdrawing, sending documents) as decisions', () => {
    const offered = new Set(applicationStatuses.flatMap(decisionTypesFrom));
    expect(offered.has('withdraw' as DecisionType)).toBe(false);
    expect(offered.has('submit-documents' as DecisionType)).toBe(false);
    expect(offered.has('add-documents' as DecisionType)).toBe(false);
    expect([...offered].sort()).toEqual([...decisionTypes].sort());
  });

  it('closes the need exactly in the end states, where no action leads further', () => {
    expect([...closedStatuses].sort()).toEqual(['completed', 'not_started', 'refused', 'withdrawn']);
    for (const status of closedStatuses) {
      expect(actions.filter((action) => nextStatus(action, status) !== undefined)).toEqual([]);
    }
  });
});

describe('sending documents', () => {
  it.each([
    ['submitted', 'add-documents'],
    ['registered', 'add-documents'],
    ['documents_requested', 'submit-documents'],
  ] as const)('in %s is %s', (status, action) => {
    expect(documentsActionFrom(status)).toBe(action);
  });

  it.each(applicationStatuses.filter((status) => !['submitted', 'registered', 'documents_requested'].includes(status)))(
    'is not possible in %s, once the agency has decided without asking for documents',
    (status) => {
      expect(documentsActionFrom(status)).toBeUndefined();
    },
  );

  it('names every status documents may be sent in, for the refusal', () => {
    expect([...documentsStatuses].sort()).toEqual(['documents_requested', 'registered', 'submitted']);
  });
});

describe('queue priority groups', () => {
  it('puts urgent subacute cases first, whatever else they carry', () => {
    expect(priorityGroup({ track: 'predicted-disability', evidence: { subacute: true, predictedDisability: true } })).toBe(0);
    expect(priorityGroup({ track: 'functional-impairment', evidence: { subacute: true } })).toBe(0);
  });

  it('puts predicted disability second, by track, by flag or by status', () => {
    expect(priorityGroup({ track: 'predicted-disability', evidence: {} })).toBe(1);
    expect(priorityGroup({ track: 'functional-impairment', evidence: { predictedDisability: true } })).toBe(1);
    expect(priorityGroup({ track: 'disability', evidence: { disabilityStatus: 'predicted' } })).toBe(1);
  });

  it('puts everyone else last, including a subacute or predicted flag that is not true', () => {
    expect(priorityGroup({ track: 'functional-impairment', evidence: {} })).toBe(2);
    expect(priorityGroup({ track: 'functional-impairment', evidence: { subacute: 'yes', predictedDisability: 'yes' } })).toBe(2);
    expect(priorityGroup({ track: 'disability', evidence: { disabilityStatus: 'granted' } })).toBe(2);
  });
});

describe('the report’s decision categories', () => {
  it.each([
    ['admit-to-queue', 'queue-admission'],
    ['grant', 'grant'],
    ['refuse', 'refusal'],
    ['register', 'other'],
    ['complete', 'other'],
    ['postpone', 'other'],
  ] as const)('counts %s as %s', (type, category) => {
    expect(decisionCategory(type)).toBe(category);
  });
});

it('asks for a road map at completion of exactly the vocational services', () => {
  expect([...vocationalServices].sort()).toEqual(['early-intervention', 'vocational-rehabilitation', 'vocational-suitability']);
});
