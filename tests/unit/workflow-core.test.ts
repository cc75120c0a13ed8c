/**
 * Staff decisions and the applicant's own moves (functions/core/workflow.ts) against in-memory ports that keep the
 * store's version condition: what each decision records, which moves each status allows, what a stale version gets,
 * the queue, withdrawal, documents, a representative's confirmation, recorded reads, the work list and resends.
 */
import { describe, expect, it } from 'vitest';
import type { CitizenPrincipal, ReferrerPrincipal } from '../../functions/core/applications/types';
import { DomainError } from '../../functions/core/errors';
import type { Application } from '../../functions/core/model';
import type { Upload } from '../../functions/core/uploads';
import { UploadNotAttachable } from '../../functions/core/uploads';
import {
  confirmRepresentative,
  currentPosition,
  decide,
  listFailedNotifications,
  listLostBatches,
  listWork,
  openForReferrer,
  openForStaff,
  resendNotification,
  submitDocuments,
  withdraw,
  StaleVersion,
  type StaffPrincipal,
  type WorkflowDeps,
} from '../../functions/core/workflow';
import { decisionTypesFrom, nextStatus } from '../../functions/core/lifecycle';
import type { Decision } from '../../schemas/decision';
import { applicationStatuses, type ApplicationStatus } from '../../schemas/lifecycle';
import { referredApplication } from '../support/email-fixtures';
import { fixedClock, InMemoryStore, sequentialIds, refusal } from '../support/in-memory-ports';

const now = '2026-11-20T10:00:00.000Z';
const today = '2026-11-20';

const staff: StaffPrincipal = { role: 'staff', subject: 'staff-liga', name: 'Līga Kalna', services: ['social-rehabilitation', 'vocational-suitability'] };
const marta: CitizenPrincipal = { role: 'citizen', subject: 'eid-marta', personalCode: '32579461005', givenName: 'Marta', familyName: 'Ozola' };
const officer: ReferrerPrincipal = { role: 'social-service', subject: 'eid-officer', name: 'Dace Liepa', organisation: 'tukums', services: [] };

let stored = 0;
const application = (overrides: Partial<Application> = {}): Application => {
  stored += 1;
  return {
    id: `app-${stored}`,
    reference: `SIVA-2026-${String(stored).padStart(6, '0')}`,
    serviceId: 'social-rehabilitation',
    track: 'functional-impairment',
    status: 'registered',
    version: 3,
    channel: 'self',
    ownerSubject: marta.subject,
    personKey: 'key-marta',
    applicant: { ...referredApplication.applicant, personalCode: marta.personalCode, givenName: 'Marta', familyName: 'Ozola' },
    evidence: { disabilityGroup: 'III' },
    language: 'lv',
    submittedAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  };
};

const setup = (...applications: Application[]) => {
  const store = new InMemoryStore();
  for (const stored of applications) {
    store.applications.set(stored.id, stored);
    store.timelines.set(stored.id, []);
  }
  const clock = fixedClock(now);
  const deps: WorkflowDeps = { store, clock, newId: sequentialIds('e1e2e3e4e5') };
  return { store, deps, clock };
};

const failure = refusal;

/** The decision documents staff send, each valid on `today`. */
const documents: { [T in Decision['type']]: { readonly type: T } & Record<string, unknown> } = {
  register: { type: 'register' },
  'request-documents': { type: 'request-documents', documents: ['VDEĀVK atzinums'], deadline: '2026-12-04' },
  review: { type: 'review' },
  'admit-to-queue': { type: 'admit-to-queue' },
  grant: { type: 'grant' },
  refuse: { type: 'refuse', reason: 'Neatbilst', appeal: 'Direktoram mēneša laikā' },
  start: { type: 'start', startedOn: today },
  'not-started': { type: 'not-started', reason: 'Neieradās' },
  postpone: { type: 'postpone', reason: 'Slimība' },
  complete: { type: 'complete', completedOn: today, recommendations: 'Turpināt' },
};
const decision = (type: Decision['type'], expectedVersion = 3, extra: Record<string, unknown> = {}) => ({ ...documents[type], expectedVersion, ...extra }) as Decision;

