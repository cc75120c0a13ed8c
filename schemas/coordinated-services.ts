/** Coordinated services (docs/domain.md, service B): SIVA decides, others deliver; municipal social service referral only. */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceForm } from './form';
import { DocumentNumber, IsoDate } from './primitives';
import type { TrackOf } from './services';

const socialServiceAssessment = {
  /** The social service's decision that the service is needed. */
  socialServiceDecisionNumber: DocumentNumber,
  socialServiceDecisionDate: IsoDate,
};

const addiction = builtOnFirstUse(() => z.strictObject({ ...socialServiceAssessment, addictionKind: z.enum(['substance', 'process']) }));
const assessmentOnly = builtOnFirstUse(() => z.strictObject(socialServiceAssessment));

export const coordinatedServicesEvidence = builtOnFirstUse(() => ({
  'addiction-children': addiction,
  'addiction-adults': addiction,
  'trafficking-victims': assessmentOnly,
  'long-term-care-children': assessmentOnly,
  'long-term-care-mental-disorders': assessmentOnly,
  'long-term-care-blind-adults': assessmentOnly,
} satisfies Record<TrackOf<'coordinated-services'>, z.ZodMiniObject>));

export const CoordinatedServicesApplication = builtOnFirstUse(() => serviceForm('coordinated-services', coordinatedServicesEvidence));
export type CoordinatedServicesApplication = z.infer<typeof CoordinatedServicesApplication>;
