/**
 * Filing an application: a citizen applies for themself or someone they represent, a referring officer files a
 * referral. Pure orchestration: storage, clock, ids and hashing are passed in (ports.ts).
 */
import type { ApplicationSubmission } from '../../../schemas/application';
import { checkPersonalCode } from '../../../schemas/personal-code';
import { violation, type Violation } from '../../../schemas/messages';
import type { ReferralSubmission } from '../../../schemas/referral';
import type { FiledBy } from '../../../schemas/services';
import { canRead, readLink } from '../access';
import { DomainError, notEligible, validationFailed } from '../errors';
import { formViolations } from '../eligibility';
import { rigaDate } from '../dates';
import type { Application, Principal, ReferralRecord, TimelineEvent } from '../model';
import {
  DailyFilingLimitReached,
  IdempotencyKeyTaken,
  OpenApplicationExists,
  type ApplicationDeps,
  type DraftHandover,
  type FilingQuota,
  type IdempotencyRecord,
} from './ports';
import { formatReference, timelineEventId, type CitizenPrincipal, type IdempotencyRequest, type Receipt, type ReferrerPrincipal, type Submission } from './types';

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
