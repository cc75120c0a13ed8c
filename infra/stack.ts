import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { environmentNames, type EnvironmentKey } from '../functions/config';
import { deadLetterConsumer, functions, httpRoutes, routeKey, streamConsumer, type Audience, type FunctionName, type RouteDefinition } from './routes';
import { DataTable } from './constructs/data-table';
import { ServiceFunction } from './constructs/service-function';
import { PortalEdge } from './constructs/portal-edge';
import { WorkforcePool } from './constructs/workforce-pool';
import { readSettings } from './settings';

/** Repository root: NodejsFunction entries in routes.ts are relative to it. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** `submit-application` → `SubmitApplication`: construct ids (and so logical ids) per function. */
export const constructIdOf = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

const retentionOf = (days: number): logs.RetentionDays => {
  const allowed = Object.values(logs.RetentionDays).filter((value): value is number => typeof value === 'number');
  if (!allowed.includes(days)) throw new Error(`Context "logRetentionDays" must be one of ${allowed.join(', ')}`);
  return days as logs.RetentionDays;
};

/**
 * Access log line (one JSON object): request metadata only; no IP address, user
 * agent, headers, query string, path values or bodies, which can carry personal data.
 */
const accessLogFields: Record<string, string> = {
  requestId: '"$context.requestId"',
  requestTimeEpoch: '"$context.requestTimeEpoch"',
  httpMethod: '"$context.httpMethod"',
  routeKey: '"$context.routeKey"',
  status: '"$context.status"',
  protocol: '"$context.protocol"',
  responseLength: '"$context.responseLength"',
  responseLatency: '"$context.responseLatency"',
  integrationLatency: '"$context.integrationLatency"',
  integrationStatus: '"$context.integrationStatus"',
  authorizerError: '"$context.authorizer.error"',
  errorResponseType: '"$context.error.responseType"',
  // Already a quoted JSON string (escapes quotes inside the message).
  error: '$context.error.messageString',
};
export const accessLogFormat = `{${Object.entries(accessLogFields)
  .map(([name, value]) => `"${name}":${value}`)
  .join(',')}}`;

export interface SivaEservicesStackProps extends StackProps {
  /** The route table; defaults to infra/routes.ts (tests pass variations). */
  readonly routes?: readonly RouteDefinition[];
}

export class SivaEservicesStack extends Stack {
  readonly functions: ReadonlyMap<FunctionName, ServiceFunction>;

  constructor(scope: Construct, id: string, props: SivaEservicesStackProps = {}) {
    super(scope, id, props);
    const settings = readSettings(this.node);
    const logRetention = retentionOf(settings.logRetentionDays);

    const data = new DataTable(this, 'Data');
    const workforce = new WorkforcePool(this, 'Workforce', { staffPortalUrl: settings.staffPortalUrl });

    // --- E-mail: sending identity (verified through DNS, outside this stack) and configuration set.
    const configurationSet = new ses.ConfigurationSet(this, 'MailConfigurationSet', {
      reputationMetrics: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    const email = {
      identityArn: this.formatArn({ service: 'ses', resource: 'identity', resourceName: settings.senderDomain }),
      configurationSetArn: this.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: configurationSet.configurationSetName,
      }),
    };

    // --- Where stream batches go when the notifier still fails after every retry.
    const notificationFailures = new sqs.Queue(this, 'NotificationFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(notificationFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the dead-letter (on-failure) destination of the notifier's table-stream event source mapping. The dead-letters function consumes it and records each failed batch's e-mails as failed for staff to resend; a message it cannot record stays here (14 days) and is retried, so a further DLQ behind it would only hide it.",
    });

    // --- Environment every function receives. Keyed by every name in functions/config.ts,
    // so a variable added there fails type-checking here until the stack sets it.
    const values: Record<EnvironmentKey, string> = {
      tableName: data.table.tableName,
      mailFrom: settings.mailFrom,
      agencyInboxes: settings.agencyInboxes,
      sesConfigurationSet: configurationSet.configurationSetName,
      portalUrl: settings.portalUrl,
      staffPortalUrl: settings.staffPortalUrl,
      pensionAge: String(settings.pensionAge),
      citizenTokenIssuer: settings.citizenIssuerUrl,
      workforceTokenIssuer: workforce.issuerUrl,
      citizenOidcIssuer: settings.citizenIssuerUrl,
      citizenOidcClientId: settings.citizenAudience,
      webOrigin: settings.portalUrl,
      notificationMaxDeliveries: String(settings.notificationMaxDeliveries),
      notificationRetryBaseMs: String(settings.notificationRetryBaseMs),
    };
    const environment = Object.fromEntries(
      (Object.keys(environmentNames) as EnvironmentKey[]).map((key) => [environmentNames[key], values[key]]),
    );

