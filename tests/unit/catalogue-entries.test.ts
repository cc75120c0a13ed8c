/**
 * What the catalogue (functions/core/catalogue.ts) says of each service and track besides its terms: who may file
 * it, named in both languages, the evidence, the course length, who may apply on which tracks, and where to act.
 * Each test builds its own catalogue, so the mutation run knows which tests judge these lines (bench/MUTATION.md).
 */
import { describe, expect, it } from 'vitest';
import { serviceCatalogue } from '../../functions/core/catalogue';
import { defaultRules } from '../../functions/core/rules';
import { evidenceDocuments, type ServiceId } from '../../schemas/services';

const entryOf = (serviceId: ServiceId) => serviceCatalogue(defaultRules).services.find((service) => service.id === serviceId)!;
const trackOf = (serviceId: ServiceId, trackId: string) => entryOf(serviceId).tracks.find((listed) => listed.id === trackId)!;

const person = { id: 'citizen', name: { lv: 'Persona pati vai tās pārstāvis', en: 'The person themself or their representative' } };
const socialService = { id: 'social-service', name: { lv: 'Pašvaldības sociālais dienests', en: 'Municipal social service' } };
const armedForces = {
  id: 'armed-forces',
  name: { lv: 'Nacionālie bruņotie spēki vai Iekšlietu ministrijas dienests', en: 'National Armed Forces or an Interior Ministry service' },
};
const nva = { id: 'nva', name: { lv: 'Nodarbinātības valsts aģentūra (NVA)', en: 'State Employment Agency (NVA)' } };

describe('a track in the catalogue', () => {
  it('names who may file it and the evidence it asks for, in Latvian and English', () => {
    expect(trackOf('social-rehabilitation', 'soldiers-and-officers')).toMatchObject({
      filedBy: [armedForces],
      evidence: [{ id: 'service-referral', name: evidenceDocuments['service-referral'] }],
    });
    expect(trackOf('vocational-suitability', 'unemployed-nva')).toMatchObject({
      filedBy: [nva],
      evidence: [
        { id: 'nva-referral', name: evidenceDocuments['nva-referral'] },
        { id: 'disability-certificate', name: evidenceDocuments['disability-certificate'] },
      ],
    });
    expect(trackOf('social-rehabilitation', 'chernobyl').filedBy).toEqual([person, socialService]);
  });

  it('gives the course length in days where the registry has one, and no such field where it has none', () => {
    expect(trackOf('social-rehabilitation', 'soldiers-and-officers').courseDays).toBe(10);
    expect(trackOf('social-rehabilitation', 'chernobyl').courseDays).toBe(21);
    expect(trackOf('vocational-suitability', 'disability')).not.toHaveProperty('courseDays');
  });
});

describe('a service in the catalogue', () => {
  it('sums up who may apply, each filer once, with the tracks that filer may file', () => {
    expect(entryOf('vocational-suitability').whoMayApply).toEqual([
      { ...person, tracks: ['disability', 'predicted-disability', 'mental-disorder'] },
      { ...nva, tracks: ['unemployed-nva'] },
    ]);
    expect(entryOf('social-rehabilitation').whoMayApply.map(({ id, tracks }) => [id, tracks.length])).toEqual([
      ['citizen', 5],
      ['social-service', 5],
      ['armed-forces', 1],
    ]);
  });

  it('links to its pre-check, to applying when a person may file, and to referring when an organisation may', () => {
    const preCheck = (serviceId: string) => ({ method: 'POST', href: `/services/${serviceId}/eligibility` });
    const apply = { method: 'POST', href: '/applications' };
    const refer = { method: 'POST', href: '/referrals' };
    expect(entryOf('social-rehabilitation').links).toEqual({ eligibility: preCheck('social-rehabilitation'), apply, refer });
    expect(entryOf('driving-training').links).toEqual({ eligibility: preCheck('driving-training'), apply });
    expect(entryOf('coordinated-services').links).toEqual({ eligibility: preCheck('coordinated-services'), refer });
  });
});
