import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { readSettings } from '../settings';
import { oncePerStack } from './once-per-stack';
import { operationsKeyOf } from './operations-key';

/**
 * The stack's alarm topic (KMS-encrypted, TLS only), created on first use so every construct
 * that raises an alarm (every ServiceFunction, whoever adds it) reports to the same place. The
 * operations team subscribes an address with the `alarmEmail` context value (cdk.json);
 * without one, the topic is there for whatever subscription the agency adds (chat, paging).
 */
export const alarmTopicOf = (scope: Construct): sns.Topic =>
  oncePerStack(scope, 'Alarms', (stack, id) => {
    const topic = new sns.Topic(stack, id, {
      displayName: 'siva-eservices alarms',
      masterKey: operationsKeyOf(stack),
      enforceSSL: true,
    });
    const { alarmEmail } = readSettings(stack.node);
    if (alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(alarmEmail));
    return topic;
  });

/** An alarm that notifies the alarm topic when it fires and when it clears; missing data is not a breach. */
export const raiseAlarm = (
  scope: Construct,
  alarmId: string,
  props: { metric: cloudwatch.IMetric; threshold: number; description: string; evaluationPeriods?: number },
): cloudwatch.Alarm => {
  const alarm = new cloudwatch.Alarm(scope, alarmId, {
    metric: props.metric,
    threshold: props.threshold,
    evaluationPeriods: props.evaluationPeriods ?? 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: props.description,
  });
  const action = new actions.SnsAction(alarmTopicOf(scope));
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
};

export const fiveMinutes = Duration.minutes(5);
