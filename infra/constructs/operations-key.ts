import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { oncePerStack } from './once-per-stack';

/**
 * The stack's one key for operational data: log groups (request ids, application ids, error
 * names; never personal data, but still the agency's to control), the alarm topic and the
 * SES mail-events topic (which carries recipients' addresses). Apart from the table's key, so
 * the services that need this one (CloudWatch Logs, CloudWatch alarms, SES) are never named in
 * the policy of the key that guards the applications. Created on first use, once per stack,
 * so every construct that logs or publishes (every ServiceFunction, whoever adds it) shares it.
 */
export const operationsKeyOf = (scope: Construct): kms.Key => oncePerStack(scope, 'OperationsKey', createOperationsKey);

const createOperationsKey = (stack: Stack, id: string): kms.Key => {
  const key = new kms.Key(stack, id, {
    description: 'siva-eservices: encrypts log groups, the alarm topic and the mail-events topic',
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // CloudWatch Logs encrypts only this account's log groups in this region with it.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'EncryptThisStacksLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
  // CloudWatch alarms and SES publish to topics encrypted with it, from this account only.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'PublishToThisAccountsEncryptedTopics',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('ses.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  );
  return key;
};