const statuses = applicationStatuses;
const closing: ApplicationStatus[] = ['refused', 'not_started', 'completed', 'withdrawn'];

describe('a staff decision', () => {
  const cases = (Object.keys(documents) as Decision['type'][]).flatMap((type) => statuses.map((status) => [type, status] as const));

  it.each(cases)('%s from %s moves as the lifecycle says, or is refused naming what is allowed', async (type, status) => {
    const queue = status === 'queued' ? { priorityGroup: 2 as const, admittedAt: '2026-11-02T08:00:00.000Z', positionAtAdmission: 1 } : undefined;
    const before = application({ status, ...(queue && { queue }) });
    const { store, deps } = setup(before);
    // The lifecycle itself is specified in lifecycle.test.ts; here, that a decision applies it.
    const allowed = decisionTypesFrom(status);
    const to = nextStatus(type, status);
    if (to) {
      const { after, closesNeed } = await decide(deps, staff, before.id, decision(type));
      expect(after.status).toBe(to);
      expect(store.applications.get(before.id)?.status).toBe(to);
      expect(closesNeed).toBe(closing.includes(to));
      expect(after.closedAt !== undefined).toBe(closing.includes(to));
      return;
    }
    const refused = await failure(decide(deps, staff, before.id, decision(type)));
    expect(refused.kind).toBe('illegal-transition');
    expect(refused.violations).toEqual([
      { path: ['type'], code: 'illegal_transition', params: { action: type, status, allowed: allowed.length > 0 ? allowed.join(', ') : '—' } },
    ]);
    expect(refused.extensions).toEqual({ allowedDecisions: allowed });
    expect(store.applications.get(before.id)).toBe(before);
  });

  it('records the move, the event and the decision as the letter it is, at the version after', async () => {
    const before = application({ status: 'registered' });
    const { store, deps } = setup(before);
    const refusal = decision('refuse');
    const transition = await decide(deps, staff, before.id, refusal);
    const eventId = `${now}#e1e2e3e4`;
    expect(transition.after).toEqual({ ...before, status: 'refused', version: 4, updatedAt: now, closedAt: now, retainUntil: expect.any(String) });
    expect(transition.event).toEqual({
      applicationId: before.id,
      id: eventId,
      type: 'decision',
      at: now,
      actor: { role: 'staff', subject: 'staff-liga' },
      status: 'refused',
      details: { from: 'registered', to: 'refused', decision: 'refuse' },
    });
    expect(transition.decision).toEqual({
      applicationId: before.id,
      eventId,
      type: 'refuse',
      at: now,
      author: { subject: 'staff-liga', name: 'Līga Kalna' },
      from: 'registered',
      to: 'refused',
      document: { reason: 'Neatbilst', appeal: 'Direktoram mēneša laikā' },
    });
    expect(transition.before).toBe(before);
    expect(store.decisions.get(before.id)).toEqual([transition.decision]);
    expect(store.timelines.get(before.id)).toEqual([transition.event]);
  });

  it('asking for documents puts the deadline on the timeline; it must be after today', async () => {
    const before = application({ status: 'registered' });
    const { deps } = setup(before);
    for (const deadline of [today, '2026-11-19']) {
      const refused = await failure(decide(deps, staff, before.id, decision('request-documents', 3, { deadline })));
      expect(refused.kind).toBe('not-eligible');
      expect(refused.violations).toEqual([{ path: ['deadline'], code: 'deadline_not_in_future' }]);
    }
    const { event } = await decide(deps, staff, before.id, decision('request-documents', 3, { deadline: '2026-11-21' }));
    expect(event.details).toEqual({ from: 'registered', to: 'documents_requested', decision: 'request-documents', deadline: '2026-11-21' });
    // Other decisions carry no deadline, not even an empty one.
    const other = application({ status: 'registered' });
    const { store } = setup(other);
    const { event: review } = await decide({ ...deps, store }, staff, other.id, decision('review'));
    expect(Object.keys(review.details ?? {})).toEqual(['from', 'to', 'decision']);
  });

  it('today is Riga’s: at 22:30 UTC the 21st is already today there', async () => {
    const before = application({ status: 'registered' });
    const { deps, clock } = setup(before);
    clock.set('2026-11-20T22:30:00.000Z');
    const refused = await failure(decide(deps, staff, before.id, decision('request-documents', 3, { deadline: '2026-11-21' })));
    expect(refused.violations[0]?.code).toBe('deadline_not_in_future');
  });

  it('an urgent grant is marked urgent on the timeline; an ordinary one is not', async () => {
    const urgent = application({ status: 'registered' });
    const ordinary = application({ status: 'registered' });
    const { deps } = setup(urgent, ordinary);
    expect((await decide(deps, staff, urgent.id, decision('grant', 3, { urgent: true }))).event.details).toEqual({ from: 'registered', to: 'granted', decision: 'grant', urgent: true });
    expect((await decide(deps, staff, ordinary.id, decision('grant', 3, { urgent: false }))).event.details).toEqual({ from: 'registered', to: 'granted', decision: 'grant' });
  });

  it('a vocational service completes only with a road map; other services without one', async () => {
    const vocational = application({ status: 'started', serviceId: 'vocational-suitability', track: 'disability' });
    const social = application({ status: 'started' });
    const { deps } = setup(vocational, social);
    const refused = await failure(decide(deps, staff, vocational.id, decision('complete')));
    expect(refused.kind).toBe('not-eligible');
    expect(refused.violations).toEqual([{ path: ['roadMap'], code: 'road_map_required' }]);
    expect((await decide(deps, staff, vocational.id, decision('complete', 3, { roadMap: 'Ceļa karte' }))).decision?.document).toMatchObject({ roadMap: 'Ceļa karte' });
    expect((await decide(deps, staff, social.id, decision('complete'))).after.status).toBe('completed');
    // Only completing asks for the road map: a vocational application moves through its other decisions without one.
    const registered = application({ status: 'registered', serviceId: 'vocational-suitability', track: 'disability' });
    const { store } = setup(registered);
    expect((await decide({ ...deps, store }, staff, registered.id, decision('review'))).after.status).toBe('under_review');
  });

  it('made on a version since changed is refused as stale and changes nothing', async () => {
    const before = application({ status: 'registered' });
    const { store, deps } = setup(before);
    const refused = await failure(decide(deps, staff, before.id, decision('register', 2)));
    expect(refused.kind).toBe('conflict');
    expect(refused.violations).toEqual([{ path: ['expectedVersion'], code: 'stale_version' }]);
    expect(store.applications.get(before.id)).toBe(before);
  });

  it('two staff deciding at once: the one whose write finds the version changed is told it is stale', async () => {
    const before = application({ status: 'registered' });
    const { store, deps } = setup(before);
    // Another decision lands between this one's read and its write.
    const read = store.findApplication.bind(store);
    store.findApplication = async (id) => {
      const found = await read(id);
      store.applications.set(id, { ...found!, version: found!.version + 1 });
      return found;
    };
    const refused = await failure(decide(deps, staff, before.id, decision('review')));
    expect(refused.violations[0]?.code).toBe('stale_version');
  });

  it('the store’s refusal of a changed version is named for the logs', () => {
    expect(new StaleVersion().name).toBe('StaleVersion');
  });

  it('a store failure other than a changed version passes through', async () => {
    const before = application({ status: 'registered' });
    const { store, deps } = setup(before);
    const outage = new Error('throttled');
    store.recordTransition = async () => {
      throw outage;
    };
    await expect(decide(deps, staff, before.id, decision('review'))).rejects.toBe(outage);
  });

  it('staff decide only on their own services’ applications; another’s is a 404 like a missing one', async () => {
    const elsewhere = application({ serviceId: 'driving-training', track: 'category-b' });
    const { deps } = setup(elsewhere);
    expect((await failure(decide(deps, staff, elsewhere.id, decision('review')))).kind).toBe('not-found');
    expect((await failure(decide(deps, staff, 'missing', decision('review')))).kind).toBe('not-found');
  });
});

