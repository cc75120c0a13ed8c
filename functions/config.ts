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
  /** The portal: the OIDC issuer citizens sign in with (deployed: the eID issuer the JWT authorizer trusts). */
  citizenOidcIssuer: 'CITIZEN_OIDC_ISSUER',
  /** The portal's client id at that issuer (deployed: the audience the JWT authorizer expects). */
  citizenOidcClientId: 'CITIZEN_OIDC_CLIENT_ID',
  /**
   * The portal's workforce sign-in: the issuer staff and officers sign in with (deployed: the user pool, whose
   * hosted UI its discovery names) and the portal's app client there (code flow with PKCE, no secret).
   */
  workforceOidcIssuer: 'WORKFORCE_OIDC_ISSUER',
  workforceOidcClientId: 'WORKFORCE_OIDC_CLIENT_ID',
  /** The portal's public origin (scheme, host, port): the OIDC redirect URI is built on it. */
  webOrigin: 'WEB_ORIGIN',
  /** Notifier: stream deliveries that may hit a temporary SES failure before it is recorded as failed (default 8). */
  notificationMaxDeliveries: 'NOTIFICATION_MAX_DELIVERIES',
  /** Deployed: the KMS HMAC_256 key (id or ARN) that MACs personal codes into person keys (docs/person-key.md). */
  personKeyId: 'PERSON_KEY_ID',
  /** Local only (there is no local KMS): a file holding the person key as hex, created on first start. */
  personKeyFile: 'PERSON_KEY_FILE',
  /** Applications one representative may file per day (Riga date) before getting 429 (default 5). */
  representativeDailyLimit: 'REPRESENTATIVE_DAILY_LIMIT',
  /** Notifier: first pause before a temporarily failed record is retried, doubling each time (default 1000 ms). */
  notificationRetryBaseMs: 'NOTIFICATION_RETRY_BASE_MS',
  /** Notifier: how long a delivery's claim on an e-mail keeps others from sending it (deployed: the notifier's timeout). */
  notificationSendLeaseMs: 'NOTIFICATION_SEND_LEASE_MS',
  /** Evidence uploads: the bucket browsers POST to (scanned), the bucket of checked files, and their KMS key. */
  quarantineBucket: 'QUARANTINE_BUCKET',
  evidenceBucket: 'EVIDENCE_BUCKET',
  uploadKeyArn: 'UPLOAD_KEY_ARN',
} as const;

export type EnvironmentKey = keyof typeof environmentNames;

/** Reads the named variables once; a missing required one stops the cold start with its name. */
export const readEnvironment = <Required extends EnvironmentKey, Optional extends EnvironmentKey = never>(
  required: readonly Required[],
  optional: readonly Optional[] = [],
  source: NodeJS.ProcessEnv = process.env,
): Record<Required, string> & Partial<Record<Optional, string>> => {
  const missing = required.filter((key) => !source[environmentNames[key]]);
  if (missing.length > 0) {
    throw new Error(`Missing environment variables: ${missing.map((key) => environmentNames[key]).join(', ')}`);
  }
  const entries = [...required, ...optional]
    .filter((key) => source[environmentNames[key]])
    .map((key) => [key, source[environmentNames[key]] as string]);
  return Object.fromEntries(entries) as Record<Required, string> & Partial<Record<Optional, string>>;
};
