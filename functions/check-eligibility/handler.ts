import { EligibilityQuestion, ServiceIdPath } from '../../schemas/eligibility';
import { fieldPath, localise, type Path } from '../../schemas/messages';
import type { Language } from '../../schemas/primitives';
import { evidenceDocuments, services, trackInfo, type ServiceId } from '../../schemas/services';
import { rigaDate } from '../core/dates';
import { precheck, type PrecheckAnswer, type Suggestion } from '../core/precheck';
import { httpRoute, json } from '../http/route';
import { issuers, rules } from '../settings';
import { checkEligibilityRoute } from '../../infra/routes';

const trackName = (serviceId: ServiceId, track: string, language: Language) => trackInfo(serviceId, track)?.name[language] ?? track;

const missingField = (path: Path) => ({ field: fieldPath(path) });

const suggestion = ({ serviceId, track }: Suggestion, language: Language) => ({
  serviceId,
  name: services[serviceId].name[language],
  ...(track && { track, trackName: trackName(serviceId, track, language) }),
  href: `/services/${serviceId}/eligibility`,
});

/** The answer in the caller's language: reasons as field messages, names instead of ids. */
const inWords = (answer: PrecheckAnswer, language: Language) => ({
  serviceId: answer.serviceId,
  serviceName: services[answer.serviceId].name[language],
  appearsEligible: answer.appearsEligible,
  ...(answer.track && { track: answer.track, trackName: trackName(answer.serviceId, answer.track, language) }),
  tracks: answer.tracks.map((track) => ({
    track: track.track,
    name: trackName(answer.serviceId, track.track, language),
    outcome: track.outcome,
    reasons: track.reasons.map((reason) => localise(reason, language)),
    missing: track.missing.map(missingField),
    evidence: track.evidence.map((id) => ({ id, name: evidenceDocuments[id][language] })),
    ...(track.courseDays !== undefined && { courseDays: track.courseDays }),
  })),
  alternatives: answer.alternatives.map((item) => suggestion(item, language)),
});

/**
 * POST /services/{serviceId}/eligibility: a public pre-check; nothing is stored and no personal code is asked for.
 * The clock is passed in so a spec can stand at the hour when Riga has reached a birthday and UTC has not.
 */
export const checkEligibility = ({ clock }: { clock: () => Date }) =>
  httpRoute(
    { routes: [checkEligibilityRoute], issuers, path: ServiceIdPath, body: EligibilityQuestion, idempotent: true },
    async ({ path, body, language }) =>
      json(200, inWords(precheck(path.serviceId, body, { today: rigaDate(clock()), rules }), language)),
  );

export const handler = checkEligibility({ clock: () => new Date() });