describe('the queue', () => {
  it('admission records the priority group, the time and the place; leaving it drops the place', async () => {
    const first = application({ status: 'under_review' });
    const second = application({ status: 'registered' });
    const urgent = application({ status: 'registered', track: 'after-medical-rehabilitation', evidence: { subacute: true } });
    const { store, deps, clock } = setup(first, second, urgent);
    const admitted = await decide(deps, staff, first.id, decision('admit-to-queue'));
    expect(admitted.after.queue).toEqual({ priorityGroup: 2, admittedAt: now, positionAtAdmission: 1 });
    clock.set('2026-11-20T11:00:00.000Z');
    expect((await decide(deps, staff, second.id, decision('admit-to-queue'))).after.queue).toEqual({
      priorityGroup: 2,
      admittedAt: '2026-11-20T11:00:00.000Z',
      positionAtAdmission: 2,
    });
    expect(await currentPosition(deps, store.applications.get(second.id)!)).toBe(2);

    // An urgent case of another track has its own queue.
    expect((await decide(deps, staff, urgent.id, decision('admit-to-queue'))).after.queue).toMatchObject({ priorityGroup: 0, positionAtAdmission: 1 });

    const granted = await decide(deps, staff, first.id, decision('grant', 4));
    expect(granted.after).not.toHaveProperty('queue');
    expect(await currentPosition(deps, store.applications.get(second.id)!)).toBe(1);
    expect(await currentPosition(deps, granted.after)).toBeUndefined();
  });

  it('an urgent case of the same queue goes before those admitted earlier', async () => {
    const waiting = application({ status: 'queued', queue: { priorityGroup: 2, admittedAt: '2026-11-01T08:00:00.000Z', positionAtAdmission: 1 } });
    const urgent = application({ status: 'registered', evidence: { subacute: true } });
    const { store, deps } = setup(waiting, urgent);
    expect((await decide(deps, staff, urgent.id, decision('admit-to-queue'))).after.queue?.positionAtAdmission).toBe(1);
    expect(await currentPosition(deps, store.applications.get(waiting.id)!)).toBe(2);
  });

  it('a queued application without a recorded place has no position', async () => {
    const { deps } = setup();
    expect(await currentPosition(deps, application({ status: 'queued' }))).toBeUndefined();
  });
});

