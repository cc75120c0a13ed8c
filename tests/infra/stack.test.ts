/**
 * CDK assertions on the synthesized template, derived from the same route table,
 * table design and environment contract the handlers use, plus the cdk-nag
 * AwsSolutions pack. Bundling is skipped (`aws:cdk:bundling-stacks: []`), so the
 * suite needs neither esbuild runs nor network.
 */
import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDesign } from '../../functions/adapters/table-design';
import { environmentNames } from '../../functions/config';
import { deadLetterConsumer, functions, httpRoutes, mailEventConsumer, routeKey, routes, scanResultConsumer, streamConsumer, workforceTokenTrigger, type FunctionDefinition, type FunctionName, type RouteDefinition } from '../../infra/routes';
import { defaultSettings } from '../../infra/settings';
import { SivaEservicesStack, accessLogFormat } from '../../infra/stack';
import { scopeAttributes, tokenSourceAttributes, workforceRoles, workforceScope } from '../../functions/core/workforce-identity';

type Json = any; // CloudFormation fragments
interface Resource {
  readonly Type: string;
  readonly Properties: Json;
  readonly DeletionPolicy?: string;
  readonly DependsOn?: string[];
}

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

const synth = (context: Record<string, unknown> = {}, routeTable?: readonly RouteDefinition[]) => {
  const app = new App({ context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new SivaEservicesStack(app, 'Test', routeTable ? { routes: routeTable } : {});
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  return { app, stack, template, resources };
};

/** Renders intrinsics as text: Ref → <Id>, GetAtt → <Id.Attr>, Join → concatenation (as cdk-nag does). */
const flatten = (value: Json): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    if ('Ref' in value) return `<${value.Ref}>`;
    if ('Fn::GetAtt' in value) return `<${value['Fn::GetAtt'].join('.')}>`;
    if ('Fn::Join' in value) return (value['Fn::Join'][1] as Json[]).map(flatten).join(value['Fn::Join'][0]);
  }
  return JSON.stringify(value);
};
const list = <T,>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const ofType = (resources: Record<string, Resource>, type: string): [string, Resource][] =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: Json;
  readonly Condition?: Json;
}
/** Every statement of every inline role policy, by role logical id. */
const roleStatements = (resources: Record<string, Resource>, roleId: string): Statement[] =>
  list(resources[roleId]!.Properties.Policies as Json[]).flatMap((policy) => list(policy.PolicyDocument.Statement as Statement[]));
const actionsOf = (statements: Statement[]): string[] => statements.flatMap((statement) => list(statement.Action));
const statementsWith = (statements: Statement[], action: string): Statement[] =>
  statements.filter((statement) => list(statement.Action).includes(action));

const functionNames = Object.keys(functions) as FunctionName[];

