/**
 * cdk-nag names a wildcard finding by the resource text it saw, printing unresolved pseudo parameters as
 * `<AWS::Region>`; once a stack has an explicit region (infra/app-definition.ts) CDK writes the literal instead.
 * An acknowledgement must spell the finding exactly, so it is built from the stack's own values.
 */
import { type Stack, Token } from 'aws-cdk-lib';

const asNagSees = (value: string, pseudo: string): string => (Token.isUnresolved(value) ? `<${pseudo}>` : value);

/** `arn:<partition>:<service>:<region>:<account>` as cdk-nag prints it for `stack`. */
export const nagArnPrefix = (stack: Stack, service: string): string =>
  `arn:${asNagSees(stack.partition, 'AWS::Partition')}:${service}:${asNagSees(stack.region, 'AWS::Region')}:${asNagSees(stack.account, 'AWS::AccountId')}`;

