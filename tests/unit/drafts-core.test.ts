/**
 * Drafts (functions/core/drafts.ts, docs/drafts.md) against in-memory ports with the store's conditions: one draft
 * per person, service and track; a save only at the version read; expiry 30 days after the last save and at most
 * 90 after the start; only the owner reaches a live draft; a submission goes the way of POST /applications;
 * reminders once per expiry date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApplicationDeps } from '../../functions/core/applications/ports';
import type { CitizenPrincipal } from '../../functions/core/applications/types';
import {
  createdAtOfDraftId,
  createDraft,
  DraftChanged,
  DraftSlotTaken,
  deleteDraft,
  discardDraftUploads,
  draftExpiry,
  draftIdAt,
  draftUploadStatus,
  draftViolations,
  expectedVersionOf,
  formVersionOf,
  getDraft,
  isLive,
  listDrafts,
  remindDueDrafts,
  saveDraft,
  submitDraft,
  type DraftDeps,
  type DraftReminderEmail,
} from '../../functions/core/drafts';
import { defaultRules } from '../../functions/core/rules';
import type { Upload } from '../../functions/core/uploads';
import { janisPrincipal } from '../support/fixtures';
import { fixedClock, InMemoryDraftStore, InMemoryStore, sequentialIds, refusal } from '../support/in-memory-ports';
import { validForm } from '../support/service-forms';
import { formDigestFromSources, generatedFormVersionsModule, generatedFormVersionsPath } from '../../local/build-schemas';
import { serviceIds } from '../../schemas/services';

const start = '2026-11-20T10:00:00.000Z';
const lifetime = { afterSaveDays: 30, afterCreationDays: 90, reminderDaysBefore: 7 };

const janis: CitizenPrincipal = janisPrincipal;
const stranger: CitizenPrincipal = { ...janis, subject: 'eid-other', personalCode: '32579461005' };

const setup = () => {
  const store = new InMemoryDraftStore();
  const clock = fixedClock(start);
  const deps: DraftDeps = { store, clock, newId: () => crypto.randomUUID(), personKey: async (code) => `key-of-${code}`, lifetime };
  return { store, clock, deps };
};

const failure = refusal;

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

describe('a draft’s life', () => {
  it('the store’s refusals carry their names and what they found', () => {
    expect(new DraftSlotTaken('d-1')).toMatchObject({ name: 'DraftSlotTaken', message: 'draft slot taken', draftId: 'd-1' });
    expect(new DraftChanged(undefined)).toMatchObject({ name: 'DraftChanged', message: 'draft changed', current: undefined });
  });

  it('expires 30 days after the last save, and never later than 90 days after it was started', () => {
    expect(draftExpiry(start, start, lifetime)).toBe(addDays(start, 30));
    expect(draftExpiry(start, addDays(start, 50), lifetime)).toBe(addDays(start, 80));
    expect(draftExpiry(start, addDays(start, 70), lifetime)).toBe(addDays(start, 90));
    // Whole seconds, as the table's expiry attribute keeps them.
    expect(draftExpiry('2026-11-20T10:00:00.999Z', '2026-11-20T10:00:00.999Z', lifetime)).toBe('2026-12-20T10:00:00.000Z');
    expect(isLive({ expiresAt: start }, new Date(start))).toBe(false);
    expect(isLive({ expiresAt: start }, new Date(Date.parse(start) - 1))).toBe(true);
  });

  it('its id is a UUID v7 carrying the time it was started', () => {
    const id = draftIdAt(new Date(start), '0123456789abcdef0123456789abcdef');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toBe('01a1f866-0d00-7def-8123-456789abcdef');
    expect(createdAtOfDraftId(id)).toBe(start);
    expect(draftIdAt(new Date(start), 'ffffffff-ffff-ffff-ffff-ffffffffffff').split('-')[3]).toBe('bfff');
    expect(createdAtOfDraftId('0e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11')).toBeUndefined();
    expect(createdAtOfDraftId('01A1F866-0D00-7DEF-8123-456789ABCDEF')).toBe(start);
  });

  it('the form’s version is a digest of the service’s published form: one per service, the same each time', () => {
    expect(formVersionOf('social-rehabilitation')).toMatch(/^[\w-]{16}$/);
    expect(formVersionOf('social-rehabilitation')).toBe(formVersionOf('social-rehabilitation'));
    expect(formVersionOf('driving-training')).not.toBe(formVersionOf('social-rehabilitation'));
  });

  it('the form versions are generated from the current forms (npm run build:schemas)', () => {
    for (const serviceId of serviceIds) expect(formVersionOf(serviceId), serviceId).toBe(formDigestFromSources(serviceId));
    expect(readFileSync(generatedFormVersionsPath, 'utf8'), 'run npm run build:schemas').toBe(generatedFormVersionsModule());
  });
});

describe('starting a draft', () => {
  it('stores an empty draft of the service, owned by the person key, with a reminder a week before it expires', async () => {
    const { store, deps } = setup();
    const { draft, created } = await createDraft(deps, janis, { serviceId: 'social-rehabilitation', track: 'functional-impairment' }, 'en');
    expect(created).toBe(true);
    expect(draft).toEqual({
      id: expect.stringMatching(/^01a1f866-0d00-7/),
      serviceId: 'social-rehabilitation',
      track: 'functional-impairment',
      version: 1,
      createdAt: start,
      savedAt: start,
      expiresAt: addDays(start, 30),
      content: {},
      errors: [],
      unknownFields: [],
      formChanged: false,
    });
    expect(store.drafts.get(draft.id)).toMatchObject({
      ownerKey: 'key-of-16117519997',
      formVersion: formVersionOf('social-rehabilitation'),
      reminder: { email: 'janis@example.lv', language: 'en', remindAt: addDays(start, 23) },
    });
  });

  it('without an e-mail address there is no reminder; a service of one track takes it at once', async () => {
    const { store, deps } = setup();
    const { email: _none, ...noEmail } = janis;
    const { draft } = await createDraft(deps, noEmail, { serviceId: 'driving-training' }, 'lv');
    expect(draft.track).toBe('category-b');
    expect(store.drafts.get(draft.id)).not.toHaveProperty('reminder');
    const several = await createDraft(deps, janis, { serviceId: 'social-rehabilitation' }, 'lv');
    expect(several.draft).not.toHaveProperty('track');
  });

  it('refuses a track the service does not have', async () => {
    const refused = await failure(createDraft(setup().deps, janis, { serviceId: 'driving-training', track: 'category-c' }, 'lv'));
    expect(refused.kind).toBe('validation');
    expect(refused.violations).toEqual([{ path: ['track'], code: 'unknown_track' }]);
  });

  it('asked again for the same service and track, answers the live draft there', async () => {
    const { store, deps } = setup();
    const first = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    const again = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    expect(again).toEqual({ draft: first.draft, created: false });
    expect(store.drafts.size).toBe(1);
  });

  it('takes over a slot whose draft is gone or expired', async () => {
    const { store, deps, clock } = setup();
    const first = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    clock.set(addDays(start, 31));
    const second = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    expect(second.created).toBe(true);
    expect(second.draft.id).not.toBe(first.draft.id);
    store.drafts.delete(second.draft.id);
    expect((await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv')).created).toBe(true);
  });

  it('a store failure other than a taken slot passes through', async () => {
    const { store, deps } = setup();
    const outage = new Error('throttled');
    store.insert = async () => {
      throw outage;
    };
    await expect(createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv')).rejects.toBe(outage);
  });
});

describe('reading one’s drafts', () => {
  it('lists the live ones, newest first, without their content; anyone else’s and expired ones are not there', async () => {
    const { deps, clock } = setup();
    const old = await createDraft(deps, janis, { serviceId: 'social-rehabilitation', track: 'chernobyl' }, 'lv');
    clock.set(addDays(start, 1));
    const newer = await createDraft(deps, janis, { serviceId: 'social-rehabilitation' }, 'lv');
    await createDraft(deps, stranger, { serviceId: 'driving-training' }, 'lv');
    const listed = await listDrafts(deps, janis);
    // Strictly: a draft without a track has no track field at all.
    expect(listed).toStrictEqual([
      { id: newer.draft.id, serviceId: 'social-rehabilitation', version: 1, createdAt: addDays(start, 1), savedAt: addDays(start, 1), expiresAt: addDays(start, 31) },
      { id: old.draft.id, serviceId: 'social-rehabilitation', track: 'chernobyl', version: 1, createdAt: start, savedAt: start, expiresAt: addDays(start, 30) },
    ]);
    clock.set(addDays(start, 30));
    expect((await listDrafts(deps, janis)).map((draft) => draft.id)).toEqual([newer.draft.id]);
  });

  it('one draft reads back for its owner only, while live; otherwise the same 404', async () => {
    const { deps, clock } = setup();
    const { draft } = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    expect((await getDraft(deps, janis, draft.id)).id).toBe(draft.id);
    expect((await failure(getDraft(deps, stranger, draft.id))).kind).toBe('not-found');
    expect((await failure(getDraft(deps, janis, 'missing'))).kind).toBe('not-found');
    clock.set(draft.expiresAt);
    expect((await failure(getDraft(deps, janis, draft.id))).kind).toBe('not-found');
  });

  it('reports the form’s field errors where filled in, fields the form does not have, and a changed form', async () => {
    const { store, deps } = setup();
    const { draft } = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    store.drafts.set(draft.id, { ...store.drafts.get(draft.id)!, content: { applicant: { email: 'not-an-address' }, shoeSize: 44 }, formVersion: 'older' });
    const view = await getDraft(deps, janis, draft.id);
    expect(view.errors).toEqual([
      expect.objectContaining({ path: ['applicant', 'email'], code: 'invalid_email' }),
      expect.objectContaining({ path: ['shoeSize'], code: 'unknown_field' }),
    ]);
    expect(view.unknownFields).toEqual(['shoeSize']);
    expect(view.formChanged).toBe(true);
    expect(view.content).toEqual({ applicant: { email: 'not-an-address' }, shoeSize: 44 });
  });

  it('says nothing of what is not filled in yet, nor of evidence before a track is chosen', () => {
    expect(draftViolations('social-rehabilitation', 'functional-impairment', {})).toEqual([]);
    // Nothing filled in is still judged against the track: one the service no longer has is named.
    expect(draftViolations('social-rehabilitation', 'retired-track', {})).toEqual([
      expect.objectContaining({ path: ['track'], code: 'invalid_choice' }),
    ]);
    expect(draftViolations('social-rehabilitation', undefined, { evidence: { disabilityGroup: 'V' } })).toEqual([]);
    expect(draftViolations('social-rehabilitation', 'functional-impairment', { evidence: { disabilityGroup: 'V' } })).toEqual([
      expect.objectContaining({ path: ['evidence', 'disabilityGroup'] }),
    ]);
  });
});

describe('saving a draft', () => {
  const started = async () => {
    const context = setup();
    const { draft } = await createDraft(context.deps, janis, { serviceId: 'social-rehabilitation' }, 'lv');
    return { ...context, id: draft.id };
  };

  it('needs the version read: none is a 428, one that names no version a 400', async () => {
    expect(() => expectedVersionOf(undefined)).toThrow(expect.objectContaining({ kind: 'precondition-required', violations: [{ path: ['If-Match'], code: 'if_match_required' }] }));
    expect(() => expectedVersionOf('"abc"')).toThrow(expect.objectContaining({ kind: 'validation', violations: [{ path: ['If-Match'], code: 'if_match_required' }] }));
    expect(expectedVersionOf('W/"7"')).toBe(7);
  });

  it('writes the content at the next version, moves the expiry on and keeps the track chosen', async () => {
    const { store, deps, clock, id } = await started();
    clock.set(addDays(start, 10));
    const saved = await saveDraft(deps, janis, id, '"1"', { serviceId: 'social-rehabilitation', track: 'chernobyl', applicant: { phone: '+371 20000000' } }, 'en');
    expect(saved).toMatchObject({ id, version: 2, track: 'chernobyl', createdAt: start, savedAt: addDays(start, 10), expiresAt: addDays(start, 40), content: { applicant: { phone: '+371 20000000' } } });
    expect(store.drafts.get(id)?.reminder).toEqual({ email: 'janis@example.lv', language: 'en', remindAt: addDays(start, 33) });
    expect(store.drafts.get(id)?.formVersion).toBe(formVersionOf('social-rehabilitation'));
    // A later save without naming the track keeps it.
    const again = await saveDraft(deps, janis, id, '2', { serviceId: 'social-rehabilitation' }, 'en');
    expect(again).toMatchObject({ version: 3, track: 'chernobyl', content: {} });
  });

  it('a save on an older version is a 412 naming the version stored now', async () => {
    const { deps, id } = await started();
    await saveDraft(deps, janis, id, '1', { serviceId: 'social-rehabilitation' }, 'lv');
    const refused = await failure(saveDraft(deps, janis, id, '1', { serviceId: 'social-rehabilitation' }, 'lv'));
    expect(refused.kind).toBe('precondition-failed');
    expect(refused.violations).toEqual([{ path: ['If-Match'], code: 'draft_stale', params: { currentVersion: 2 } }]);
    expect(refused.extensions).toEqual({ currentVersion: 2 });
  });

  it('the service, and a track once chosen, stay as they are', async () => {
    const { deps, id } = await started();
    await saveDraft(deps, janis, id, '1', { serviceId: 'social-rehabilitation', track: 'chernobyl' }, 'lv');
    const otherService = await failure(saveDraft(deps, janis, id, '2', { serviceId: 'driving-training' }, 'lv'));
    expect(otherService.violations).toEqual([{ path: ['serviceId'], code: 'draft_service_fixed' }]);
    const otherTrack = await failure(saveDraft(deps, janis, id, '2', { serviceId: 'social-rehabilitation', track: 'politically-repressed' }, 'lv'));
    expect(otherTrack.kind).toBe('validation');
    expect(otherTrack.violations).toEqual([{ path: ['track'], code: 'draft_service_fixed' }]);
    expect((await failure(saveDraft(deps, janis, id, '2', { serviceId: 'social-rehabilitation', track: 'no-such-track' }, 'lv'))).violations[0]?.code).toBe('unknown_track');
  });

  it('someone else’s, an expired, a missing or an unissued draft is the same 404', async () => {
    const { deps, clock, id } = await started();
    expect((await failure(saveDraft(deps, stranger, id, '1', { serviceId: 'social-rehabilitation' }, 'lv'))).kind).toBe('not-found');
    expect((await failure(saveDraft(deps, janis, draftIdAt(new Date(start), crypto.randomUUID()), '1', { serviceId: 'social-rehabilitation' }, 'lv'))).kind).toBe('not-found');
    expect((await failure(saveDraft(deps, janis, '0e2f4a36-3b7c-4c55-9e0e-0c2b1f4b7a11', '1', { serviceId: 'social-rehabilitation' }, 'lv'))).kind).toBe('not-found');
    clock.set(addDays(start, 30));
    expect((await failure(saveDraft(deps, janis, id, '1', { serviceId: 'social-rehabilitation' }, 'lv'))).kind).toBe('not-found');
  });

  it('a store failure other than a changed draft passes through', async () => {
    const { store, deps, id } = await started();
    const outage = new Error('throttled');
    store.save = async () => {
      throw outage;
    };
    await expect(saveDraft(deps, janis, id, '1', { serviceId: 'social-rehabilitation' }, 'lv')).rejects.toBe(outage);
  });
});

describe('deleting and submitting a draft', () => {
  it('the owner deletes their draft; no one else can', async () => {
    const { store, deps } = setup();
    const { draft } = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    expect((await failure(deleteDraft(deps, stranger, draft.id))).kind).toBe('not-found');
    await deleteDraft(deps, janis, draft.id);
    expect(store.drafts.size).toBe(0);
  });

  const withApplications = () => {
    const context = setup();
    const applicationStore = new InMemoryStore();
    const applications: ApplicationDeps = {
      store: applicationStore,
      clock: context.clock,
      newId: sequentialIds('app'),
      rules: defaultRules,
      referencePrefix: 'SIVA',
      personKey: context.deps.personKey,
      representativeDailyLimit: 5,
      fingerprint: (body) => JSON.stringify(body),
    };
    return { ...context, applicationStore, submitDeps: { ...context.deps, applications } };
  };

  it('submits as an application, handing the draft and its uploads over in the same write; asked again, the same answer', async () => {
    const { store, applicationStore, submitDeps } = withApplications();
    const form = validForm('social-rehabilitation', 'functional-impairment', '2026-11-20');
    const { draft } = await createDraft(submitDeps, janis, { serviceId: 'social-rehabilitation', track: 'functional-impairment' }, 'lv');
    const { serviceId: _s, track: _t, ...content } = form;
    await saveDraft(submitDeps, janis, draft.id, '1', { serviceId: 'social-rehabilitation', track: 'functional-impairment', ...content }, 'lv');
    const clean = { id: 'u-1', state: 'clean' } as Upload;
    store.uploads.set(draft.id, [clean]);
    const first = await submitDraft(submitDeps, janis, draft.id);
    expect(first.replayed).toBe(false);
    expect(applicationStore.handovers).toEqual([{ draftId: draft.id, draftVersion: 2, uploads: [clean] }]);
    expect(applicationStore.idempotency.get(`draft|key-of-16117519997|${draft.id}`)?.receipt).toEqual(first.receipt);
    // The handover deleted the draft in the same write: a repeated submit is answered from the idempotency record.
    store.drafts.delete(draft.id);
    expect(await submitDraft(submitDeps, janis, draft.id)).toEqual({ receipt: first.receipt, replayed: true });
  });

  it('an unfinished draft is refused with its field messages; a pending upload with the upload named', async () => {
    const { store, submitDeps } = withApplications();
    const { draft } = await createDraft(submitDeps, janis, { serviceId: 'driving-training' }, 'lv');
    const unfinished = await failure(submitDraft(submitDeps, janis, draft.id));
    expect(unfinished.kind).toBe('validation');
    expect(unfinished.violations.map((v) => v.path.join('.'))).toContain('applicant');
    const form = validForm('driving-training', 'category-b', '2026-11-20');
    const { serviceId: _s, track: _t, ...content } = form;
    await saveDraft(submitDeps, janis, draft.id, '1', { serviceId: 'driving-training', ...content }, 'lv');
    store.uploads.set(draft.id, [{ id: 'u-1', state: 'pending' } as Upload]);
    const pending = await failure(submitDraft(submitDeps, janis, draft.id));
    expect(pending.kind).toBe('conflict');
    expect(pending.violations).toEqual([{ path: ['uploads', 0], code: 'upload_pending' }]);
    expect((await failure(submitDraft(submitDeps, stranger, draft.id))).kind).toBe('not-found');
  });
});

describe('a draft’s uploads', () => {
  it('their status is read only through the owner’s live draft', async () => {
    const { deps } = setup();
    const { draft } = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    const upload = { id: 'u-1', draftId: draft.id, uploader: { role: 'citizen', subject: 'eid-janis' }, state: 'rejected', reason: 'malware' } as Upload;
    const uploads = { store: { find: async (id: string) => (id === upload.id ? upload : undefined) } } as never;
    expect(await draftUploadStatus({ ...deps, uploads }, janis, draft.id, 'u-1')).toEqual({ uploadId: 'u-1', state: 'rejected', reason: 'malware' });
    expect((await failure(draftUploadStatus({ ...deps, uploads }, stranger, draft.id, 'u-1'))).kind).toBe('not-found');
  });

  it('go with a draft that went unsubmitted: files first, then items, then the quota', async () => {
    const { store } = setup();
    const steps: string[] = [];
    store.uploads.set('d-1', [
      { id: 'u-clean', state: 'clean', evidenceKey: 'evidence/u-clean' } as Upload,
      { id: 'u-pending', state: 'pending' } as Upload,
      { id: 'u-rejected', state: 'rejected' } as Upload,
    ]);
    const storage = {
      discardEvidence: async (key: string) => void steps.push(`evidence ${key}`),
      discardQuarantined: async (id: string) => void steps.push(`quarantine ${id}`),
    };
    const count = await discardDraftUploads(
      {
        store: {
          listUploads: (id) => store.listUploads(id),
          discardUpload: async (upload) => void steps.push(`item ${upload.id}`),
          discardQuota: async (id) => void steps.push(`quota ${id}`),
        },
        storage,
      },
      'd-1',
    );
    expect(count).toBe(3);
    expect(steps).toEqual(['evidence evidence/u-clean', 'item u-clean', 'quarantine u-pending', 'item u-pending', 'item u-rejected', 'quota d-1']);
  });
});

describe('reminders', () => {
  it('each due draft’s owner gets one e-mail per expiry date; a failed send is put back for the next run', async () => {
    const { store, deps, clock } = setup();
    const first = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'en');
    clock.set(addDays(start, 1));
    const second = await createDraft(deps, janis, { serviceId: 'social-rehabilitation' }, 'lv');
    const sent: DraftReminderEmail[] = [];
    let failNext = true;
    const send = async (email: DraftReminderEmail) => {
      if (email.draftId === second.draft.id && failNext) {
        failNext = false;
        throw new Error('SES throttled');
      }
      sent.push(email);
    };
    expect(await remindDueDrafts({ store, send }, new Date(addDays(start, 22)))).toEqual({ sent: 0, failed: 0 });
    expect(await remindDueDrafts({ store, send }, new Date(addDays(start, 25)))).toEqual({ sent: 1, failed: 1 });
    expect(sent).toEqual([{ to: 'janis@example.lv', language: 'en', expiresAt: addDays(start, 30), draftId: first.draft.id }]);
    expect(store.released).toEqual([second.draft.id]);
    expect(await remindDueDrafts({ store, send }, new Date(addDays(start, 25)))).toEqual({ sent: 1, failed: 0 });
    expect(await remindDueDrafts({ store, send }, new Date(addDays(start, 26)))).toEqual({ sent: 0, failed: 0 });
  });

  it('an expired draft, one changed since it was listed, and more than the limit are left for later', async () => {
    const { store, deps } = setup();
    const { draft } = await createDraft(deps, janis, { serviceId: 'driving-training' }, 'lv');
    const stored = store.drafts.get(draft.id)!;
    const sent: string[] = [];
    const send = async (email: DraftReminderEmail) => void sent.push(email.draftId);
    expect(await remindDueDrafts({ store, send }, new Date(addDays(start, 31)))).toEqual({ sent: 0, failed: 0 });
    store.dueReminders = async () => [{ ...stored, version: 0 }];
    expect(await remindDueDrafts({ store, send }, new Date(addDays(start, 24)))).toEqual({ sent: 0, failed: 0 });
    const { reminder: _none, ...unreminded } = stored;
    store.dueReminders = async (_now, limit) => (limit === 100 ? [unreminded] : []);
    expect(await remindDueDrafts({ store, send }, new Date(addDays(start, 24)))).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual([]);
  });
});

describe('a draft, at the edges', () => {
  it('without a track chosen, is stored and saved with no track field at all', async () => {
    const { store, deps } = setup();
    const { draft } = await createDraft(deps, janis, { serviceId: 'social-rehabilitation' }, 'lv');
    expect(store.drafts.get(draft.id)).not.toHaveProperty('track');
    await saveDraft(deps, janis, draft.id, '1', { serviceId: 'social-rehabilitation', applicant: { phone: '+371 20000000' } }, 'lv');
    expect(store.drafts.get(draft.id)).not.toHaveProperty('track');
  });

  it('lists the newest first whatever order the store gives them in', async () => {
    const { store, deps, clock } = setup();
    const ids: string[] = [];
    for (const [day, serviceId] of [[2, 'driving-training'], [0, 'social-rehabilitation'], [1, 'vehicle-adaptation']] as const) {
      clock.set(addDays(start, day));
      ids[day] = (await createDraft(deps, janis, { serviceId }, 'lv')).draft.id;
    }
    const scrambled = [...store.drafts.values()];
    store.listOwned = async () => scrambled;
    expect((await listDrafts(deps, janis)).map(({ id }) => id)).toEqual([ids[2], ids[1], ids[0]]);
  });

  it('an id with anything before its UUID was never issued: no time is read from it', async () => {
    const issued = draftIdAt(new Date(start), crypto.randomUUID());
    expect(createdAtOfDraftId(issued)).toBe(start);
    expect(createdAtOfDraftId(`x${issued}`)).toBeUndefined();
    const { deps } = setup();
    expect((await failure(saveDraft(deps, janis, `draft-${issued}`, '1', { serviceId: 'social-rehabilitation' }, 'lv'))).kind).toBe('not-found');
  });

  it('is judged against its own track’s evidence once one is chosen, and a complete form has nothing to say', () => {
    expect(draftViolations('social-rehabilitation', 'after-medical-rehabilitation', { evidence: { dischargeSummaryNumber: 'IZR-2026-114' } })).toEqual([]);
    expect(draftViolations('social-rehabilitation', 'after-medical-rehabilitation', { evidence: { subacute: 'yes' } })).toEqual([
      expect.objectContaining({ path: ['evidence', 'subacute'], code: 'wrong_type' }),
    ]);
    expect(draftViolations('driving-training', 'category-b', validForm('driving-training', 'category-b', start.slice(0, 10)) as Record<string, unknown>)).toEqual([]);
  });

  it('a stale save is a 412 unless it would change the service or a chosen track: choosing one, or naming none, changes nothing fixed', async () => {
    const { deps } = setup();
    const { draft } = await createDraft(deps, janis, { serviceId: 'social-rehabilitation' }, 'lv');
    await saveDraft(deps, janis, draft.id, '1', { serviceId: 'social-rehabilitation' }, 'lv');
    // Stored without a track: a stale save choosing one is only stale.
    expect((await failure(saveDraft(deps, janis, draft.id, '1', { serviceId: 'social-rehabilitation', track: 'chernobyl' }, 'lv'))).kind).toBe('precondition-failed');
    await saveDraft(deps, janis, draft.id, '2', { serviceId: 'social-rehabilitation', track: 'chernobyl' }, 'lv');
    // Stored with one: a stale save naming none, or the same one, is only stale.
    expect((await failure(saveDraft(deps, janis, draft.id, '1', { serviceId: 'social-rehabilitation' }, 'lv'))).kind).toBe('precondition-failed');
    expect((await failure(saveDraft(deps, janis, draft.id, '1', { serviceId: 'social-rehabilitation', track: 'chernobyl' }, 'lv'))).kind).toBe('precondition-failed');
  });
});
