/**
 * The public pre-check's answer (functions/core/precheck.ts) beyond the rules it shares with a submission
 * (service-rules.test.ts): which track it names, how a wrong answer counts with and without a track, and what else
 * it suggests when nothing fits.
 */
import { describe, expect, it } from 'vitest';
import { precheck } from '../../functions/core/precheck';
import { defaultRules } from '../../functions/core/rules';
import { trackIds, type ServiceId } from '../../schemas/services';

const ask = (serviceId: ServiceId, question: Parameters<typeof precheck>[1]) => precheck(serviceId, question, { today: '2026-11-20', rules: defaultRules });

describe('the pre-check’s answer', () => {
  it('refuses a track the service does not have, listing the ones it has', () => {
    expect(() => ask('social-rehabilitation', { track: 'space-travel' })).toThrow(
      expect.objectContaining({ kind: 'validation', violations: [{ path: ['track'], code: 'invalid_choice', params: { options: trackIds('social-rehabilitation').join(', ') } }] }),
    );
  });

  it('asked about one track, a wrongly typed answer is the caller’s mistake, named under evidence', () => {
    expect(() => ask('driving-training', { track: 'category-b', evidence: { noMedicalContraindication: 'yes' } })).toThrow(
      expect.objectContaining({ violations: [{ path: ['evidence', 'noMedicalContraindication'], code: 'wrong_type', params: { expected: 'boolean' } }] }),
    );
  });

  it('across all tracks, a wrongly typed answer only rules out the track that asks it', () => {
    const answer = ask('vocational-suitability', { dateOfBirth: '1980-01-01', evidence: { unemployedSince: 5 } });
    expect(answer.appearsEligible).toBe(true);
    expect(answer.tracks.map(({ track, outcome }) => [track, outcome])).toEqual([
      ['disability', 'eligible'],
      ['predicted-disability', 'eligible'],
      ['mental-disorder', 'eligible'],
      ['unemployed-nva', 'not-eligible'],
    ]);
    // Strictly: a track without a course length has no such field at all.
    expect(answer.tracks[3]).toStrictEqual({
      track: 'unemployed-nva',
      outcome: 'not-eligible',
      reasons: [{ path: ['evidence', 'unemployedSince'], code: 'wrong_type', params: { expected: 'string' } }],
      missing: [],
      evidence: answer.tracks[3]!.evidence,
    });
    expect(answer.tracks[3]!.evidence.length).toBeGreaterThan(0);
  });

  it('names the eligible track that recognised most answers; with none recognised, the first eligible in the registry', () => {
    expect(ask('social-rehabilitation', { dateOfBirth: '1980-01-01', evidence: {} }).track).toBe('functional-impairment');
    expect(ask('vehicle-adaptation', { dateOfBirth: '1980-01-01', evidence: { disabilityGroup: 'none' } })).toMatchObject({ appearsEligible: true, track: 'paid', alternatives: [] });
    expect(ask('coordinated-services', { dateOfBirth: '1980-01-01' })).not.toHaveProperty('track');
  });

  it('when nothing fits, suggests what may, once each, and only where the rule says', () => {
    // Every coordinated-services track is filed by a social service: the person may apply for social rehabilitation.
    expect(ask('coordinated-services', { dateOfBirth: '1980-01-01' })).toMatchObject({ appearsEligible: false, alternatives: [{ serviceId: 'social-rehabilitation' }] });
    // A track only officers file, elsewhere, suggests nothing.
    expect(ask('social-rehabilitation', { track: 'soldiers-and-officers', dateOfBirth: '1980-01-01' }).alternatives).toEqual([]);
    expect(ask('social-rehabilitation', { track: 'after-medical-rehabilitation', dateOfBirth: '1980-01-01', evidence: { medicalRehabilitationEndDate: '2026-01-01' } }).alternatives).toEqual([
      { serviceId: 'social-rehabilitation', track: 'functional-impairment' },
    ]);
    // Two rules broken, two different suggestions: each is kept.
    const twoBroken = { track: 'college', evidence: { educationLevel: 'basic', funding: 'state', suitabilityAssessment: { status: 'exempt', reason: 'paid-studies' } } };
    expect(ask('vocational-rehabilitation', twoBroken).alternatives).toEqual([
      { serviceId: 'vocational-rehabilitation', track: 'vocational-school' },
      { serviceId: 'vocational-suitability' },
    ]);
  });
});