    // The notifier pauses before handing a temporarily failed record back to the stream
    // (retryBase × 2^(delivery−1), at most maxDeliveries−1 times): its timeout must cover the
    // longest pause plus a batch of sends, and Lambda must retry at least as often as the
    // notifier counts deliveries, or records would reach the DLQ before being recorded as failed.
    const longestPauseSeconds = Math.ceil(
      (settings.notificationRetryBaseMs * 2 ** Math.max(0, settings.notificationMaxDeliveries - 2)) / 1000,
    );
    const notifierTimeout = Duration.seconds(Math.min(900, longestPauseSeconds + 60));
    const streamRetryAttempts = Math.min(10_000, Math.max(10, settings.notificationMaxDeliveries + 2));

    // --- One function per definition in routes.ts.
    const built = new Map<FunctionName, ServiceFunction>();
    for (const [name, definition] of Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]) {
      const consumesStream = name === streamConsumer;
      built.set(
        name,
        new ServiceFunction(this, constructIdOf(name), {
          definition,
          repositoryRoot,
          data,
          environment,
          logRetention,
          // API functions answer people: more memory = more CPU = faster cold starts.
          memorySize: consumesStream ? 256 : 512,
          // API Gateway gives up after 30 s; the notifier's timeout follows its retry pause (above).
          timeout: consumesStream ? notifierTimeout : Duration.seconds(10),
          ...(definition.sendsEmail ? { email } : {}),
          ...(consumesStream ? { streamSource: { streamArn: data.streamArn, onFailure: notificationFailures, retryAttempts: streamRetryAttempts } } : {}),
          ...(name === deadLetterConsumer ? { deadLetterSource: { streamArn: data.streamArn, queue: notificationFailures } } : {}),
        }),
      );
    }
    this.functions = built;

    // --- HTTP API from the route table.
    const authorizers: Record<Audience, IHttpRouteAuthorizer> = {
      citizen: new HttpJwtAuthorizer('citizen', settings.citizenIssuerUrl, {
        authorizerName: 'citizen',
        jwtAudience: [settings.citizenAudience],
      }),
      workforce: new HttpJwtAuthorizer('workforce', workforce.issuerUrl, {
        authorizerName: 'workforce',
        jwtAudience: [workforce.client.userPoolClientId],
      }),
    };

    const api = new HttpApi(this, 'Api', {
      description: 'SIVA e-services API',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(accessLogFormat),
      },
      throttle: { rateLimit: settings.throttleRateLimit, burstLimit: settings.throttleBurstLimit },
    });

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationOf = (name: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (!integration) {
        const target = built.get(name);
        if (!target) throw new Error(`Route names unknown function "${name}"`);
        integration = new HttpLambdaIntegration(`${constructIdOf(name)}Integration`, target.function);
        integrations.set(name, integration);
      }
      return integration;
    };

    for (const route of props.routes ?? httpRoutes) {
      const [httpRoute] = api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.function),
        authorizer: route.audience === null ? new HttpNoneAuthorizer() : authorizers[route.audience],
      });
      if (route.audience === null && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.function === 'web'
              ? `${routeKey(route)} serves the portal's pages: the web function signs people in itself (OIDC code flow with PKCE) and answers personal pages only to its own server-side session, checked on every request.`
              : `${routeKey(route)} is deliberately public in infra/routes.ts (audience: null): it must work before sign-in, so a route is only made public when it returns no personal data.`,
        });
      }
    }

    // --- The portal's edge: CloudFront over the API and the assets bucket, WAF, security headers.
    const edge = new PortalEdge(this, 'PortalEdge', {
      apiDomainName: `${api.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
      rateLimitPer5Minutes: settings.throttleRateLimit * 60,
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'PortalUrl', { value: `https://${edge.distribution.distributionDomainName}` });
    new CfnOutput(this, 'AssetsBucketName', { value: edge.assets.bucketName });
    new CfnOutput(this, 'WorkforceUserPoolId', { value: workforce.userPool.userPoolId });
    new CfnOutput(this, 'WorkforceClientId', { value: workforce.client.userPoolClientId });
    new CfnOutput(this, 'NotificationFailuresQueueUrl', { value: notificationFailures.queueUrl });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
