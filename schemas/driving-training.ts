/** Category B driving training (docs/domain.md, service E): for vocational rehabilitation clients only. */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceForm } from './form';
import { DocumentNumber, IsoDate } from './primitives';
import type { TrackOf } from './services';

export const drivingTrainingEvidence = builtOnFirstUse(() => ({
  'category-b': z.strictObject({
    /** Reference of the person's vocational rehabilitation (application number or student card). */
    vocationalRehabilitationReference: DocumentNumber,
    /** A doctor's certificate that nothing medical stands in the way of driving. */
    noMedicalContraindication: z.boolean(),
    medicalCertificateNumber: DocumentNumber,
    medicalCertificateDate: IsoDate,
  }),
} satisfies Record<TrackOf<'driving-training'>, z.ZodMiniObject>));

export const DrivingTrainingApplication = builtOnFirstUse(() => serviceForm('driving-training', drivingTrainingEvidence));
export type DrivingTrainingApplication = z.infer<typeof DrivingTrainingApplication>;
