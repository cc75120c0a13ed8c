/** The start page (every service, who it is for, what to prepare) and one service's page, from the public catalogue. */
import { evidenceDocuments, serviceIds, services, trackIds, trackInfo, type ServiceId } from '../../../schemas/services';
import { serviceCatalogue } from '../../core/catalogue';
import type { FormUi } from '../../core/form-ui';
import type { EligibilityRules } from '../../core/rules';
import type { PageContext, PageRoute } from '../app';
import { listed } from '../page-table';

type Catalogue = ReturnType<typeof serviceCatalogue>;
let built: { rules: EligibilityRules; catalogue: Catalogue } | undefined;

/** The catalogue `GET /services` publishes, built on first use (a page that needs no form builds no form schema). */
export const catalogueOf = (rules: EligibilityRules): Catalogue => {
  if (built?.rules !== rules) built = { rules, catalogue: serviceCatalogue(rules) };
  return built.catalogue;
};

export const isServiceId = (value: string): value is ServiceId => (serviceIds as readonly string[]).includes(value);

export const formUiOf = (rules: EligibilityRules, serviceId: ServiceId): FormUi => catalogueOf(rules).services.find((entry) => entry.id === serviceId)!.ui;

export const citizenTracks = (serviceId: ServiceId) => trackIds(serviceId).filter((track) => trackInfo(serviceId, track)!.filedBy.includes('citizen'));

const startPage = async ({ language, href, render, t }: PageContext) =>
  render('start', {
    title: t.startTitle,
    services: serviceIds.map((id) => {
      const tracks = trackIds(id).map((track) => trackInfo(id, track)!);
      return {
        id,
        href: href('service', { serviceId: id }),
        name: services[id].name[language],
        description: services[id].description[language],
        groups: tracks.map((track) => track.name[language]),
        evidence: [...new Set(tracks.flatMap((track) => track.evidence))].map((document) => evidenceDocuments[document][language]),
        referralOnly: citizenTracks(id).length === 0,
      };
    }),
  });

const servicePage = async ({ language, params, href, render, message, t, deps }: PageContext) => {
  const serviceId = params.serviceId!;
  if (!isServiceId(serviceId)) return message(404, { title: t.notFoundTitle, paragraphs: [t.notFoundText], links: [{ text: t.startAgain, href: href('home') }] });
  const entry = catalogueOf(deps.rules).services.find((candidate) => candidate.id === serviceId)!;
  const applicable = citizenTracks(serviceId).length > 0;
  return render('service', {
    title: entry.name[language],
    backHref: href('home'),
    service: {
      name: entry.name[language],
      description: entry.description[language],
      tracks: entry.tracks.map((track) => ({
        id: track.id,
        name: track.name[language],
        ...(track.courseDays !== undefined && { courseDays: t.courseDays(track.courseDays) }),
        filers: track.filedBy.map((filer) => filer.name[language]),
        evidence: track.evidence.map((document) => document.name[language]),
        terms: track.terms.map((term) => term.text[language]),
      })),
      referralOnly: !applicable,
      precheckHref: href('precheck-start', { serviceId }),
      ...(applicable && { applyHref: href('apply-start', { serviceId }) }),
    },
  });
};

export const cataloguePages: readonly PageRoute[] = [
  { ...listed('home'), get: startPage },
  { ...listed('service'), get: servicePage },
];