describe('the applicant withdraws', () => {
  it('from any status before the service starts; the reason goes on the timeline, and the need is closed', async () => {
    const before = application({ status: 'granted' });
    const { store, deps } = setup(before);
    store.openNeeds.set('social-rehabilitation|functional-impairment|key-marta', before.id);
    const { after, event, closesNeed, decision: record } = await withdraw(deps, marta, before.id, { expectedVersion: 3, reason: 'Pārcēlos' });
    expect(after).toMatchObject({ status: 'withdrawn', version: 4, closedAt: now });
    expect(event).toMatchObject({ type: 'withdrawn', actor: { role: 'citizen', subject: 'eid-marta' }, details: { from: 'granted', to: 'withdrawn', reason: 'Pārcēlos' } });
    expect(closesNeed).toBe(true);
    expect(record).toBeUndefined();
    expect(store.openNeeds.size).toBe(0);
  });

  it('without a reason, the timeline holds only the move', async () => {
    const before = application({ status: 'submitted' });
    const { deps } = setup(before);
    expect((await withdraw(deps, marta, before.id, { expectedVersion: 3 })).event.details).toEqual({ from: 'submitted', to: 'withdrawn' });
  });

  it('not once the service has started, nor twice', async () => {
    const started = application({ status: 'started' });
    const withdrawn = application({ status: 'withdrawn' });
    const { deps } = setup(started, withdrawn);
    const refused = await failure(withdraw(deps, marta, started.id, { expectedVersion: 3 }));
    expect(refused.kind).toBe('illegal-transition');
    expect(refused.violations[0]?.params).toEqual({ action: 'withdraw', status: 'started', allowed: 'complete' });
    expect((await failure(withdraw(deps, marta, withdrawn.id, { expectedVersion: 3 }))).violations[0]?.params).toMatchObject({ allowed: '—' });
  });

  it('a representative staff have not confirmed may not; once confirmed, may; a stranger gets a 404', async () => {
    const ilze: CitizenPrincipal = { role: 'citizen', subject: 'eid-ilze', personalCode: '38123456789', givenName: 'Ilze', familyName: 'Ozola' };
    const filed = application({ channel: 'representative', ownerSubject: 'eid-ilze' });
    const confirmed = application({ channel: 'representative', ownerSubject: 'eid-ilze', representativeConfirmed: { at: now, by: 'staff-liga' } });
    const { deps } = setup(filed, confirmed);
    const refused = await failure(withdraw(deps, ilze, filed.id, { expectedVersion: 3 }));
    expect(refused.kind).toBe('forbidden');
    expect(refused.violations).toEqual([{ path: [], code: 'representative_not_confirmed' }]);
    expect((await withdraw(deps, ilze, confirmed.id, { expectedVersion: 3 })).after.status).toBe('withdrawn');
    expect((await failure(withdraw(deps, { ...ilze, subject: 'eid-other' }, filed.id, { expectedVersion: 3 }))).kind).toBe('not-found');
  });

  it('a stale version is refused', async () => {
    const before = application({ status: 'submitted' });
    const { deps } = setup(before);
    expect((await failure(withdraw(deps, marta, before.id, { expectedVersion: 4 }))).kind).toBe('conflict');
  });
});