describe('SivaEservicesStack template', () => {
  let resources: Record<string, Resource>;
  let template: Template;
  /** Function name (routes.ts) → logical id, matched by the description from routes.ts. */
  const functionIds = new Map<FunctionName, string>();
  const roleIds = new Map<FunctionName, string>();
  const ref = (value: Json): string => (value?.Ref ?? value?.['Fn::GetAtt']?.[0]) as string;
  const only = (type: string): string => {
    const found = ofType(resources, type);
    expect(found, type).toHaveLength(1);
    return found[0]![0];
  };
  /** The table's customer-managed key (the others: the person key, for MACs only, and the operations key for logs and topics). */
  const tableKey = (): string => ref(resources[only('AWS::DynamoDB::Table')]!.Properties.SSESpecification.KMSMasterKeyId);
  const personKey = (): string => {
    const found = ofType(resources, 'AWS::KMS::Key').filter(([, key]) => key.Properties.KeySpec === 'HMAC_256');
    expect(found).toHaveLength(1);
    return found[0]![0];
  };
  /** The notifier's on-failure queue (other queues catch failed asynchronous invocations). */
  const failuresQueue = (): string => ref((template.toJSON().Outputs as Record<string, { Value: Json }>).NotificationFailuresQueueUrl!.Value);
  /** The table stream's event source mappings, by the function they feed (another one feeds the dead-letter consumer from its queue). */
  const streamMappings = () =>
    ofType(resources, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'));
  /** The notifier's: the one stream mapping without a filter. */
  const streamMapping = () => {
    const mappings = streamMappings().filter(([, m]) => m.Properties.FilterCriteria === undefined);
    expect(mappings).toHaveLength(1);
    return mappings[0]![1].Properties;
  };

  beforeAll(() => {
    ({ resources, template } = synth());
    const lambdas = ofType(resources, 'AWS::Lambda::Function');
    for (const name of functionNames) {
      const matches = lambdas.filter(([, resource]) => resource.Properties.Description === functions[name].description);
      expect(matches, `one Lambda function for "${name}"`).toHaveLength(1);
      functionIds.set(name, matches[0]![0]);
      roleIds.set(name, ref(matches[0]![1].Properties.Role));
    }
  });

  it('has exactly one Lambda function per function definition and no extra (custom resource) functions', () => {
    expect(ofType(resources, 'AWS::Lambda::Function')).toHaveLength(functionNames.length);
  });

  describe('HTTP API', () => {
    it('has every route of routes.ts, and only those, with its exact route key', () => {
      const keys = ofType(resources, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey as string);
      expect(keys.sort()).toEqual(httpRoutes.map(routeKey).sort());
    });

    it.each(httpRoutes.map((route) => [routeKey(route), route] as const))(
      '%s → the function and authorizer named in routes.ts',
      (key, route) => {
        const [, routeResource] = ofType(resources, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === key)!;
        // Integration target is the route's function.
        const target = flatten(routeResource.Properties.Target);
        const integrationId = /^integrations\/<(\w+)>$/.exec(target)?.[1];
        expect(integrationId, target).toBeDefined();
        const integration = resources[integrationId!]!;
        expect(integration.Type).toBe('AWS::ApiGatewayV2::Integration');
        expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
        expect(integration.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [functionIds.get(route.function), 'Arn'] });
        // Authorizer is the one for the route's audience.
        if (route.audience === null) {
          expect(routeResource.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
          return;
        }
        expect(routeResource.Properties.AuthorizationType).toBe('JWT');
        const authorizer = resources[ref(routeResource.Properties.AuthorizerId)]!;
        expect(authorizer.Type).toBe('AWS::ApiGatewayV2::Authorizer');
        expect(authorizer.Properties.AuthorizerType).toBe('JWT');
        expect(authorizer.Properties.Name).toBe(route.audience);
        if (route.audience === 'citizen') {
          expect(authorizer.Properties.JwtConfiguration).toEqual({
            Issuer: defaultSettings.citizenIssuerUrl,
            Audience: [defaultSettings.citizenAudience],
          });
        } else {
          const pool = only('AWS::Cognito::UserPool');
          const client = only('AWS::Cognito::UserPoolClient');
          expect(flatten(authorizer.Properties.JwtConfiguration.Issuer)).toBe(
            `https://cognito-idp.<AWS::Region>.<AWS::URLSuffix>/<${pool}>`,
          );
          // Access tokens carry the app client in `client_id`, which API Gateway checks against this list.
          expect(authorizer.Properties.JwtConfiguration.Audience).toEqual([{ Ref: client }]);
          // Only access tokens the pool's trigger built carry this scope (an ID token has none).
          expect(routeResource.Properties.AuthorizationScopes).toEqual([workforceScope]);
        }
      },
    );

    it('lets API Gateway invoke each routed function only from its own route', () => {
      const permissions = ofType(resources, 'AWS::Lambda::Permission');
      for (const route of httpRoutes) {
        const match = permissions.filter(
          ([, p]) =>
            p.Properties.Principal === 'apigateway.amazonaws.com' &&
            p.Properties.FunctionName?.['Fn::GetAtt']?.[0] === functionIds.get(route.function) &&
            flatten(p.Properties.SourceArn).endsWith(`/*/*${route.path}`),
        );
        // GET and POST of one path (the portal's greedy routes) share the one permission each route adds.
        const samePath = httpRoutes.filter((other) => other.function === route.function && other.path === route.path);
        expect(match, routeKey(route)).toHaveLength(samePath.length);
      }
    });

    it('throttles the public routes on their own, below the default, with the numbers of the route table', () => {
      const stage = resources[only('AWS::ApiGatewayV2::Stage')]!;
      const publicRoutes = routes.filter((route) => route.audience === null);
      expect(publicRoutes.map(routeKey)).toEqual(['POST /services/{serviceId}/eligibility', 'GET /services', 'GET /openapi.json']);
      const throttled = (routes as readonly RouteDefinition[]).flatMap((route) => (route.throttle ? [{ key: routeKey(route), ...route.throttle }] : []));
      // Anyone may call a public route without signing in: its own limit keeps it from starving signed-in users.
      expect(throttled.map(({ key }) => key)).toEqual(publicRoutes.map(routeKey));
      expect(stage.Properties.RouteSettings).toEqual(
        Object.fromEntries(throttled.map(({ key, rateLimit, burstLimit }) => [key, { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit }])),
      );
      for (const { key, rateLimit, burstLimit } of throttled) {
        expect(rateLimit, key).toBeLessThan(defaultSettings.throttleRateLimit);
        expect(burstLimit, key).toBeLessThan(defaultSettings.throttleBurstLimit);
        // Route settings name a route key: the stage must be created after the route exists.
        const routeId = ofType(resources, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === key)![0];
        expect(stage.DependsOn ?? [], key).toContain(routeId);
      }
    });

    it('has a $default stage with JSON access logs (no personal data) to a retained log group, and throttling', () => {
      const stage = resources[only('AWS::ApiGatewayV2::Stage')]!.Properties;
      expect(stage.StageName).toBe('$default');
      expect(stage.AutoDeploy).toBe(true);
      expect(stage.DefaultRouteSettings).toEqual({
        ThrottlingRateLimit: defaultSettings.throttleRateLimit,
        ThrottlingBurstLimit: defaultSettings.throttleBurstLimit,
      });
      const logGroup = resources[ref(stage.AccessLogSettings.DestinationArn)]!;
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(defaultSettings.logRetentionDays);
      const format = stage.AccessLogSettings.Format as string;
      expect(format).toBe(accessLogFormat);
      // Valid JSON once API Gateway substitutes the variables.
      const sample = JSON.parse(format.replace('$context.error.messageString', '"x"')) as Record<string, string>;
      expect(sample).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
      expect(Object.keys(sample)).toEqual(expect.arrayContaining(['responseLatency', 'integrationLatency']));
      expect(format).not.toMatch(/sourceIp|userAgent|\$context\.path|requestBody|header|querystring|authorizer\.claims/i);
    });

    it('maps workforce routes to the Cognito authorizer and public routes to none (route table variation)', () => {
      const variation: RouteDefinition[] = [
        ...routes,
        { method: 'GET', path: '/referrals/recent', function: 'list-applications', audience: 'workforce' },
        { method: 'GET', path: '/services/recent', function: 'get-application', audience: null },
      ];
      const { resources: varied, app, stack } = synth({}, variation);
      const routeOf = (key: string) => ofType(varied, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === key)![1];
      const workforceAuthorizer = varied[ref(routeOf('GET /referrals/recent').Properties.AuthorizerId)]!;
      expect(workforceAuthorizer.Properties.Name).toBe('workforce');
      const poolId = ofType(varied, 'AWS::Cognito::UserPool')[0]![0];
      expect(flatten(workforceAuthorizer.Properties.JwtConfiguration.Issuer)).toContain(`<${poolId}>`);
      const citizenAuthorizer = varied[ref(routeOf('POST /applications').Properties.AuthorizerId)]!;
      expect(citizenAuthorizer.Properties.Name).toBe('citizen');
      expect(ofType(varied, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(2);
      expect(routeOf('GET /services/recent').Properties.AuthorizationType ?? 'NONE').toBe('NONE');
      // The public route is acknowledged for APIG4 on that route only; nothing else is flagged.
      const report = new AwsSolutionsChecks(app, { verbose: true }).validateScope(stack);
      expect(report.violations).toEqual([]);
    });
  });

  describe('table', () => {
    it('is derived from tableDesign: keys, GSIs with their projections, TTL, stream, PITR, CMK, retained', () => {
      const tableId = only('AWS::DynamoDB::Table');
      const table = resources[tableId]!;
      expect(table.DeletionPolicy).toBe('Retain');
      const p = table.Properties;
      expect(p.BillingMode).toBe('PAY_PER_REQUEST');
      expect(p.KeySchema).toEqual([
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ]);
      expect(p.GlobalSecondaryIndexes).toEqual(
        tableDesign.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: index.projection },
        })),
      );
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: tableDesign.timeToLiveAttribute, Enabled: true });
      expect(p.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
      const key = resources[ref(p.SSESpecification.KMSMasterKeyId)]!;
      expect(key.Type).toBe('AWS::KMS::Key');
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    });
  });

  describe('functions', () => {
    it.each(functionNames)('%s: newest Node runtime, arm64, ESM bundle entry, own log group with retention', (name) => {
      const latestNode = lambda.Runtime.ALL.filter((runtime) => /^nodejs\d/.test(runtime.name))
        .map((runtime) => runtime.name)
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
        .pop();
      const fn = resources[functionIds.get(name)!]!.Properties;
      expect(fn.Runtime).toBe(latestNode);
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.Handler).toBe('index.handler');
      expect(fn.MemorySize).toBeGreaterThanOrEqual(256);
      expect(fn.MemorySize).toBeLessThanOrEqual(512);
      expect(fn.Timeout).toBeLessThanOrEqual(name === streamConsumer ? 900 : 29);
      const logGroup = resources[ref(fn.LoggingConfig.LogGroup)]!;
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(defaultSettings.logRetentionDays);
    });

    it.each(functionNames.filter((name) => name !== workforceTokenTrigger))('%s: every environment variable of functions/config.ts', (name) => {
      const variables = resources[functionIds.get(name)!]!.Properties.Environment.Variables as Record<string, Json>;
      // PERSON_KEY_FILE is the local stand-in for the KMS person key: never set on Lambda.
      const deployed = Object.values(environmentNames).filter((variable) => variable !== environmentNames.personKeyFile);
      expect(Object.keys(variables).sort()).toEqual(deployed.sort());
      expect(variables[environmentNames.personKeyId]).toEqual({ 'Fn::GetAtt': [personKey(), 'Arn'] });
      expect(variables[environmentNames.representativeDailyLimit]).toBe(String(defaultSettings.representativeDailyLimit));
      expect(variables).toMatchObject({
        [environmentNames.mailFrom]: defaultSettings.mailFrom,
        [environmentNames.agencyInboxes]: defaultSettings.agencyInboxes,
        [environmentNames.portalUrl]: defaultSettings.portalUrl,
        [environmentNames.staffPortalUrl]: defaultSettings.staffPortalUrl,
        [environmentNames.pensionAge]: String(defaultSettings.pensionAge),
        [environmentNames.citizenTokenIssuer]: defaultSettings.citizenIssuerUrl,
        [environmentNames.notificationMaxDeliveries]: String(defaultSettings.notificationMaxDeliveries),
        [environmentNames.notificationRetryBaseMs]: String(defaultSettings.notificationRetryBaseMs),
      });
      expect(JSON.parse(variables[environmentNames.agencyInboxes] as string)).toBeTypeOf('object');
      expect(variables[environmentNames.tableName]).toEqual({ Ref: only('AWS::DynamoDB::Table') });
      expect(variables[environmentNames.sesConfigurationSet]).toEqual({ Ref: only('AWS::SES::ConfigurationSet') });
      expect(flatten(variables[environmentNames.workforceTokenIssuer])).toBe(
        `https://cognito-idp.<AWS::Region>.<AWS::URLSuffix>/<${only('AWS::Cognito::UserPool')}>`,
      );
    });

    it('takes its settings from CDK context', () => {
      const { resources: varied } = synth({
        citizenIssuerUrl: 'https://eid.test.lv',
        citizenAudience: 'aud-test',
        pensionAge: 66,
        agencyInboxes: { 'vehicle-adaptation': 'auto@siva.gov.lv' },
        logRetentionDays: 30,
      });
      const [, authorizer] = ofType(varied, 'AWS::ApiGatewayV2::Authorizer').find(([, a]) => a.Properties.Name === 'citizen')!;
      expect(authorizer.Properties.JwtConfiguration).toEqual({ Issuer: 'https://eid.test.lv', Audience: ['aud-test'] });
      for (const [, fn] of ofType(varied, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties.Environment)) {
        expect(fn.Properties.Environment.Variables).toMatchObject({
          CITIZEN_TOKEN_ISSUER: 'https://eid.test.lv',
          PENSION_AGE: '66',
          AGENCY_INBOXES: '{"vehicle-adaptation":"auto@siva.gov.lv"}',
        });
      }
      for (const [, group] of ofType(varied, 'AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBe(30);
      expect(() => synth({ logRetentionDays: 42 })).toThrow(/logRetentionDays/);
      expect(() => synth({ agencyInboxes: 'not json' })).toThrow(/agencyInboxes/);
    });
  });

  describe('IAM', () => {
    const writeActions = [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:BatchWriteItem',
      'kms:Encrypt',
      'kms:GenerateDataKey',
    ];

    it('uses no AWS managed policies, no IAM::Policy or ManagedPolicy resources, one role per function', () => {
      for (const [id, role] of ofType(resources, 'AWS::IAM::Role')) {
        expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
      }
      expect(ofType(resources, 'AWS::IAM::ManagedPolicy')).toEqual([]);
      expect(new Set(roleIds.values()).size).toBe(functionNames.length);
    });

    it('has no wildcard action and no wildcard resource, except the own log group stream level, X-Ray and the table\'s backups', () => {
      // Tolerated wildcards: `<own log group ARN>:log-stream:*` (Lambda names streams at run time), the two X-Ray
      // trace actions on `*` (X-Ray has no resource types) and AWS Backup's `<table ARN>/backup/*` (DynamoDB names backups).
      const ownLogStreams = new Map<string, string>();
      for (const name of functionNames) {
        const logGroupId = ref(resources[functionIds.get(name)!]!.Properties.LoggingConfig.LogGroup);
        ownLogStreams.set(
          roleIds.get(name)!,
          `arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:<${logGroupId}>:log-stream:*`,
        );
      }
      // And the object level of the upload buckets (keys are random upload ids), for the roles that use them.
      const bucketArn = (name: string) => `<${ofType(resources, 'AWS::S3::Bucket').find(([id]) => id.startsWith(`Uploads${name}`))![0]}.Arn>`;
      const uploadObjectWildcards = new Map<string, string[]>([
        [only('AWS::GuardDuty::MalwareProtectionPlan') && ref(resources[only('AWS::GuardDuty::MalwareProtectionPlan')]!.Properties.Role), [
          `${bucketArn('Quarantine')}/*`,
          'arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*',
        ]],
        ...functionNames.flatMap((name) => {
          const buckets = (functions[name] as FunctionDefinition).buckets;
          if (!buckets) return [];
          return [[roleIds.get(name)!, [
            ...(buckets.quarantine ? [`${bucketArn('Quarantine')}/*`] : []),
            ...(buckets.evidence ? [`${bucketArn('Evidence')}/applications/*`] : []),
          ]] as [string, string[]]];
        }),
      ]);
      const documents: [string, Statement[]][] = [
        ...ofType(resources, 'AWS::IAM::Role').map(([id]) => [id, roleStatements(resources, id)] as [string, Statement[]]),
        ...ofType(resources, 'AWS::IAM::Policy').map(
          ([id, policy]) => [id, list(policy.Properties.PolicyDocument.Statement as Statement[])] as [string, Statement[]],
        ),
      ];
      expect(documents.length).toBeGreaterThan(0);
      const tableBackups = `<${only('AWS::DynamoDB::Table')}.Arn>/backup/*`;
      for (const [id, statements] of documents) {
        for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
          for (const action of list(statement.Action)) expect(action, `${id} action`).not.toContain('*');
          const tracing = list(statement.Action).every((action) => action === 'xray:PutTraceSegments' || action === 'xray:PutTelemetryRecords');
          for (const resource of list(statement.Resource).map(flatten)) {
            if (resource === ownLogStreams.get(id)) continue;
            if (resource === '*' && tracing) continue;
            if (resource === tableBackups && list(statement.Action).every((action) => ['dynamodb:DescribeBackup', 'dynamodb:DeleteBackup'].includes(action))) continue;
            if (uploadObjectWildcards.get(id)?.includes(resource)) continue;
            expect(resource, `${id} resource`).not.toContain('*');
          }
        }
      }
    });

    it.each(functionNames)('%s: exactly the table, index and key access of its definition', (name) => {
      const definition: FunctionDefinition = functions[name];
      const statements = roleStatements(resources, roleIds.get(name)!);
      const actions = actionsOf(statements);
      const tableId = only('AWS::DynamoDB::Table');
      const tableArn = `<${tableId}.Arn>`;
      const reads = definition.tableAccess === 'read' || definition.tableAccess === 'read-write';
      const writes = definition.tableAccess === 'write' || definition.tableAccess === 'read-write';

      for (const action of ['dynamodb:GetItem', 'dynamodb:BatchGetItem']) {
        expect(actions.includes(action), action).toBe(reads);
        for (const s of statementsWith(statements, action)) expect(list(s.Resource).map(flatten)).toEqual([tableArn]);
      }
      for (const action of writeActions.filter((a) => a.startsWith('dynamodb:'))) {
        expect(actions.includes(action), action).toBe(writes && action !== 'dynamodb:BatchWriteItem');
        for (const s of statementsWith(statements, action)) expect(list(s.Resource).map(flatten)).toEqual([tableArn]);
      }
      // Query: the table, plus exactly the named indexes.
      const queried = statementsWith(statements, 'dynamodb:Query').flatMap((s) => list(s.Resource).map(flatten));
      expect(queried.sort()).toEqual(
        reads ? [tableArn, ...definition.indexes.map((index) => `${tableArn}/index/${index}`)].sort() : [],
      );
      // Key: used only through DynamoDB, encrypt only for writers.
      const keyArn = `<${tableKey()}.Arn>`;
      const viaDynamo = statements.filter((s) => flatten(s.Condition?.StringEquals?.['kms:ViaService'] ?? '').startsWith('dynamodb.'));
      // A function that never touches the table gets no key either.
      if (!reads && !writes) return expect(viaDynamo).toEqual([]);
      expect(viaDynamo).toHaveLength(1);
      expect(flatten(viaDynamo[0]!.Condition.StringEquals['kms:ViaService'])).toBe('dynamodb.<AWS::Region>.<AWS::URLSuffix>');
      expect(list(viaDynamo[0]!.Resource).map(flatten)).toEqual([keyArn]);
      expect(list(viaDynamo[0]!.Action).sort()).toEqual(
        ['kms:Decrypt', 'kms:DescribeKey', ...(writes ? ['kms:Encrypt', 'kms:GenerateDataKey'] : [])].sort(),
      );
      expect(actions.filter((a) => a.startsWith('kms:ReEncrypt') || a === 'kms:CreateGrant')).toEqual([]);
      if (definition.tableAccess === 'read') {
        expect(actions.filter((a) => writeActions.includes(a))).toEqual([]);
      }
    });

    it('lets exactly the functions that MAC personal codes call kms:GenerateMac (HMAC_SHA_256 only) on the person key, nothing else on it', () => {
      const key = resources[personKey()]!;
      expect(key.Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
      expect(key.DeletionPolicy).toBe('Retain');
      const macing = functionNames.filter((name) => (functions[name] as FunctionDefinition).macsPersonalCodes);
      expect(macing.sort()).toEqual([
        'create-draft',
        'create-draft-upload',
        'delete-draft',
        'get-draft',
        'get-draft-upload',
        'list-applications',
        'list-drafts',
        'save-draft',
        'submit-application',
        'submit-draft',
        'submit-referral',
        'web',
      ]);
      for (const name of functionNames) {
        const statements = roleStatements(resources, roleIds.get(name)!);
        const onPersonKey = statements.filter((s) => list(s.Resource).some((r) => flatten(r).includes(personKey())));
        if (!macing.includes(name)) {
          expect(onPersonKey, name).toEqual([]);
          expect(actionsOf(statements), name).not.toContain('kms:GenerateMac');
          continue;
        }
        expect(onPersonKey, name).toHaveLength(1);
        expect(list(onPersonKey[0]!.Action)).toEqual(['kms:GenerateMac']);
        expect(list(onPersonKey[0]!.Resource)).toEqual([{ 'Fn::GetAtt': [personKey(), 'Arn'] }]);
        expect(onPersonKey[0]!.Condition).toEqual({ StringEquals: { 'kms:MacAlgorithm': 'HMAC_SHA_256' } });
        expect(statementsWith(statements, 'kms:GenerateMac')).toHaveLength(1);
      }
    });

    it('lets only the functions that send e-mail call ses:SendEmail, on the exact identity and configuration set', () => {
      const configurationSet = only('AWS::SES::ConfigurationSet');
      for (const name of functionNames) {
        const statements = roleStatements(resources, roleIds.get(name)!);
        const sesStatements = statements.filter((s) => list(s.Action).some((a) => a.startsWith('ses:')));
        if (!functions[name].sendsEmail) {
          expect(sesStatements, name).toEqual([]);
          continue;
        }
        expect(actionsOf(sesStatements)).toEqual(['ses:SendEmail']);
        expect(sesStatements.flatMap((s) => list(s.Resource).map(flatten)).sort()).toEqual(
          [
            `arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/${defaultSettings.senderDomain}`,
            `arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:configuration-set/<${configurationSet}>`,
          ].sort(),
        );
      }
      expect(functionNames.filter((name) => functions[name].sendsEmail)).toContain(streamConsumer);
    });

    it('each function may write only to its own log group', () => {
      for (const name of functionNames) {
        const logGroupId = ref(resources[functionIds.get(name)!]!.Properties.LoggingConfig.LogGroup);
        const statements = roleStatements(resources, roleIds.get(name)!).filter((s) =>
          list(s.Action).some((a) => a.startsWith('logs:')),
        );
        expect(actionsOf(statements).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
        for (const resource of statements.flatMap((s) => list(s.Resource).map(flatten))) {
          expect(resource).toMatch(
            new RegExp(`^arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:<${logGroupId}>(:log-stream:\\*)?$`),
          );
        }
      }
    });
  });

  describe('draft functions', () => {
    it('feeds the draft clean-up only the REMOVE records of drafts, with the notifier\'s retries and on-failure queue', () => {
      const cleanup = streamMappings().filter(([, m]) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: functionIds.get('draft-cleanup') }));
      expect(cleanup).toHaveLength(1);
      const mapping = cleanup[0]![1].Properties;
      expect(JSON.parse(mapping.FilterCriteria.Filters[0].Pattern)).toEqual({ eventName: ['REMOVE'], dynamodb: { OldImage: { entity: { S: ['draft'] } } } });
      expect(mapping).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'], DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failuresQueue(), 'Arn'] } } } });
    });

    it('runs the draft reminders every morning from an EventBridge rule, and lets them send e-mail', () => {
      const rules = ofType(resources, 'AWS::Events::Rule').filter(([, rule]) => JSON.stringify(rule.Properties.Targets).includes(functionIds.get('draft-reminders')!));
      expect(rules).toHaveLength(1);
      expect(rules[0]![1].Properties.ScheduleExpression).toBe('cron(0 7 * * ? *)');
      expect(actionsOf(roleStatements(resources, roleIds.get('draft-reminders')!))).toContain('ses:SendEmail');
    });
  });

  describe('stream consumer (notifier)', () => {
    it('is fed by the table stream with bisect, retries, partial batch failures and an SQS on-failure destination', () => {
      const mapping = streamMapping();
      const tableId = only('AWS::DynamoDB::Table');
      const queueId = failuresQueue();
      expect(mapping.EventSourceArn).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
      expect(mapping.FunctionName).toEqual({ Ref: functionIds.get(streamConsumer) });
      expect(mapping).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 10,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      });
      expect(mapping.MaximumRecordAgeInSeconds).toBeGreaterThan(0);
    });

    it('dead-letters a batch at most 6 hours old, so the dead-letters function can still read it from the stream (24-hour retention)', () => {
      expect(streamMapping().MaximumRecordAgeInSeconds).toBeLessThanOrEqual(6 * 3600);
    });

    it("retries at least as often as the notifier counts deliveries, and its timeout covers the notifier's longest pause", () => {
      const mapping = streamMapping();
      expect(mapping.MaximumRetryAttempts + 1).toBeGreaterThanOrEqual(defaultSettings.notificationMaxDeliveries);
      const longestPauseSeconds =
        (defaultSettings.notificationRetryBaseMs * 2 ** (defaultSettings.notificationMaxDeliveries - 2)) / 1000;
      const notifier = resources[functionIds.get(streamConsumer)!]!.Properties;
      expect(notifier.Timeout).toBeGreaterThanOrEqual(longestPauseSeconds + 30);
      expect(notifier.Timeout).toBeLessThanOrEqual(900);
    });

    it("claims an e-mail for as long as the notifier may run, so no two invocations send it at once", () => {
      const notifier = resources[functionIds.get(streamConsumer)!]!.Properties;
      expect(Number(notifier.Environment.Variables[environmentNames.notificationSendLeaseMs])).toBe(notifier.Timeout * 1000);
    });

    it('has an encrypted, TLS-only dead-letter queue kept 14 days', () => {
      const queueId = failuresQueue();
      expect(resources[queueId]!.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const [, policy] = ofType(resources, 'AWS::SQS::QueuePolicy').find(([, p]) => ref(p.Properties.Queues[0]) === queueId)!;
      expect(policy.Properties.Queues).toEqual([{ Ref: queueId }]);
      expect(policy.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      );
    });

    it('reads the stream (exact ARN, no ListStreams) only in the notifier, which writes failed batches to the queue, and the dead-letter consumer, which reads them', () => {
      const tableId = only('AWS::DynamoDB::Table');
      const queueId = failuresQueue();
      const keyId = tableKey();
      const queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] };
      const sqsActions: Partial<Record<FunctionName, string[]>> = {
        [streamConsumer]: ['sqs:SendMessage'],
        [deadLetterConsumer]: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
        // Fed the REMOVE records of drafts; a batch it cannot get through goes to the same queue.
        'draft-cleanup': ['sqs:SendMessage'],
      };
      for (const name of functionNames) {
        const statements = roleStatements(resources, roleIds.get(name)!);
        const actions = actionsOf(statements);
        expect(actions).not.toContain('dynamodb:ListStreams');
        const expectedSqs = sqsActions[name];
        if (!expectedSqs) {
          expect(actions.filter((a) => /^dynamodb:.*Stream|ShardIterator|GetRecords/.test(a)), name).toEqual([]);
          // Only the asynchronously invoked mail-events function writes to a queue: its own dead-letter queue.
          const sends = statementsWith(statements, 'sqs:SendMessage').flatMap((s) => list(s.Resource));
          expect(actions.filter((a) => a.startsWith('sqs:')), name).toEqual(name === mailEventConsumer ? ['sqs:SendMessage'] : []);
          if (name === mailEventConsumer) expect(sends).toEqual([{ 'Fn::GetAtt': [resources[functionIds.get(name)!]!.Properties.DeadLetterConfig.TargetArn['Fn::GetAtt'][0], 'Arn'] }]);
          continue;
        }
        for (const action of ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']) {
          expect(statementsWith(statements, action).flatMap((s) => list(s.Resource))).toEqual([{ 'Fn::GetAtt': [tableId, 'StreamArn'] }]);
        }
        expect(actions.filter((a) => a.startsWith('sqs:')).sort(), name).toEqual(expectedSqs);
        for (const action of expectedSqs) expect(statementsWith(statements, action).flatMap((s) => list(s.Resource))).toEqual([queueArn]);
        const streamDecrypt = statementsWith(statements, 'kms:Decrypt').filter((s) => !s.Condition);
        expect(streamDecrypt.flatMap((s) => list(s.Resource))).toEqual([{ 'Fn::GetAtt': [keyId, 'Arn'] }]);
      }
    });

    it('feeds the dead-letter consumer from the on-failure queue, one failed batch at a time', () => {
      const queueId = failuresQueue();
      const mappings = ofType(resources, 'AWS::Lambda::EventSourceMapping').map(([, mapping]) => mapping.Properties);
      const fromQueue = mappings.filter((mapping) => JSON.stringify(mapping.EventSourceArn).includes(queueId));
      expect(fromQueue).toHaveLength(1);
      expect(fromQueue[0]).toMatchObject({ BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    });
  });

  describe('compliance and operations', () => {
    const alarms = () => ofType(resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    const alarmTopic = () => ofType(resources, 'AWS::SNS::Topic').find(([, topic]) => topic.Properties.DisplayName === 'siva-eservices alarms')![0];

    it('encrypts every log group with the operations key, which is not the table key', () => {
      const groups = ofType(resources, 'AWS::Logs::LogGroup');
      expect(groups.length).toBe(functionNames.length + 1);
      const keys = new Set(groups.map(([, group]) => ref(group.Properties.KmsKeyId)));
      expect(keys.size).toBe(1);
      const [logKey] = [...keys];
      expect(resources[logKey!]!.Type).toBe('AWS::KMS::Key');
      expect(resources[logKey!]!.Properties.EnableKeyRotation).toBe(true);
      expect(logKey).not.toBe(tableKey());
    });

    it.each(functionNames)('%s: X-Ray tracing, reserved concurrency, and alarms on its errors and throttles', (name) => {
      const fn = resources[functionIds.get(name)!]!.Properties;
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.ReservedConcurrentExecutions).toBe(defaultSettings.reservedConcurrency);
      const own = alarms().filter((alarm) => JSON.stringify(alarm.Dimensions ?? []).includes(functionIds.get(name)!));
      expect(own.map((alarm) => alarm.MetricName).sort()).toEqual(expect.arrayContaining(['Errors', 'Throttles']));
      for (const alarm of own) {
        expect(alarm.AlarmActions).toEqual([{ Ref: alarmTopic() }]);
        expect(alarm.Threshold).toBeGreaterThan(0);
      }
    });

    it('alarms when the notifier falls an hour behind the stream and when a failed batch waits 15 minutes to be recorded', () => {
      const iteratorAge = alarms().find((alarm) => alarm.MetricName === 'IteratorAge')!;
      expect(JSON.stringify(iteratorAge.Dimensions)).toContain(functionIds.get(streamConsumer)!);
      expect(iteratorAge.Threshold).toBeLessThanOrEqual(3600_000);
      const oldest = alarms().find((alarm) => alarm.MetricName === 'ApproximateAgeOfOldestMessage')!;
      expect(JSON.stringify(oldest.Dimensions)).toContain(failuresQueue());
      expect(oldest.Threshold).toBeLessThanOrEqual(15 * 60);
    });

    it('sends alarms to a KMS-encrypted, TLS-only topic, and e-mails them to the alarmEmail of cdk.json when given', () => {
      const topic = resources[alarmTopic()]!.Properties;
      expect(topic.KmsMasterKeyId).toBeDefined();
      expect(ofType(resources, 'AWS::SNS::Subscription').filter(([, sub]) => sub.Properties.Protocol === 'email')).toEqual([]);
      const { resources: withEmail } = synth({ alarmEmail: 'ops@siva.gov.lv' });
      const subscriptions = ofType(withEmail, 'AWS::SNS::Subscription').map(([, sub]) => sub.Properties);
      expect(subscriptions).toEqual(expect.arrayContaining([expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@siva.gov.lv' })]));
      expect(() => synth({ alarmEmail: 'not an address' })).toThrow(/alarmEmail/);
    });

    it('backs the table up with AWS Backup: daily kept 35 days, monthly kept 10 years, in a vault under the table key', () => {
      const plan = resources[only('AWS::Backup::BackupPlan')]!.Properties.BackupPlan;
      const retention = (plan.BackupPlanRule as Json[]).map((rule) => rule.Lifecycle.DeleteAfterDays).sort((a: number, b: number) => a - b);
      expect(retention).toEqual([35, 3653]);
      const vault = resources[only('AWS::Backup::BackupVault')]!;
      expect(vault.Properties.EncryptionKeyArn).toEqual({ 'Fn::GetAtt': [tableKey(), 'Arn'] });
      expect(vault.DeletionPolicy).toBe('Retain');
      const selection = resources[only('AWS::Backup::BackupSelection')]!.Properties.BackupSelection;
      expect(selection.Resources).toEqual([{ 'Fn::GetAtt': [only('AWS::DynamoDB::Table'), 'Arn'] }]);
      expect(resources[ref(selection.IamRoleArn)]!.Properties.ManagedPolicyArns).toBeUndefined();
    });
  });

  describe('evidence uploads', () => {
    const bucket = (name: string) => ofType(resources, 'AWS::S3::Bucket').find(([id]) => id.startsWith(`Uploads${name}`))!;
    const denyWithoutTls = (bucketId: string) =>
      ofType(resources, 'AWS::S3::BucketPolicy').some(
        ([, policy]) =>
          ref(policy.Properties.Bucket) === bucketId &&
          list(policy.Properties.PolicyDocument.Statement as Statement[]).some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}'),
      );

    it('keeps quarantine and evidence KMS-encrypted, private, TLS-only and access-logged; quarantine expires in a day, evidence is versioned', () => {
      const [quarantineId, quarantine] = bucket('Quarantine');
      const [evidenceId, evidence] = bucket('Evidence');
      const [logsId] = bucket('AccessLogs');
      for (const [id, { Properties: properties }] of [[quarantineId, quarantine], [evidenceId, evidence]] as const) {
        const encryption = properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
        expect(encryption.SSEAlgorithm, id).toBe('aws:kms');
        expect(ref(encryption.KMSMasterKeyID)).not.toBe(tableKey());
        expect(properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
        expect(ref(properties.LoggingConfiguration.DestinationBucketName)).toBe(logsId);
        expect(denyWithoutTls(id), id).toBe(true);
      }
      expect(quarantine.Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 1, Status: 'Enabled' })]);
      expect(evidence.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(evidence.DeletionPolicy).toBe('Retain');
    });

    it('protects the quarantine bucket with a GuardDuty malware protection plan whose role reaches only that bucket and the key through S3', () => {
      const [quarantineId] = bucket('Quarantine');
      const plan = resources[only('AWS::GuardDuty::MalwareProtectionPlan')]!.Properties;
      expect(plan.ProtectedResource).toEqual({ S3Bucket: { BucketName: { Ref: quarantineId } } });
      const statements = roleStatements(resources, ref(plan.Role));
      const s3Resources = statements.filter((s) => list(s.Action).some((a) => a.startsWith('s3:'))).flatMap((s) => list(s.Resource).map(flatten));
      for (const resource of s3Resources) expect(resource).toMatch(new RegExp(`^<${quarantineId}\\.Arn>`));
      const keyStatement = statements.find((s) => list(s.Action).includes('kms:Decrypt'))!;
      expect(flatten(keyStatement.Condition.StringLike['kms:ViaService'])).toBe('s3.<AWS::Region>.<AWS::URLSuffix>');
    });

    it('sends GuardDuty scan results of the quarantine bucket to promote-upload, with retries and a dead-letter queue', () => {
      const [quarantineId] = bucket('Quarantine');
      const [, rule] = ofType(resources, 'AWS::Events::Rule').find(([, r]) => r.Properties.EventPattern?.source?.includes('aws.guardduty'))!;
      expect(rule.Properties.EventPattern).toEqual({
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
        detail: { s3ObjectDetails: { bucketName: [{ Ref: quarantineId }] } },
      });
      const [target] = rule.Properties.Targets;
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [functionIds.get(scanResultConsumer), 'Arn'] });
      expect(target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(target.DeadLetterConfig.Arn).toBeDefined();
    });

    it.each(functionNames)('%s: exactly the bucket actions of its definition, and the upload key only through S3', (name) => {
      const statements = roleStatements(resources, roleIds.get(name)!);
      const buckets = (functions[name] as FunctionDefinition).buckets ?? {};
      const granted = statements.filter((s) => list(s.Action).some((a) => a.startsWith('s3:')));
      const expected = [
        ...(buckets.quarantine ?? []).map((kind) => `${kind} <${bucket('Quarantine')[0]}.Arn>/*`),
        ...(buckets.evidence ?? []).map((kind) => `${kind} <${bucket('Evidence')[0]}.Arn>/applications/*`),
      ];
      const verbs: Record<string, string> = { 's3:PutObject': 'put', 's3:GetObject': 'read', 's3:DeleteObject': 'delete' };
      expect(granted.flatMap((s) => list(s.Action).flatMap((a) => list(s.Resource).map((r) => `${verbs[a] ?? a} ${flatten(r)}`))).sort()).toEqual(expected.sort());
      const viaS3 = statements.filter((s) => flatten(s.Condition?.StringEquals?.['kms:ViaService'] ?? '').startsWith('s3.'));
      // Deleting needs no key; writing and reading do.
      const usesKey = [...(buckets.quarantine ?? []), ...(buckets.evidence ?? [])].some((kind) => kind !== 'delete');
      expect(viaS3.length).toBe(usesKey ? 1 : 0);
    });
  });

  describe('workforce sign-in and e-mail', () => {
    it('has an admin-only Cognito pool with strong passwords, required MFA and threat protection', () => {
      const pool = resources[only('AWS::Cognito::UserPool')]!.Properties;
      expect(pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
      expect(pool.MfaConfiguration).toBe('ON');
      expect(pool.Policies.PasswordPolicy).toMatchObject({
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      });
      expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(14);
      expect(pool.UserPoolTier).toBe('PLUS');
      expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
      const client = resources[only('AWS::Cognito::UserPoolClient')]!.Properties;
      expect(client.GenerateSecret).toBe(false);
    });

    it('has a group for every workforce role the API authorises, and no other', () => {
      const groups = ofType(resources, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName as string);
      expect(workforceRoles).toContain('armed-forces');
      expect(groups.sort()).toEqual([...workforceRoles].sort());
    });

    it('lets a signed-in user write no attribute that authorisation or letters read', () => {
      const client = resources[only('AWS::Cognito::UserPoolClient')]!.Properties;
      // Explicit: without a write set Cognito lets the user's own access token rewrite every standard attribute.
      expect(client.WriteAttributes).toEqual(['locale']);
      for (const attribute of ['name', 'email', 'email_verified', 'given_name', 'family_name', ...tokenSourceAttributes]) {
        expect(client.WriteAttributes, attribute).not.toContain(attribute);
      }
    });

    it('holds the scope in administrator-written custom attributes', () => {
      const pool = resources[only('AWS::Cognito::UserPool')]!.Properties;
      const custom = (pool.Schema as Json[]).filter((attribute) => attribute.AttributeDataType === 'String' && !attribute.Required);
      for (const attribute of Object.values(scopeAttributes)) {
        expect(custom.find((candidate) => `custom:${candidate.Name}` === attribute), attribute).toMatchObject({ Mutable: true });
      }
    });

    it("puts the scope into access tokens with the pre-token-generation trigger (V2_0), the trigger function's own", () => {
      const pool = resources[only('AWS::Cognito::UserPool')]!.Properties;
      const triggerId = functionIds.get(workforceTokenTrigger)!;
      expect(pool.LambdaConfig.PreTokenGenerationConfig).toEqual({
        LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] },
        LambdaVersion: 'V2_0',
      });
      const invokers = ofType(resources, 'AWS::Lambda::Permission').filter(([, p]) => ref(p.Properties.FunctionName) === triggerId);
      expect(invokers.map(([, p]) => p.Properties.Principal)).toEqual(['cognito-idp.amazonaws.com']);
      // It reads no setting and no table: nothing in its environment, no table statement in its role.
      expect(resources[triggerId]!.Properties.Environment).toBeUndefined();
      expect(actionsOf(roleStatements(resources, roleIds.get(workforceTokenTrigger)!)).filter((action) => !/^(logs|xray):/.test(action))).toEqual([]);
    });

    it('has an SES configuration set with reputation metrics and required TLS', () => {
      expect(resources[only('AWS::SES::ConfigurationSet')]!.Properties).toMatchObject({
        ReputationOptions: { ReputationMetricsEnabled: true },
        DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      });
    });

    it('publishes sends, bounces and complaints to a KMS-encrypted topic that feeds the mail-events function, with a dead-letter queue', () => {
      const destination = resources[only('AWS::SES::ConfigurationSetEventDestination')]!.Properties;
      expect(destination.ConfigurationSetName).toEqual({ Ref: only('AWS::SES::ConfigurationSet') });
      expect(destination.EventDestination.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint', 'send']);
      const topicId = ref(destination.EventDestination.SnsDestination.TopicARN);
      expect(resources[topicId]!.Properties.KmsMasterKeyId).toBeDefined();
      const mailEvents = functionIds.get(mailEventConsumer)!;
      const [, subscription] = ofType(resources, 'AWS::SNS::Subscription').find(([, sub]) => ref(sub.Properties.TopicArn) === topicId)!;
      expect(subscription.Properties).toMatchObject({ Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': [mailEvents, 'Arn'] } });
      const deadLetterQueue = resources[mailEvents]!.Properties.DeadLetterConfig.TargetArn;
      expect(subscription.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: deadLetterQueue });
      const alarmed = ofType(resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
      for (const metric of ['Reputation.BounceRate', 'Reputation.ComplaintRate']) {
        const alarm = alarmed.find((a) => a.MetricName === metric)!;
        expect(alarm.Namespace).toBe('AWS/SES');
        expect(alarm.Dimensions).toEqual([{ Name: 'ses:configuration-set', Value: { Ref: only('AWS::SES::ConfigurationSet') } }]);
      }
      expect(alarmed.find((a) => a.MetricName === 'Reputation.BounceRate')!.Threshold).toBeLessThan(0.05);
    });

    it('exports the API URL, user pool, client, dead-letter queue and table', () => {
      const outputs = template.toJSON().Outputs as Record<string, { Value: Json }>;
      expect(Object.keys(outputs).sort()).toEqual(
        ['ApiUrl', 'AssetsBucketName', 'EvidenceBucketName', 'NotificationFailuresQueueUrl', 'PortalUrl', 'TableName', 'WorkforceClientId', 'WorkforceUserPoolId'].sort(),
      );
      expect(outputs.TableName!.Value).toEqual({ Ref: only('AWS::DynamoDB::Table') });
      expect(streamMapping().DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [ref(outputs.NotificationFailuresQueueUrl!.Value), 'Arn'] });
    });
  });
});

