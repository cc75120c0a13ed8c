/**
 * Environment read once per cold start and checked, so a misconfigured function
 * fails at start-up with a clear message instead of mid-request.
 * The same names are set by the CDK stack (infra/) and by the local runtime (local/).
 * AWS endpoints are NOT configured here: the SDK reads AWS_ENDPOINT_URL_DYNAMODB,
 * AWS_ENDPOINT_URL_SESV2 … itself, so handler code is identical locally and on AWS.
 */
export const environmentNames = {
  tableName: 'TABLE_NAME',
  /** `From` address of every e-mail, e.g. `SIVA e-pakalpojumi <e-pakalpojumi@siva.gov.lv>`. */
  mailFrom: 'MAIL_FROM',
  /** JSON object: service id → the agency inbox that gets new-application alerts. */
  agencyInboxes: 'AGENCY_INBOXES',
  /** Optional SES configuration set for sending events. */
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  /** Base URL of the citizen portal, for "follow your application" links. */
  portalUrl: 'PORTAL_URL',
  /** Base URL of the staff workspace, for links in agency alerts. */
  staffPortalUrl: 'STAFF_PORTAL_URL',
  /** State pension age in years (regulation-dependent, 65 from 2025). */
  pensionAge: 'PENSION_AGE',
  /** `iss` of citizens' eID tokens and of the workforce (Cognito) tokens. */
  citizenTokenIssuer: 'CITIZEN_TOKEN_ISSUER',
  workforceTokenIssuer: 'WORKFORCE_TOKEN_ISSUER',
} as const;

export type EnvironmentKey = keyof typeof environmentNames;
