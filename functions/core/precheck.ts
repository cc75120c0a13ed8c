/**
 * The public pre-check: which tracks of a service the person appears eligible
 * for, what evidence they will need, and, when not eligible, why and what else
 * may fit. It runs the very rules a submission runs (eligibility.ts).
 */
import * as z from 'zod/mini';
import { evidenceSchemas } from '../../schemas/application';
import type { EligibilityQuestion } from '../../schemas/eligibility';
import { describeIssues, violation, type MessageCode, type Path, type Violation } from '../../schemas/messages';
import { trackIds, trackInfo, type EvidenceDocumentId, type ServiceId } from '../../schemas/services';
import { validationFailed } from './errors';
import { assessTrack } from './eligibility';
import type { EligibilityRules } from './rules';

export type Outcome = 'eligible' | 'not-eligible' | 'needs-information';

export interface Suggestion {
  readonly serviceId: ServiceId;
  readonly track?: string;
}

export interface TrackAnswer {
  readonly track: string;
  readonly outcome: Outcome;
  readonly reasons: readonly Violation[];
  readonly missing: readonly Path[];
  readonly evidence: readonly EvidenceDocumentId[];
  readonly courseDays?: number;
}

export interface PrecheckAnswer {
  readonly serviceId: ServiceId;
  readonly appearsEligible: boolean;
  /** The track that applies: the eligible one the answers fit best. */
  readonly track?: string;
  readonly tracks: readonly TrackAnswer[];
  readonly alternatives: readonly Suggestion[];
}

/** What else may fit when a rule says no: keyed by the broken rule, optionally only within one service. */
const alternativesByRule: readonly { code: MessageCode; within?: ServiceId; suggest: Suggestion }[] = [
  { code: 'medical_rehabilitation_window', suggest: { serviceId: 'social-rehabilitation', track: 'functional-impairment' } },
  { code: 'decision_expired', within: 'social-rehabilitation', suggest: { serviceId: 'social-rehabilitation', track: 'functional-impairment' } },
  { code: 'early_intervention_window', suggest: { serviceId: 'vocational-suitability' } },
  { code: 'education_prerequisite', within: 'vocational-rehabilitation', suggest: { serviceId: 'vocational-rehabilitation', track: 'vocational-school' } },
  { code: 'suitability_exemption_not_applicable', suggest: { serviceId: 'vocational-suitability' } },
  { code: 'disability_required', suggest: { serviceId: 'vehicle-adaptation', track: 'paid' } },
  { code: 'referral_only', within: 'coordinated-services', suggest: { serviceId: 'social-rehabilitation' } },
];

const suggestionsFor = (serviceId: ServiceId, answers: readonly TrackAnswer[]): Suggestion[] => {
  const seen = new Set<string>();
  return answers
    .flatMap((answer) => answer.reasons)
    .flatMap(({ code }) => alternativesByRule.filter((rule) => rule.code === code && (!rule.within || rule.within === serviceId)))
    .map((rule) => rule.suggest)
    .filter((suggestion) => {
      const key = `${suggestion.serviceId}/${suggestion.track ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
};

/** The evidence answers one track understands: its fields, each optional, checked by the form's own schemas. */
const evidenceFor = (serviceId: ServiceId, track: string, given: Record<string, unknown>) => {
  const shape = evidenceSchemas[serviceId][track]!.shape;
  const known = Object.fromEntries(Object.entries(given).filter(([field]) => Object.hasOwn(shape, field)));
  return { parsed: z.partial(z.object(shape)).safeParse(known), matched: Object.keys(known).length };
};

const outcomeOf = (reasons: readonly Violation[], missing: readonly Path[]): Outcome =>
  reasons.length > 0 ? 'not-eligible' : missing.length > 0 ? 'needs-information' : 'eligible';

export const precheck = (
  serviceId: ServiceId,
  question: EligibilityQuestion,
  { today, rules }: { today: string; rules: EligibilityRules },
): PrecheckAnswer => {
  const given = question.evidence ?? {};
  if (question.track !== undefined && !trackInfo(serviceId, question.track)) {
    throw validationFailed([violation(['track'], 'invalid_choice', { options: trackIds(serviceId).join(', ') })]);
  }
  const tracks = question.track !== undefined ? [question.track] : trackIds(serviceId);

  const answers = tracks.map((track) => {
    const info = trackInfo(serviceId, track)!;
    const { parsed, matched } = evidenceFor(serviceId, track, given);
    if (!parsed.success) {
      const invalid = describeIssues(parsed.error.issues, given).map((v) => violation(['evidence', ...v.path], v.code, v.params));
      // Asked about one track, a wrong answer is the caller's mistake; across all tracks it only rules that track out.
      if (question.track !== undefined) throw validationFailed(invalid);
      return { answer: { track, outcome: 'not-eligible' as const, reasons: invalid, missing: [], evidence: info.evidence }, matched };
    }
    const { violations, missing } = assessTrack({
      serviceId,
      track,
      facts: { ...(question.dateOfBirth !== undefined && { dateOfBirth: question.dateOfBirth }), evidence: parsed.data },
      today,
      rules,
      complete: false,
    });
    const answer: TrackAnswer = {
      track,
      outcome: outcomeOf(violations, missing),
      reasons: violations,
      missing,
      evidence: info.evidence,
      ...(info.courseDays !== undefined && { courseDays: info.courseDays }),
    };
    return { answer, matched };
  });

  const eligible = answers.filter(({ answer }) => answer.outcome === 'eligible');
  // The answers given name the track: the eligible track that recognised most of them wins; ties keep the registry's order.
  const best = eligible.reduce<(typeof eligible)[number] | undefined>((top, next) => (!top || next.matched > top.matched ? next : top), undefined);
  const all = answers.map(({ answer }) => answer);
  return {
    serviceId,
    appearsEligible: eligible.length > 0,
    ...(best && { track: best.answer.track }),
    tracks: all,
    alternatives: eligible.length > 0 ? [] : suggestionsFor(serviceId, all),
  };
};