describe('documents sent', () => {
  const clean = (id: string, applicationId: string, uploader = { role: 'citizen' as const, subject: 'eid-marta' }): Upload => ({
    id,
    applicationId,
    documentType: 'other',
    fileName: 'atzinums.pdf',
    contentType: 'application/pdf',
    size: 1200,
    uploader,
    createdAt: now,
    state: 'clean',
    evidenceKey: `evidence/${id}`,
    sha256: 'ab'.repeat(32),
  });
  const uploadsOf = (store: InMemoryStore, ...uploads: Upload[]) => ({
    store: { findApplication: (id: string) => store.findApplication(id), find: async (id: string) => uploads.find((upload) => upload.id === id) },
  });

  it('by post or e-mail: the count goes on the timeline (never the names) and the application is under review', async () => {
    const before = application({ status: 'documents_requested' });
    const { store, deps } = setup(before);
    const sent = await submitDocuments(deps, uploadsOf(store) as never, marta, before.id, {
      expectedVersion: 3,
      documents: [
        { name: 'Atzinums', sentBy: 'post' },
        { name: 'Izziņa', sentBy: 'email' },
      ],
    });
    expect(sent.after.status).toBe('under_review');
    expect(sent.event).toMatchObject({ type: 'documents_submitted', actor: { role: 'citizen', subject: 'eid-marta' } });
    expect(sent.event.details).toEqual({ from: 'documents_requested', to: 'under_review', count: 2 });
    expect(sent.attachments).toBeUndefined();
  });

  it('clean uploads are attached in the same write, each naming the event', async () => {
    const before = application({ status: 'documents_requested' });
    const { store, deps } = setup(before);
    const uploadId = '0e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11';
    const sent = await submitDocuments(deps, uploadsOf(store, clean(uploadId, before.id)) as never, marta, before.id, {
      expectedVersion: 3,
      documents: [{ sentBy: 'upload', uploadId }, { name: 'Izziņa', sentBy: 'post' }],
    });
    expect(sent.event.details).toEqual({ from: 'documents_requested', to: 'under_review', count: 2, attached: 1 });
    expect(sent.attachments).toEqual([expect.objectContaining({ applicationId: before.id, id: uploadId, eventId: sent.event.id, attachedAt: now })]);
    expect(store.attachmentsWritten).toEqual(sent.attachments);
  });

  it('an upload attached elsewhere meanwhile is a conflict naming the upload fields', async () => {
    const before = application({ status: 'documents_requested' });
    const { store, deps } = setup(before);
    store.recordTransition = async () => {
      throw new UploadNotAttachable();
    };
    const uploadId = '0e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11';
    const refused = await failure(
      submitDocuments(deps, uploadsOf(store, clean(uploadId, before.id)) as never, marta, before.id, { expectedVersion: 3, documents: [{ name: 'x', sentBy: 'post' }, { sentBy: 'upload', uploadId }] }),
    );
    expect(refused.kind).toBe('conflict');
    expect(refused.violations).toEqual([{ path: ['documents', 1, 'uploadId'], code: 'upload_already_attached' }]);
  });

  it('the referring organisation’s officer may send them for its referral; another organisation’s gets a 404', async () => {
    const referred = application({
      status: 'documents_requested',
      channel: 'referral',
      ownerSubject: undefined,
      referral: { kind: 'social-service', organisation: 'tukums', officerSubject: 'x', officerName: 'X', number: 'N-1', date: today, clientConsent: true },
    });
    const { store, deps } = setup(referred);
    const request = { expectedVersion: 3, documents: [{ name: 'Atzinums', sentBy: 'post' as const }] };
    expect((await failure(submitDocuments(deps, uploadsOf(store) as never, { ...officer, organisation: 'talsi' }, referred.id, request))).kind).toBe('not-found');
    const sent = await submitDocuments(deps, uploadsOf(store) as never, officer, referred.id, request);
    expect(sent.event.actor).toEqual({ role: 'social-service', subject: 'eid-officer' });
  });

  it('a representative staff have not confirmed may not send them', async () => {
    const filed = application({ status: 'documents_requested', channel: 'representative', ownerSubject: 'eid-ilze' });
    const { store, deps } = setup(filed);
    const ilze: CitizenPrincipal = { role: 'citizen', subject: 'eid-ilze', personalCode: '38123456789', givenName: 'Ilze', familyName: 'Ozola' };
    const refused = await failure(submitDocuments(deps, uploadsOf(store) as never, ilze, filed.id, { expectedVersion: 3, documents: [{ name: 'A', sentBy: 'post' }] }));
    expect(refused.kind).toBe('forbidden');
    expect(refused.violations).toEqual([{ path: [], code: 'representative_not_confirmed' }]);
  });

  it.each(['submitted', 'registered'] as const)('before any request (%s): added, the status stays, the timeline says documents added', async (status) => {
    const before = application({ status });
    const { store, deps } = setup(before);
    const uploadId = '0e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11';
    const sent = await submitDocuments(deps, uploadsOf(store, clean(uploadId, before.id)) as never, marta, before.id, {
      expectedVersion: 3,
      documents: [{ sentBy: 'upload', uploadId }],
    });
    expect(sent.after).toMatchObject({ status, version: 4 });
    expect(sent.event).toMatchObject({ type: 'documents_added', status, details: { from: status, to: status, count: 1, attached: 1 } });
    expect(store.attachmentsWritten).toEqual([expect.objectContaining({ id: uploadId, eventId: sent.event.id })]);
    expect(sent.closesNeed).toBe(false);
  });

  it('before any request, a stale version is still a conflict', async () => {
    const before = application({ status: 'submitted' });
    const { store, deps } = setup(before);
    const refused = await failure(submitDocuments(deps, uploadsOf(store) as never, marta, before.id, { expectedVersion: 2, documents: [{ name: 'A', sentBy: 'post' }] }));
    expect(refused.kind).toBe('conflict');
  });

  it.each(applicationStatuses.filter((status) => !['submitted', 'registered', 'documents_requested'].includes(status)))(
    'not in %s: 422 naming the statuses documents may be sent in',
    async (status) => {
      const before = application({ status });
      const { store, deps } = setup(before);
      const refused = await failure(submitDocuments(deps, uploadsOf(store) as never, marta, before.id, { expectedVersion: 3, documents: [{ name: 'A', sentBy: 'post' }] }));
      expect(refused.kind).toBe('illegal-transition');
      expect(refused.violations).toEqual([{ path: [], code: 'documents_not_open', params: { status, allowed: 'documents_requested, submitted, registered' } }]);
      expect(refused.extensions).toEqual({ allowedStatuses: ['documents_requested', 'submitted', 'registered'] });
    },
  );
});

