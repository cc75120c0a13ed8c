/**
 * Everything the OpenAPI document is generated from, besides the route table: the API's info, the schemas
 * published as components, and the contract per route (contracts.ts). functions/http/openapi.ts builds it.
 *
 * Imports every schema of the API, so only the OpenAPI function and tests may
 * import it: a route handler that did would bundle every form.
 */
import { ApplicationSubmission, serviceForms } from '../application';
import { Decision, DocumentsSubmitted, RepresentativeConfirmation, Withdrawal } from '../decision';
import { ResendRequest, StaffListQuery } from '../staff';
import { AnnualReport } from '../report';
import { EligibilityQuestion } from '../eligibility';
import { ApplicationId, ApplicationStatus } from '../lifecycle';
import { ReferralSubmission } from '../referral';
import { serviceIds } from '../services';
import { PersonalDataExport, MyDataQuery } from '../personal-data';
import { DataExportRequest, DestructionRequest, RetentionDueQuery } from '../retention';
import { DraftContent, NewDraft } from '../drafts';
import { UploadRequest } from '../uploads';
import { Timestamp, ServiceId, FieldError, ProblemDetails, Receipt, ApplicationSummary, CitizenApplicationSummary, ReferralSummary, ApplicationPage, WorkListPage, CitizenApplicationPage, ReferralPage, ApplicationView, StaffApplicationView, ReferralView, TransitionResult, FailedNotificationPage, LostBatchPage, DueRecordPage, DestructionResult, ResendAccepted, EligibilityAnswer, Term, ServiceCatalogue, UploadTicket, UploadStatus, DraftSummary, DraftList, DraftDocument, DraftDeleted, Redirect, OpenApiDocument } from './responses';
import { routeContracts, type Schema } from './contracts';

// ─── Named schemas ──────────────────────────────────────────────────────────

const pascalCase = (id: string) => id.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Every schema a request or response names, published under these names (OpenAPI components). */
export const namedSchemas: Readonly<Record<string, Schema>> = {
  ApplicationId,
  ApplicationStatus,
  ServiceId,
  Timestamp,
  ApplicationSubmission,
  ...Object.fromEntries(serviceIds.map((id) => [`${pascalCase(id)}Application`, serviceForms[id]])),
  ReferralSubmission,
  EligibilityQuestion,
  Receipt,
  ApplicationSummary,
  ApplicationPage,
  WorkListPage,
  CitizenApplicationSummary,
  CitizenApplicationPage,
  ApplicationView,
  ReferralView,
  ReferralSummary,
  ReferralPage,
  EligibilityAnswer,
  StaffListQuery,
  Decision,
  Withdrawal,
  DocumentsSubmitted,
  RepresentativeConfirmation,
  ResendRequest,
  StaffApplicationView,
  TransitionResult,
  FailedNotificationPage,
  LostBatchPage,
  ResendAccepted,
  RetentionDueQuery,
  DueRecordPage,
  DestructionRequest,
  DestructionResult,
  MyDataQuery,
  PersonalDataExport,
  DataExportRequest,
  AnnualReport,
  ServiceCatalogue,
  Term,
  OpenApiDocument,
  UploadRequest,
  UploadTicket,
  UploadStatus,
  NewDraft,
  DraftContent,
  DraftSummary,
  DraftList,
  DraftDocument,
  DraftDeleted,
  Redirect,
  FieldError,
  ProblemDetails,
};
export const apiInfo = {
  title: 'SIVA e-services API',
  /** The contract's own version: raise it with every incompatible change. */
  version: '0.1.0',
  description:
    'Applications, referrals and the public catalogue and eligibility pre-check of the Social Integration State Agency (SIVA). Answers are in Latvian or English by `Accept-Language` (Latvian by default). Errors are RFC 9457 problem details with an `errors` entry per field. POSTs that create something honour an `Idempotency-Key` header.',
} as const;

/** Everything the OpenAPI document is generated from, besides the route table. */
export const api = { info: apiInfo, namedSchemas, problemDetails: ProblemDetails, routeContracts };
