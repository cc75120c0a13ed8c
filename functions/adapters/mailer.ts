/**
 * Sends e-mail through SES v2 and sorts failures into temporary (retry later)
 * and permanent (record and stop). The endpoint comes from
 * AWS_ENDPOINT_URL_SESV2 when set (local runtime), else the SDK default.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mailTagsFor } from '../core/mail-events';
import { MailError, type Mailer, type OutgoingEmail } from '../core/notifier';

/** Errors that a later attempt can overcome: throttling, quotas, outages, network. */
const temporaryErrorNames = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ThrottlingException',
  'SendingPausedException',
  'InternalFailure',
  'ServiceUnavailable',
  'TimeoutError',
]);

/** Failures after the request may have reached SES, with no answer: it may have accepted the message. */
const unansweredCodes = new Set(['TimeoutError', 'RequestTimeout', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

export const classifySesError = (error: unknown): MailError => {
  const name = error instanceof Error ? error.name : 'UnknownError';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const temporary = temporaryErrorNames.has(name) || status === undefined || status === 429 || status >= 500;
  const code = (error as { code?: unknown })?.code;
  const reported = typeof code === 'string' && status === undefined ? code : name;
  // A refused connection (ECONNREFUSED) never reached SES; a timeout or a reset may have come after it accepted.
  return new MailError(reported, !temporary, status === undefined && (unansweredCodes.has(reported) || unansweredCodes.has(name)));
};

export const createSesMailer = (options: {
  from: string;
  configurationSet?: string;
  client?: SESv2Client;
}): Mailer => {
  const client = options.client ?? new SESv2Client({});
  return {
    async send(email: OutgoingEmail) {
      try {
        const result = await client.send(
          new SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [email.to] },
            Content: {
              Simple: {
                Subject: { Data: email.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
              },
            },
            ...(options.configurationSet && { ConfigurationSetName: options.configurationSet }),
            // Published with the configuration set's bounce and complaint events, to trace them back (core/mail-events.ts).
            ...(email.trace && { EmailTags: mailTagsFor(email.trace) }),
          }),
        );
        return result.MessageId ?? '';
      } catch (error) {
        throw classifySesError(error);
      }
    },
  };
};