describe('staff confirm a representative', () => {
  it('records who confirmed and when, at the next version, without moving the status', async () => {
    const filed = application({ channel: 'representative', ownerSubject: 'eid-ilze' });
    const { store, deps } = setup(filed);
    const { after, event, closesNeed } = await confirmRepresentative(deps, staff, filed.id, { expectedVersion: 3 });
    expect(after).toEqual({ ...filed, version: 4, updatedAt: now, representativeConfirmed: { at: now, by: 'staff-liga' } });
    expect(event).toEqual({ applicationId: filed.id, id: `${now}#e1e2e3e4`, type: 'representative_confirmed', at: now, actor: { role: 'staff', subject: 'staff-liga' } });
    expect(closesNeed).toBe(false);
    expect(store.applications.get(filed.id)).toEqual(after);
  });

  it('only on a representative’s filing, and only at the version read', async () => {
    const own = application();
    const filed = application({ channel: 'representative', ownerSubject: 'eid-ilze' });
    const { deps } = setup(own, filed);
    const refused = await failure(confirmRepresentative(deps, staff, own.id, { expectedVersion: 3 }));
    expect(refused.kind).toBe('not-eligible');
    expect(refused.violations).toEqual([{ path: [], code: 'not_a_representative_filing' }]);
    expect((await failure(confirmRepresentative(deps, staff, filed.id, { expectedVersion: 2 }))).violations[0]?.code).toBe('stale_version');
  });
});

