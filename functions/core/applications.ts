/**
 * Use cases of applications as their filers see them: a citizen applies for
 * themself or someone they represent, a referring officer files a referral;
 * both read and list what they filed. Pure orchestration: storage, clock,
 * ids and hashing are passed in.
 */
import type { ApplicationSubmission } from '../../schemas/application';
import { checkPersonalCode } from '../../schemas/personal-code';
import { violation, type Violation } from '../../schemas/messages';
import type { ReferralSubmission } from '../../schemas/referral';
import type { FiledBy, ReferrerKind } from '../../schemas/services';
import { canRead, readableOrNotFound, readLink } from './access';
import { DomainError, notEligible, notFound, validationFailed } from './errors';
import { formViolations } from './eligibility';
import { rigaDate } from './dates';
import type { Application, DecisionRecord, NotificationRecord, Principal, PrincipalFor, ReferralRecord, TimelineEvent } from './model';
import type { EligibilityRules } from './rules';
import type { Upload } from './uploads';

export type CitizenPrincipal = PrincipalFor<'citizen'>;
export type ReferrerPrincipal = PrincipalFor<ReferrerKind>;

export interface ApplicationRecord {
  readonly application: Application;
  readonly timeline: readonly TimelineEvent[];
  readonly notifications: readonly NotificationRecord[];
  readonly decisions: readonly DecisionRecord[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/** What the filer is told on acceptance; kept with the idempotency key so a replay answers the same. */
export interface Receipt {
  readonly id: string;
  readonly reference: string;
  readonly status: Application['status'];
  readonly submittedAt: string;
}

export interface IdempotencyRecord {
  /** Keys are per caller: one caller's key never meets another's. */
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly receipt: Receipt;
}

/** The person already has an open application for this service and track. */
export class OpenApplicationExists extends Error {
  constructor(readonly applicationId: string) {
    super('open application exists');
    this.name = 'OpenApplicationExists';
  }
}

/** The representative has filed as many applications today as the daily limit allows. */
export class DailyFilingLimitReached extends Error {
  override readonly name = 'DailyFilingLimitReached';
}

/** A representative's filings of one day, counted in the same write as the application. */
export interface FilingQuota {
  readonly filer: string;
  readonly day: string;
  readonly limit: number;
}

/** A concurrent request with the same idempotency key stored first. */
export class IdempotencyKeyTaken extends Error {
  override readonly name = 'IdempotencyKeyTaken';
}

/**
 * A submission from a saved draft (core/drafts.ts): in the same write as the application, the draft (at the
 * version read) is deleted and its clean uploads become the application's attachments, or nothing happens.
 */
export interface DraftHandover {
  readonly draftId: string;
  readonly draftVersion: number;
  readonly uploads: readonly Upload[];
}

export interface ApplicationStore {
  /** The next number of the year's reference sequence (atomic, never reused). */
  nextReferenceNumber(year: string): Promise<number>;
  /**
   * Stores the application, its first timeline event, the person's open-need
   * marker (unless it is flagged as a possible duplicate), the idempotency
   * record and the filer's daily count together, or nothing. Throws
   * OpenApplicationExists, IdempotencyKeyTaken or DailyFilingLimitReached. From a draft, the handover is part
   * of the same write.
   */
  insertSubmitted(
    application: Application,
    event: TimelineEvent,
    idempotency?: IdempotencyRecord,
    quota?: FilingQuota,
    handover?: DraftHandover,
  ): Promise<void>;
  findApplication(id: string): Promise<Application | undefined>;
  findWithTimeline(id: string): Promise<ApplicationRecord | undefined>;
  findIdempotencyRecord(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** What the account filed and what is filed about the person (by person key), newest first, each once. */
  listForPerson(ownerSubject: string, personKey: string, page: PageRequest): Promise<Page<Application>>;
  listByReferrer(kind: ReferrerKind, organisation: string, page: PageRequest): Promise<Page<Application>>;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface ApplicationDeps {
  readonly store: ApplicationStore;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly rules: EligibilityRules;
  readonly referencePrefix: string;
  /** A keyed MAC of a personal code (the code itself never becomes a key; docs/person-key.md). */
  readonly personKey: (personalCode: string) => Promise<string>;
  /** Applications one representative may file per day (docs/access.md). */
  readonly representativeDailyLimit: number;
  /** A digest of a request body, to tell a replay from a different request under the same key. */
  readonly fingerprint: (body: unknown) => string;
}

/** The caller's `Idempotency-Key`, when sent, and whose it is. */
export interface IdempotencyRequest {
  readonly key: string;
  /** The caller (idempotencyScope): one caller's key never meets another's. */
  readonly scope: string;
}

/** Issuer and subject: two issuers (eID, the workforce pool) may hand out the same subject. */
export const idempotencyScope = (issuer: string, subject: string): string => `${issuer}|${subject}`;

export interface Submission {
  readonly receipt: Receipt;
  /** True when this answers a repeated request with the first answer. */
  readonly replayed: boolean;
}

export const formatReference = (prefix: string, year: string, sequence: number): string =>
  `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;

export const timelineEventId = (at: string, random: string): string => `${at}#${random.slice(0, 8)}`;

const normalisedCode = (code: string) => code.replace('-', '');

interface Identity {
  readonly personalCode: string;
  readonly givenName: string;
  readonly familyName: string;
}

/** Name and code of a person the filer names in the form (a represented person, a referred client). */
const namedPerson = (form: ApplicationSubmission, codeMissing: 'represented_person_code_required' | 'required') => {
  const { applicant } = form;
  const violations: Violation[] = [];
  if (!applicant.personalCode) violations.push(violation(['applicant', 'personalCode'], codeMissing));
  if (!applicant.givenName) violations.push(violation(['applicant', 'givenName'], 'required'));
  if (!applicant.familyName) violations.push(violation(['applicant', 'familyName'], 'required'));
  const identity: Identity = {
    personalCode: applicant.personalCode ? normalisedCode(applicant.personalCode) : '',
    givenName: applicant.givenName ?? '',
    familyName: applicant.familyName ?? '',
  };
  return { violations, identity };
};

/**
 * Who a citizen's application is for. Applying for oneself, identity comes
 * from the verified token, never from the form; a representative names the
 * person represented and is recorded from their own token.
 */
const citizenApplicant = (principal: CitizenPrincipal, form: ApplicationSubmission) => {
  const contact: Violation[] = form.applicant.email ? [] : [violation(['applicant', 'email'], 'required')];
  if (form.representative) {
    const named = namedPerson(form, 'represented_person_code_required');
    return { violations: [...named.violations, ...contact], identity: named.identity };
  }
  const violations = [...contact];
  if (form.applicant.personalCode && normalisedCode(form.applicant.personalCode) !== principal.personalCode) {
    violations.push(violation(['applicant', 'personalCode'], 'not_own_personal_code'));
  }
  // A new-format code carries no birth date, so the form's would be self-declared: eID's decides when it has one.
  // (An old-format code's own date is checked with the form's rules, formViolations.)
  const code = checkPersonalCode(principal.personalCode);
  if (code.valid && code.format === 'new' && principal.birthDate && principal.birthDate !== form.applicant.dateOfBirth) {
    violations.push(violation(['applicant', 'dateOfBirth'], 'birth_date_not_eid'));
  }
  const identity: Identity = { personalCode: principal.personalCode, givenName: principal.givenName, familyName: principal.familyName };
  return { violations, identity };
};

interface Draft {
  readonly form: ApplicationSubmission;
  readonly identity: Identity;
  readonly filer: FiledBy;
  readonly actor: { readonly role: Principal['role']; readonly subject: string };
  readonly channel: Application['channel'];
  readonly ownerSubject?: string;
  readonly representative?: Application['representative'];
  readonly referral?: ReferralRecord;
}

export const receiptOf = (application: Application): Receipt => ({
  id: application.id,
  reference: application.reference,
  status: application.status,
  submittedAt: application.submittedAt,
});

/** The person's own duplicate, with a link to the open application they can follow instead. */
const duplicateOf = (principal: Principal, open: Application): DomainError =>
  new DomainError('duplicate-application', [violation(['serviceId'], 'duplicate_application')], {
    openApplication: { id: open.id, href: readLink(principal, open.id), status: open.status },
  });

/**
 * Stores a filing. Whether the person already has an open application is another person's data: only the
 * person themself, seeing their own open application, is told (409 with its link). A representative's or an
 * officer's filing that meets an open need is stored all the same, flagged for staff as a possible duplicate,
 * and answered like any other, so a filing is never an oracle on whether someone has (say) an addiction or
 * trafficking case open. So is a person's own filing when the open one is not theirs to see (someone else's
 * filing under a mistyped code): they are not locked out, and staff sort it out.
 */
const insert = async (
  deps: ApplicationDeps,
  principal: Principal,
  draft: Draft,
  application: Application,
  event: TimelineEvent,
  idempotency?: IdempotencyRecord,
  quota?: FilingQuota,
  handover?: DraftHandover,
): Promise<void> => {
  try {
    await deps.store.insertSubmitted(application, event, idempotency, quota, handover);
  } catch (error) {
    if (!(error instanceof OpenApplicationExists)) throw error;
    if (draft.channel === 'self') {
      const open = await deps.store.findApplication(error.applicationId);
      if (open && canRead(principal, open)) throw duplicateOf(principal, open);
    }
    await deps.store.insertSubmitted({ ...application, possibleDuplicateOf: error.applicationId }, event, idempotency, quota, handover);
  }
};

/** The first answer to a repeated request, or a refusal when the key came with another body. */
const replay = (record: IdempotencyRecord, fingerprint: string): Submission => {
  if (record.fingerprint !== fingerprint) {
    throw new DomainError('idempotency-key-reused', [violation([], 'idempotency_key_reused')]);
  }
  return { receipt: record.receipt, replayed: true };
};

/** Checks, numbers and stores a draft: one path for citizens and referrers, so the rules and guarantees are the same. */
const file = async (
  deps: ApplicationDeps,
  principal: Principal,
  draft: Draft,
  body: unknown,
  idempotency?: IdempotencyRequest,
  handover?: DraftHandover,
): Promise<Submission> => {
  const fingerprint = deps.fingerprint(body);
  if (idempotency) {
    const earlier = await deps.store.findIdempotencyRecord(idempotency.scope, idempotency.key);
    if (earlier) return replay(earlier, fingerprint);
  }

  const now = deps.clock();
  const today = rigaDate(now);
  const violations = formViolations(draft.form, { personalCode: draft.identity.personalCode, filer: draft.filer, today, rules: deps.rules });
  if (violations.length > 0) throw notEligible(violations);

  const year = today.slice(0, 4);
  const sequence = await deps.store.nextReferenceNumber(year);
  const at = now.toISOString();
  const { form, identity } = draft;
  const application: Application = {
    id: deps.newId(),
    reference: formatReference(deps.referencePrefix, year, sequence),
    serviceId: form.serviceId,
    track: form.track,
    status: 'submitted',
    version: 1,
    channel: draft.channel,
    ...(draft.ownerSubject && { ownerSubject: draft.ownerSubject }),
    ...(draft.referral && { referral: draft.referral }),
    personKey: await deps.personKey(identity.personalCode),
    applicant: { ...form.applicant, ...identity },
    ...(draft.representative && { representative: draft.representative }),
    evidence: form.evidence,
    language: form.applicant.language,
    submittedAt: at,
    updatedAt: at,
  };
  const event: TimelineEvent = {
    applicationId: application.id,
    id: timelineEventId(at, deps.newId()),
    type: 'submitted',
    at,
    actor: draft.actor,
    status: 'submitted',
    details: { channel: application.channel, ...(draft.referral && { referrer: draft.referral.kind }) },
  };
  const receipt = receiptOf(application);
  const record = idempotency && { scope: idempotency.scope, key: idempotency.key, fingerprint, receipt };
  const quota = draft.channel === 'representative' ? { filer: principal.subject, day: today, limit: deps.representativeDailyLimit } : undefined;
  try {
    await insert(deps, principal, draft, application, event, record, quota, handover);
  } catch (error) {
    if (error instanceof IdempotencyKeyTaken && idempotency) {
      // A concurrent duplicate won the race: answer with what it stored.
      const winner = await deps.store.findIdempotencyRecord(idempotency.scope, idempotency.key);
      if (winner) return replay(winner, fingerprint);
    }
    if (error instanceof DailyFilingLimitReached) {
      throw new DomainError('too-many-requests', [violation(['representative'], 'representative_daily_limit', { limit: deps.representativeDailyLimit })]);
    }
    throw error;
  }
  return { receipt, replayed: false };
};

export const submitApplication = async (
  deps: ApplicationDeps,
  principal: CitizenPrincipal,
  form: ApplicationSubmission,
  idempotency?: IdempotencyRequest,
  handover?: DraftHandover,
): Promise<Submission> => {
  const { violations, identity } = citizenApplicant(principal, form);
  if (violations.length > 0) throw notEligible(violations);
  const draft: Draft = {
    form,
    identity,
    filer: 'citizen',
    actor: { role: 'citizen', subject: principal.subject },
    channel: form.representative ? 'representative' : 'self',
    ownerSubject: principal.subject,
    ...(form.representative && {
      representative: {
        ...form.representative,
        personalCode: principal.personalCode,
        givenName: principal.givenName,
        familyName: principal.familyName,
      },
    }),
  };
  return file(deps, principal, draft, form, idempotency, handover);
};

/** A referring officer files for a client; the organisation and the officer come from the sign-in. */
export const submitReferral = async (
  deps: ApplicationDeps,
  principal: ReferrerPrincipal,
  submission: ReferralSubmission,
  idempotency?: IdempotencyRequest,
): Promise<Submission> => {
  const { application: form, referral } = submission;
  // The client is named in the form; a representative section makes no sense when an organisation files.
  const named = namedPerson(form, 'required');
  const prefixed = named.violations.map((v) => violation(['application', ...v.path], v.code, v.params));
  if (form.representative) prefixed.push(violation(['application', 'representative'], 'unknown_field'));
  if (!principal.organisation) throw new DomainError('forbidden');
  if (prefixed.length > 0) throw validationFailed(prefixed);

  const officerEmail = referral.officerEmail ?? principal.email;
  const record: ReferralRecord = {
    kind: principal.role,
    organisation: principal.organisation,
    officerSubject: principal.subject,
    officerName: principal.name,
    ...(officerEmail && { officerEmail }),
    ...(referral.officerPhone && { officerPhone: referral.officerPhone }),
    ...(referral.doctorName && { doctorName: referral.doctorName }),
    number: referral.number,
    date: referral.date,
    clientConsent: referral.clientConsent,
  };
  const draft: Draft = {
    form,
    identity: named.identity,
    filer: principal.role,
    actor: { role: principal.role, subject: principal.subject },
    channel: 'referral',
    referral: record,
  };
  try {
    return await file(deps, principal, draft, submission, idempotency);
  } catch (error) {
    // The form sits under `application` in a referral: point each field message there.
    if (error instanceof DomainError && error.kind === 'not-eligible') {
      throw notEligible(error.violations.map((v) => violation(['application', ...v.path], v.code, v.params)));
    }
    throw error;
  }
};

/** One application the caller may read; anyone else's is indistinguishable from a missing one. */
export const getApplication = async (deps: Pick<ApplicationDeps, 'store'>, principal: Principal, id: string): Promise<ApplicationRecord> =>
  readableBy(principal, await deps.store.findWithTimeline(id));

/** getApplication's access check, for a record already read (the portal reads it beside the session): 404 unless the caller may read it. */
export const readableBy = (principal: Principal, record: ApplicationRecord | undefined): ApplicationRecord => {
  if (!record) throw notFound();
  readableOrNotFound(principal, record.application);
  return record;
};

/**
 * GET /applications: everything the caller filed and everything filed about them (referrals, a
 * representative's filings), newest first. A record found by their person key whose name or birth
 * date is not theirs (a mistyped code) is someone else's and left out.
 */
export const listApplicationsOf = async (
  deps: Pick<ApplicationDeps, 'store' | 'personKey'>,
  principal: CitizenPrincipal,
  page: PageRequest,
): Promise<Page<Application>> => {
  const found = await deps.store.listForPerson(principal.subject, await deps.personKey(principal.personalCode), page);
  return { ...found, items: found.items.filter((application) => canRead(principal, application)) };
};

/** The officer's organisation's referrals (of the officer's kind: a municipality's social service sees its own only). */
export const listReferrals = (deps: Pick<ApplicationDeps, 'store'>, principal: ReferrerPrincipal, page: PageRequest): Promise<Page<Application>> => {
  if (!principal.organisation) throw new DomainError('forbidden');
  return deps.store.listByReferrer(principal.role, principal.organisation, page);
};

/** How many of an organisation's newest referrals one search reads at most (5 Query pages of 100). */
export const referralSearchDepth = 500;

/** Case, accents and spacing do not matter: "kalnina" finds Kalniņa. */
const searchable = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A referral matches when its reference holds the term, or its client's name holds every word of it. */
export const referralMatches = (application: Application, term: string): boolean => {
  const wanted = searchable(term);
  if (wanted === '') return false;
  if (searchable(application.reference).includes(wanted)) return true;
  const name = searchable(`${application.applicant.givenName} ${application.applicant.familyName}`);
  return wanted.split(' ').every((word) => name.includes(word));
};

export interface ReferralSearch {
  readonly items: readonly Application[];
  /** How many referrals were read; less than `referralSearchDepth` when the organisation has no more. */
  readonly searched: number;
  /** Every referral of the organisation was searched. */
  readonly complete: boolean;
}

/**
 * The officer's organisation's referrals whose reference or client name matches, newest first. It reads the
 * organisation's own list (the Query behind `listReferrals`, never a Scan, so no other organisation's item is read)
 * page by page, up to `referralSearchDepth` referrals, and matches here: names are not keys, and a personal code is
 * not searchable at all (docs/workforce-officers.md).
 */
export const searchReferrals = async (deps: Pick<ApplicationDeps, 'store'>, principal: ReferrerPrincipal, term: string, limit: number): Promise<ReferralSearch> => {
  const found: Application[] = [];
  let searched = 0;
  let cursor: string | undefined;
  do {
    const page = await listReferrals(deps, principal, { limit: Math.min(100, referralSearchDepth - searched), ...(cursor && { cursor }) });
    searched += page.items.length;
    found.push(...page.items.filter((application) => referralMatches(application, term)));
    cursor = page.nextCursor;
  } while (cursor && searched < referralSearchDepth && found.length < limit);
  return { items: found.slice(0, limit), searched, complete: !cursor };
};
