/**
 * Sends e-mail through SES v2 and sorts failures into temporary (retry later)
 * and permanent (record and stop). The endpoint comes from
 * AWS_ENDPOINT_URL_SESV2 when set (local runtime), else the SDK default.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { DeserializeMiddleware } from '@smithy/types';
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

/** The name of a failure with no answer after the request went out, as the mailer rethrows it inside the SDK. */
const noAnswerName = 'SesNoAnswer';

const isUnanswered = (error: unknown) => {
  if (!(error instanceof Error) || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined) return false;
  const code = (error as { code?: unknown }).code;
  return unansweredCodes.has(error.name) || (typeof code === 'string' && unansweredCodes.has(code));
};

/**
 * The SDK retries a timeout or a reset by sending the message again, a second copy if SES had accepted the
 * first. Inside its retry loop, this turns such a failure into one the SDK does not retry (a name it does not
 * know, no code, no status); the notifier keeps its claim on the e-mail instead (core/notifier.ts).
 */
const noRetryWithoutAnswer: DeserializeMiddleware<object, object> = (next) => async (args) => {
  try {
    return await next(args);
  } catch (error) {
    if (!isUnanswered(error)) throw error;
    const code = (error as { code?: unknown }).code;
    // No `cause`: the SDK looks into it, and would find the retryable failure again.
    throw Object.assign(new Error('no answer from SES'), { name: noAnswerName, reason: typeof code === 'string' ? code : (error as Error).name });
  }
};

/** An SES client whose SDK retries what SES answered (throttling, 5xx), but never a send that got no answer. */
export const withoutRetryWithoutAnswer = (client: SESv2Client): SESv2Client => {
  client.middlewareStack.add(noRetryWithoutAnswer as never, { step: 'deserialize', priority: 'high', name: 'noRetryWithoutAnswer' });
  return client;
};

export const classifySesError = (error: unknown): MailError => {
  if (error instanceof Error && error.name === noAnswerName) return new MailError(String((error as { reason?: unknown }).reason), false, true);
  const name = error instanceof Error ? error.name : 'UnknownError';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const temporary = temporaryErrorNames.has(name) || status === undefined || status === 429 || status >= 500;
  const code = (error as { code?: unknown })?.code;
  // A refused connection (ECONNREFUSED) never reached SES; a timeout or a reset may have come after it accepted.
  return new MailError(typeof code === 'string' && status === undefined ? code : name, !temporary, isUnanswered(error));
};

export const createSesMailer = (options: {
  from: string;
  configurationSet?: string;
  client?: SESv2Client;
}): Mailer => {
  const client = options.client ?? withoutRetryWithoutAnswer(new SESv2Client({}));
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