describe('a workforce read is recorded', () => {
  it('staff opening a record leave who and when on its timeline, and see it there', async () => {
    const before = application();
    const { store, deps } = setup(before);
    const record = await openForStaff(deps, staff, before.id);
    const viewed = { applicationId: before.id, id: `${now}#e1e2e3e4`, type: 'viewed_by_staff', at: now, actor: { role: 'staff', subject: 'staff-liga' } };
    expect(record.application).toBe(before);
    expect(record.timeline).toEqual([viewed]);
    expect(store.timelines.get(before.id)).toEqual([viewed]);
  });

  it('the referring officer’s read likewise; anyone else reads nothing and leaves nothing', async () => {
    const referred = application({
      channel: 'referral',
      referral: { kind: 'social-service', organisation: 'tukums', officerSubject: 'x', officerName: 'X', number: 'N-1', date: today, clientConsent: true },
    });
    const elsewhere = application({ serviceId: 'driving-training', track: 'category-b' });
    const { store, deps } = setup(referred, elsewhere);
    expect((await openForReferrer(deps, officer, referred.id)).timeline.map((event) => event.type)).toEqual(['viewed_by_referrer']);
    expect((await failure(openForReferrer(deps, { ...officer, organisation: 'talsi' }, referred.id))).kind).toBe('not-found');
    expect((await failure(openForStaff(deps, staff, elsewhere.id))).kind).toBe('not-found');
    expect((await failure(openForStaff(deps, staff, 'missing'))).kind).toBe('not-found');
    expect(store.timelines.get(elsewhere.id)).toEqual([]);
  });
});

