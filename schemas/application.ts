/**
 * What a citizen submits and what they read back. Every service form joins
 * the `ApplicationSubmission` union by its `serviceId`.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { CoordinatedServicesApplication, coordinatedServicesEvidence } from './coordinated-services';
import { DrivingTrainingApplication, drivingTrainingEvidence } from './driving-training';
import { EarlyInterventionApplication, earlyInterventionEvidence } from './early-intervention';
import type { EvidenceByTrack } from './form';
import type { ServiceId } from './services';
import { SocialRehabilitationApplication, socialRehabilitationEvidence } from './social-rehabilitation';
import { VehicleAdaptationApplication, vehicleAdaptationEvidence } from './vehicle-adaptation';
import { VocationalRehabilitationApplication, vocationalRehabilitationEvidence } from './vocational-rehabilitation';
import { VocationalSuitabilityApplication, vocationalSuitabilityEvidence } from './vocational-suitability';

export * from './lifecycle';

export const ApplicationSubmission = builtOnFirstUse(() => z.discriminatedUnion('serviceId', [
  SocialRehabilitationApplication,
  VocationalSuitabilityApplication,
  VocationalRehabilitationApplication,
  DrivingTrainingApplication,
  VehicleAdaptationApplication,
  EarlyInterventionApplication,
  CoordinatedServicesApplication,
]));
export type ApplicationSubmission = z.infer<typeof ApplicationSubmission>;

/** Each service's forms by service id: the catalogue publishes them, the pre-check reads their evidence. */
export const serviceForms = {
  'social-rehabilitation': SocialRehabilitationApplication,
  'vocational-suitability': VocationalSuitabilityApplication,
  'vocational-rehabilitation': VocationalRehabilitationApplication,
  'driving-training': DrivingTrainingApplication,
  'vehicle-adaptation': VehicleAdaptationApplication,
  'early-intervention': EarlyInterventionApplication,
  'coordinated-services': CoordinatedServicesApplication,
} as const satisfies Record<ServiceId, z.ZodMiniType>;

/**
 * One service's form: what `ApplicationSubmission` answers for a form of that service (the union hands it to this
 * very schema, by `serviceId`), without building the other services' forms on first use (docs/cold-start.md).
 */
export const formOf = (serviceId: ServiceId): z.ZodMiniType<ApplicationSubmission> => serviceForms[serviceId];

export const evidenceSchemas: Record<ServiceId, EvidenceByTrack> = {
  'social-rehabilitation': socialRehabilitationEvidence,
  'vocational-suitability': vocationalSuitabilityEvidence,
  'vocational-rehabilitation': vocationalRehabilitationEvidence,
  'driving-training': drivingTrainingEvidence,
  'vehicle-adaptation': vehicleAdaptationEvidence,
  'early-intervention': earlyInterventionEvidence,
  'coordinated-services': coordinatedServicesEvidence,
};

