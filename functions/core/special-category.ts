/**
 * Tracks whose very name reveals special-category data (GDPR Art. 9: health, or political
 * opinions) or puts the person at risk if someone else reads their mail. E-mails about an
 * application on one of these tracks are neutral: the reference and a sign-in link only (see
 * templates/neutral.ts and docs/notifications.md, "Neutral e-mails"). Disability tracks are
 * not listed: disability is what every service of the agency is about, so the service's name
 * already says it, and the applicant expects it.
 */
import type { ServiceId, TrackOf } from '../../schemas/services';

type NeutralTracks = { readonly [S in ServiceId]?: Partial<Record<TrackOf<S>, string>> };

export const neutralMailTracks: NeutralTracks = {
  'social-rehabilitation': {
    'after-medical-rehabilitation': 'health: names a hospital stay and medical rehabilitation just ended',
    'politically-repressed': 'political opinions: names the person as politically repressed or a resistance participant',
    chernobyl: 'health: names exposure to the Chernobyl disaster and its health effects',
  },
  'vocational-suitability': {
    'mental-disorder': 'health: names a mental disorder',
  },
  'early-intervention': {
    'after-acute-event': 'health: names an acute illness event (stroke, heart attack, injury)',
  },
  'coordinated-services': {
    'addiction-children': 'health: names a child as addicted',
    'addiction-adults': 'health: names the person as addicted',
    'trafficking-victims': 'safety: names the person as a trafficking victim, whose mail the trafficker may read',
    'long-term-care-mental-disorders': 'health: names a severe mental disorder',
  },
};

/** Whether e-mails about this application must say nothing but that there is news. */
export const needsNeutralMail = (application: { readonly serviceId: ServiceId; readonly track: string }): boolean =>
  (neutralMailTracks[application.serviceId] as Record<string, string> | undefined)?.[application.track] !== undefined;