describe('the work list', () => {
  it('covers the caller’s services, newest first, filtered by track, status and Riga calendar days', async () => {
    const early = application({ submittedAt: '2026-11-09T21:59:00.000Z' }); // 23:59 on the 9th in Riga
    const onTheTenth = application({ submittedAt: '2026-11-09T22:00:00.000Z' }); // 00:00 on the 10th in Riga
    const lastMinute = application({ submittedAt: '2026-11-10T21:59:59.000Z', status: 'submitted' });
    const other = application({ serviceId: 'vocational-suitability', track: 'disability', submittedAt: '2026-11-12T08:00:00.000Z' });
    const notMine = application({ serviceId: 'driving-training', track: 'category-b' });
    const { deps } = setup(early, onTheTenth, lastMinute, other, notMine);
    const ids = async (query: Parameters<typeof listWork>[2]) => (await listWork(deps, staff, query, { limit: 10 })).items.map((a) => a.id);
    expect(await ids({})).toEqual([other.id, lastMinute.id, onTheTenth.id, early.id]);
    expect(await ids({ serviceId: 'social-rehabilitation' })).toEqual([lastMinute.id, onTheTenth.id, early.id]);
    expect(await ids({ from: '2026-11-10', to: '2026-11-10' })).toEqual([lastMinute.id, onTheTenth.id]);
    expect(await ids({ status: 'submitted' })).toEqual([lastMinute.id]);
    expect(await ids({ track: 'disability' })).toEqual([other.id]);
  });

  it('another service is forbidden; staff with no services see an empty list', async () => {
    const { deps } = setup(application());
    expect((await failure(listWork(deps, staff, { serviceId: 'driving-training' }, { limit: 10 }))).kind).toBe('forbidden');
    const asked: unknown[] = [];
    const list = deps.store.listByServices.bind(deps.store);
    deps.store.listByServices = async (...args) => {
      asked.push(args);
      return list(...args);
    };
    expect(await listWork(deps, { ...staff, services: [] }, {}, { limit: 10 })).toEqual({ items: [] });
    expect(asked).toEqual([]);
  });

  it('in queue order needs the service and the track, and lists that queue only', async () => {
    const later = application({ status: 'queued', queue: { priorityGroup: 2, admittedAt: '2026-11-03T08:00:00.000Z', positionAtAdmission: 1 } });
    const urgent = application({ status: 'queued', queue: { priorityGroup: 0, admittedAt: '2026-11-05T08:00:00.000Z', positionAtAdmission: 1 } });
    const otherTrack = application({ status: 'queued', track: 'chernobyl', queue: { priorityGroup: 2, admittedAt: '2026-11-01T08:00:00.000Z', positionAtAdmission: 1 } });
    const { deps } = setup(later, urgent, otherTrack);
    const refused = await failure(listWork(deps, staff, { sort: 'queue' }, { limit: 10 }));
    expect(refused.kind).toBe('validation');
    expect(refused.violations).toEqual([
      { path: ['serviceId'], code: 'required' },
      { path: ['track'], code: 'required' },
    ]);
    expect((await failure(listWork(deps, staff, { sort: 'queue', serviceId: 'social-rehabilitation' }, { limit: 10 }))).violations).toEqual([{ path: ['track'], code: 'required' }]);
    const queue = await listWork(deps, staff, { sort: 'queue', serviceId: 'social-rehabilitation', track: 'functional-impairment' }, { limit: 10 });
    expect(queue.items.map((a) => a.id)).toEqual([urgent.id, later.id]);
  });
});

describe('notifications that failed', () => {
  const failed = (applicationId: string) => ({ applicationId, eventId: 'ev-1', kind: 'applicant-update' as const, failure: { code: 'MessageRejected', permanent: true }, updatedAt: now });

  it('are listed per service, for the caller’s own services only', async () => {
    const mine = application();
    const { store, deps } = setup(mine);
    store.failedNotifications.push(failed(mine.id));
    expect((await listFailedNotifications(deps, staff, 'social-rehabilitation', { limit: 10 })).items).toEqual([failed(mine.id)]);
    expect(() => listFailedNotifications(deps, staff, 'driving-training', { limit: 10 })).toThrow(DomainError);
  });

  it('lost stream batches are listed to any staff member', async () => {
    const { store, deps } = setup();
    const batch = { id: 'b-1' } as never;
    store.lostBatches.push(batch);
    expect((await listLostBatches(deps, { ...staff, services: [] }, { limit: 10 })).items).toEqual([batch]);
  });

  it('a resend puts the failed one back and records the request; one that has not failed is a conflict', async () => {
    const mine = application();
    const { store, deps } = setup(mine);
    store.failedNotifications.push(failed(mine.id));
    const event = await resendNotification(deps, staff, mine.id, { eventId: 'ev-1', kind: 'applicant-update' });
    expect(event).toEqual({
      applicationId: mine.id,
      id: `${now}#e1e2e3e4`,
      type: 'notification_resend_requested',
      at: now,
      actor: { role: 'staff', subject: 'staff-liga' },
      details: { sourceEventId: 'ev-1', notification: 'applicant-update' },
    });
    expect(store.resends).toEqual([{ key: { applicationId: mine.id, eventId: 'ev-1', kind: 'applicant-update' }, event }]);
    const again = await failure(resendNotification(deps, staff, mine.id, { eventId: 'ev-1', kind: 'applicant-update' }));
    expect(again.kind).toBe('conflict');
    expect(again.violations).toEqual([{ path: ['eventId'], code: 'notification_not_failed' }]);
    expect((await failure(resendNotification(deps, { ...staff, services: [] }, mine.id, { eventId: 'ev-1', kind: 'applicant-update' }))).kind).toBe('not-found');
  });
});
