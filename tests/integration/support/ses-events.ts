/** SES event publishing records (configuration-set events), as SNS hands them to the mail-events function. */
import type { SNSEvent } from 'aws-lambda';
import { mailTagsFor } from '../../../functions/core/mail-events';
import type { NotificationKey } from '../../../functions/core/notifier';

/** The `mail` part of an SES event record, with the tags the message was sent with (as SES publishes them: name → [value]). */
export const mailOf = (key: NotificationKey, to: string, messageId = '0100019abc-ses-id') => ({
  timestamp: '2026-11-29T10:00:00.000Z',
  source: 'e-pakalpojumi@siva.gov.lv',
  sourceArn: 'arn:aws:ses:eu-north-1:123456789012:identity/siva.gov.lv',
  sendingAccountId: '123456789012',
  messageId,
  destination: [to],
  headersTruncated: false,
  tags: {
    'ses:configuration-set': ['SivaEservicesMailConfigurationSet'],
    'ses:source-ip': ['192.0.2.10'],
    'ses:from-domain': ['siva.gov.lv'],
    'ses:caller-identity': ['notifier'],
    ...Object.fromEntries(mailTagsFor(key).map((tag) => [tag.Name, [tag.Value]])),
  },
});

/** What SNS hands Lambda: the SES event record is the message, as a JSON string. */
export const snsEvent = (sesRecord: unknown): SNSEvent => ({
  Records: [
    {
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:eu-north-1:123456789012:MailEvents:5f0c6a0e-1111-2222-3333-444455556666',
      Sns: {
        Type: 'Notification',
        MessageId: crypto.randomUUID(),
        TopicArn: 'arn:aws:sns:eu-north-1:123456789012:MailEvents',
        Subject: '',
        Message: JSON.stringify(sesRecord),
        Timestamp: '2026-11-29T10:00:05.000Z',
        SignatureVersion: '1',
        Signature: 'EXAMPLE',
        SigningCertUrl: 'https://sns.eu-north-1.amazonaws.com/SimpleNotificationService-example.pem',
        UnsubscribeUrl: 'https://sns.eu-north-1.amazonaws.com/?Action=Unsubscribe',
        MessageAttributes: {},
      },
    },
  ],
});

