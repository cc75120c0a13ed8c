/**
 * Vehicle adaptation (docs/domain.md, service F): state-funded with a VDEĀVK
 * certificate, or paid. The owner's or leasing company's consent is needed
 * when the applicant does not own the car.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceForm } from './form';
import { DisabilityGroup, DocumentNumber, IsoDate, RegistrationNumber, Vin, limits, text } from './primitives';
import type { TrackOf } from './services';

const vehicleEvidence = builtOnFirstUse(() => ({
  vehicle: z.strictObject({
    registrationNumber: RegistrationNumber,
    vin: Vin,
    make: text(limits.name),
    model: text(limits.name),
  }),
  drivingLicenceNumber: DocumentNumber,
  ownership: z.enum(['owner', 'not-owner']),
  ownerConsent: z.optional(
    z.strictObject({
      ownerKind: z.enum(['person', 'leasing-company', 'company']),
      ownerName: text(limits.shortText),
      consentDocumentNumber: DocumentNumber,
      consentDate: IsoDate,
    }),
  ),
  /** What needs adapting: hand controls, a lift, a swivel seat… */
  adaptationNeeded: text(limits.shortText),
}));

export const vehicleAdaptationEvidence = builtOnFirstUse(() => ({
  'state-funded': z.strictObject({
    ...vehicleEvidence,
    vdeavkCertificateNumber: DocumentNumber,
    vdeavkCertificateDate: IsoDate,
    disabilityGroup: DisabilityGroup,
    disabilityCertificateNumber: DocumentNumber,
    /** Exempt people (the regulation lists who) pay no co-payment. */
    coPaymentExempt: z.boolean(),
  }),
  paid: z.strictObject({ ...vehicleEvidence }),
} satisfies Record<TrackOf<'vehicle-adaptation'>, z.ZodMiniObject>));

export const VehicleAdaptationApplication = builtOnFirstUse(() => serviceForm('vehicle-adaptation', vehicleAdaptationEvidence));
export type VehicleAdaptationApplication = z.infer<typeof VehicleAdaptationApplication>;