describe('the portal edge', () => {
  it('puts CloudFront with a WAF rate rule in front of the API, and serves /assets/* from a private bucket through OAC', () => {
    const { resources } = synth();
    const [acl] = Object.values(resources).filter((resource) => resource.Type === 'AWS::WAFv2::WebACL');
    expect(acl!.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl!.Properties.Rules[0].Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP' });
    const [distribution] = Object.values(resources).filter((resource) => resource.Type === 'AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig;
    expect(config.WebACLId).toBeDefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors.map((behavior: { PathPattern: string }) => behavior.PathPattern)).toEqual(['/assets/*']);
    expect(config.Origins.some((origin: { OriginAccessControlId?: unknown }) => origin.OriginAccessControlId)).toBe(true);
    const policies = Object.values(resources).filter((resource) => resource.Type === 'AWS::CloudFront::ResponseHeadersPolicy');
    for (const policy of policies) {
      const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
      expect(headers.FrameOptions.FrameOption).toBe('DENY');
    }
    const [bucket] = Object.values(resources).filter((resource) => resource.Type === 'AWS::S3::Bucket');
    expect(bucket!.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, RestrictPublicBuckets: true });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no errors and no warnings, and every acknowledgement is narrow and explained', () => {
    const { app, stack } = synth();
    const report = new AwsSolutionsChecks(app, { verbose: true }).validateScope(stack);
    const messages = report.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}: ${v.description}`,
    );
    expect(messages, messages.join('\n')).toEqual([]);

    // Acknowledgements: only on resources (never the app or the stack), each naming a rule and a specific reason.
    const acknowledged: { path: string; id: string; reason: string }[] = [];
    const walk = (node: IConstruct) => {
      for (const entry of node.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, value] of Object.entries(entry.data as Record<string, unknown>)) {
          const reason = typeof value === 'string' ? value : JSON.stringify(value);
          acknowledged.push({ path: node.node.path, id, reason });
        }
      }
      node.node.children.forEach(walk);
    };
    walk(app);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const ack of acknowledged) {
      expect(ack.path, ack.id).not.toBe(stack.node.path);
      expect(ack.path, ack.id).not.toBe('');
      expect(ack.id).toMatch(/^(Annotation::)?(AwsSolutions-[A-Z]+\d+|Serverless-[A-Za-z]+|HIPAA\.Security-[A-Za-z]+)/);
      expect(ack.reason.length, ack.id).toBeGreaterThan(60);
    }
    // The IAM5 acknowledgements name one exact finding: a log group's stream-level wildcard, X-Ray's `*`
    // (the wildcard test above allows it for the trace actions only), the table's backups, the object level of an
    // upload bucket (random upload ids), or the EventBridge rule GuardDuty names itself.
    for (const ack of acknowledged.filter((a) => a.id.includes('IAM5'))) {
      expect(ack.id).toMatch(
        /AwsSolutions-IAM5\[Resource::(arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:<\w+>:log-stream:\*|\*|<\w+\.Arn>\/backup\/\*|<Uploads(Quarantine|Evidence)\w+\.Arn>\/(applications\/)?\*|arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule\/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3\*)\]$/,
      );
    }
  });
});

/**
 * Disability and health data are special-category data; HIPAA's security rule is the closest
 * published control set, and the serverless pack checks what the Lambda design promises.
 */
describe.each([
  ['ServerlessChecks', ServerlessChecks],
  ['HIPAASecurityChecks', HIPAASecurityChecks],
] as const)('cdk-nag %s', (_name, Pack) => {
  it('reports no errors and no warnings; what is not met is acknowledged on its resource with a reason', () => {
    const { app, stack } = synth();
    const report = new Pack(app, { verbose: true }).validateScope(stack);
    const messages = report.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}: ${v.description}`,
    );
    expect(messages, messages.join('\n')).toEqual([]);
  });
});
