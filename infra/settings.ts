/**
 * Deployment settings read from CDK context (cdk.json, or `-c key=value`), each
 * with a default so `npm run synth` works offline without any flags. Values that
 * differ per environment (issuers, domains, inboxes, throttling) live here, never
 * in the stack code.
 */
import type { Node } from 'constructs';
import { staffPortalPath } from '../functions/core/portal-pages';
import { type TunableName, tunedValue, tunables } from '../functions/tunables';

export { staffPortalPath };

export interface Settings {
  /** The region of the API, table and functions; CloudFront's firewall always lives in us-east-1 (infra/app-definition.ts). */
  readonly region: string;
  /** `iss` of citizens' eID tokens (external OIDC provider). */
  readonly citizenIssuerUrl: string;
  /** `aud` the eID provider puts in tokens issued for this API. */
  readonly citizenAudience: string;
  /** SES domain identity the notifier sends from (verified out of band, DNS). */
  readonly senderDomain: string;
  readonly mailFrom: string;
  /** JSON object string: service id → agency inbox. */
  readonly agencyInboxes: string;
  readonly portalUrl: string;
  /** The portal's workforce pages: the portal's origin + `staffPortalPath`, where the user pool's sign-in returns. */
  readonly staffPortalUrl: string;
  /** The workforce user pool's hosted sign-in domain: https://<prefix>.auth.<region>.amazoncognito.com. */
  readonly workforceDomainPrefix: string;
  readonly pensionAge: number;
  readonly logRetentionDays: number;
  readonly throttleRateLimit: number;
  readonly throttleBurstLimit: number;
  /** Notifier: deliveries of a stream record that may hit a temporary SES failure before it is recorded as failed. */
  readonly notificationMaxDeliveries: number;
  /** Notifier: first pause (ms) before a temporarily failed record is handed back, doubling each time. */
  readonly notificationRetryBaseMs: number;
  /** Applications one representative may file per day before 429 (docs/access.md). */
  readonly representativeDailyLimit: number;
  /** Concurrent executions reserved for (and capping) each function. */
  readonly reservedConcurrency: number;
  /** Where alarms are e-mailed (an SNS e-mail subscription); empty for none. */
  readonly alarmEmail: string;
}

export const defaultSettings: Settings = {
  // Stockholm: the EU region nearest to Riga (docs/architecture.md).
  region: 'eu-north-1',
  citizenIssuerUrl: 'https://eid.example.lv',
  citizenAudience: 'siva-eservices',
  senderDomain: 'siva.gov.lv',
  mailFrom: 'SIVA e-pakalpojumi <e-pakalpojumi@siva.gov.lv>',
  agencyInboxes: JSON.stringify({ 'social-rehabilitation': 'socialarehabilitacija@siva.gov.lv' }),
  portalUrl: 'https://e.siva.gov.lv',
  staffPortalUrl: `https://e.siva.gov.lv${staffPortalPath}`,
  workforceDomainPrefix: 'siva-eservices-darbs',
  pensionAge: tunables.pensionAge.default,
  // One year: long enough to investigate a complaint about an application's
  // handling within the usual administrative appeal periods, short enough not to
  // keep operational logs (request ids, application ids) indefinitely.
  logRetentionDays: 365,
  throttleRateLimit: 50,
  throttleBurstLimit: 100,
  notificationMaxDeliveries: tunables.notificationMaxDeliveries.default,
  notificationRetryBaseMs: tunables.notificationRetryBaseMs.default,
  representativeDailyLimit: tunables.representativeDailyLimit.default,
  // 10 per function: 100 requests/s each at 100 ms, twice the API's steady rate limit; ~20
  // functions reserve ~200 of an account's default 1,000, leaving the 100 Lambda requires unreserved.
  reservedConcurrency: 10,
  alarmEmail: '',
};

const text = (node: Node, key: keyof Settings): string => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return String(defaultSettings[key]);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const wholeNumber = (node: Node, key: keyof Settings): number => {
  const value = Number(text(node, key));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`Context "${key}" must be a positive whole number`);
  return value;
};

/** A setting the functions read too: its default and range are theirs (functions/tunables.ts). */
const tuned = (node: Node, key: TunableName): number => tunedValue(key, text(node, key), `Context "${key}"`);

/** Reads and checks every setting, so a bad value stops synthesis with its name. */
export const readSettings = (node: Node): Settings => {
  const agencyInboxes = text(node, 'agencyInboxes');
  try {
    const parsed: unknown = JSON.parse(agencyInboxes);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
  } catch {
    throw new Error('Context "agencyInboxes" must be a JSON object of service id → e-mail address');
  }
  const alarmEmail = text(node, 'alarmEmail');
  if (alarmEmail !== '' && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail)) throw new Error('Context "alarmEmail" must be an e-mail address');
  for (const key of ['citizenIssuerUrl', 'portalUrl', 'staffPortalUrl'] as const) {
    if (!text(node, key).startsWith('https://')) throw new Error(`Context "${key}" must be an https:// URL`);
  }
  const region = text(node, 'region');
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error('Context "region" must be an AWS region name such as eu-north-1');
  // The workforce pages are served by the portal's web function under one path (functions/web/workforce).
  if (text(node, 'staffPortalUrl').replace(/\/+$/, '') !== `${text(node, 'portalUrl').replace(/\/+$/, '')}${staffPortalPath}`) {
    throw new Error(`Context "staffPortalUrl" must be the portalUrl followed by ${staffPortalPath}`);
  }
  const workforceDomainPrefix = text(node, 'workforceDomainPrefix');
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(workforceDomainPrefix) || /aws|amazon|cognito/.test(workforceDomainPrefix)) {
    throw new Error('Context "workforceDomainPrefix" must be lower-case letters, digits and hyphens, without aws, amazon or cognito');
  }
  return {
    region,
    citizenIssuerUrl: text(node, 'citizenIssuerUrl'),
    citizenAudience: text(node, 'citizenAudience'),
    senderDomain: text(node, 'senderDomain'),
    mailFrom: text(node, 'mailFrom'),
    agencyInboxes,
    portalUrl: text(node, 'portalUrl'),
    staffPortalUrl: text(node, 'staffPortalUrl'),
    workforceDomainPrefix,
    pensionAge: tuned(node, 'pensionAge'),
    logRetentionDays: wholeNumber(node, 'logRetentionDays'),
    throttleRateLimit: wholeNumber(node, 'throttleRateLimit'),
    throttleBurstLimit: wholeNumber(node, 'throttleBurstLimit'),
    notificationMaxDeliveries: tuned(node, 'notificationMaxDeliveries'),
    notificationRetryBaseMs: tuned(node, 'notificationRetryBaseMs'),
    representativeDailyLimit: tuned(node, 'representativeDailyLimit'),
    reservedConcurrency: wholeNumber(node, 'reservedConcurrency'),
    alarmEmail: text(node, 'alarmEmail'),
  };
};
