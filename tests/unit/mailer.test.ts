/**
 * SES failures sorted into temporary (the notifier retries the delivery) and permanent (recorded at once, no retry).
 * The client is a stand-in only to inject failures; sending for real is covered against aws-ses-v2-local.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { classifySesError, createSesMailer, withoutRetryWithoutAnswer } from '../../functions/adapters/mailer';
import { MailError } from '../../functions/core/notifier';

/** An SDK service error as the v2 client throws it: a name and the HTTP status of the answer. */
const sesError = (name: string, httpStatusCode: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
/** A failure before any answer (network): a Node error code and no status. */
const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('SES failures', () => {
  it.each([
    ['MessageRejected', 400],
    ['MailFromDomainNotVerifiedException', 400],
    ['AccountSuspendedException', 400],
    ['NotFoundException', 404],
    ['BadRequestException', 400],
  ])('%s (%i) is permanent: retrying cannot help', (name, status) => {
    const failure = classifySesError(sesError(name, status));
    expect(failure).toBeInstanceOf(MailError);
    expect(failure).toMatchObject({ code: name, permanent: true });
  });

  it.each([
    ['TooManyRequestsException', 429],
    ['LimitExceededException', 400],
    ['ThrottlingException', 400],
    ['SendingPausedException', 400],
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
    ['SomethingNew', 502],
    ['SomethingNew', 500],
  ])('%s (%i) is temporary: a later delivery may succeed', (name, status) => {
    expect(classifySesError(sesError(name, status))).toMatchObject({ code: name, permanent: false });
  });

  it('a network failure with no answer is temporary and named by its code', () => {
    expect(classifySesError(networkError('ECONNREFUSED'))).toMatchObject({ code: 'ECONNREFUSED', permanent: false });
    expect(classifySesError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toMatchObject({ code: 'TimeoutError', permanent: false });
  });

  it('a timeout or reset after the request went out is unanswered (SES may have accepted); a refused connection or an answer is not', () => {
    expect(classifySesError(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).unanswered).toBe(true);
    expect(classifySesError(networkError('ECONNRESET')).unanswered).toBe(true);
    expect(classifySesError(networkError('ETIMEDOUT')).unanswered).toBe(true);
    expect(classifySesError(networkError('ECONNREFUSED')).unanswered).toBe(false);
    expect(classifySesError(sesError('ServiceUnavailable', 503)).unanswered).toBe(false);
    expect(classifySesError(sesError('MessageRejected', 400)).unanswered).toBe(false);
  });

  it('a 4xx answer keeps the error’s name even when it carries a code', () => {
    const failure = classifySesError(Object.assign(sesError('MessageRejected', 400), { code: 'Throttling' }));
    expect(failure).toMatchObject({ code: 'MessageRejected', permanent: true });
  });

  it('something that is not an Error is an unknown, temporary failure', () => {
    expect(classifySesError('boom')).toMatchObject({ code: 'UnknownError', permanent: false });
    expect(classifySesError(undefined)).toMatchObject({ code: 'UnknownError', permanent: false });
  });

  it('the mailer rejects with the classified failure', async () => {
    const failing = { send: async () => Promise.reject(sesError('MessageRejected', 400)) } as unknown as SESv2Client;
    const mailer = createSesMailer({ from: 'noreply@siva.gov.lv', client: failing });
    await expect(mailer.send({ to: 'a@example.lv', subject: 's', text: 't', html: '<p>t</p>' })).rejects.toMatchObject({
      name: 'MailError',
      code: 'MessageRejected',
      permanent: true,
    });
  });
});

describe("the SES client's own retries", () => {
  /** A loopback endpoint that reads each request whole, then answers as `answer` decides; counts the requests. */
  const endpoint = async (answer: (request: IncomingMessage, response: ServerResponse) => void) => {
    let requests = 0;
    const server = createServer((request, response) => {
      requests += 1;
      request.resume();
      request.on('end', () => answer(request, response));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const client = withoutRetryWithoutAnswer(
      new SESv2Client({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        region: 'eu-north-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const mailer = createSesMailer({ from: 'noreply@siva.gov.lv', client });
    const send = () => mailer.send({ to: 'a@example.lv', subject: 's', text: 't', html: '<p>t</p>' });
    const close = () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); });
    return { send, requests: () => requests, close };
  };

  it('does not send again when the connection drops after the request went out (SES may have accepted it)', async () => {
    const ses = await endpoint((request) => request.socket.destroy());
    try {
      await expect(ses.send()).rejects.toMatchObject({ name: 'MailError', code: 'ECONNRESET', permanent: false, unanswered: true });
      expect(ses.requests()).toBe(1);
    } finally {
      await ses.close();
    }
  });

  it('still retries what SES answered as a temporary failure', async () => {
    const ses = await endpoint((_, response) => {
      response.writeHead(503, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceUnavailable' });
      response.end(JSON.stringify({ message: 'Service Unavailable' }));
    });
    try {
      await expect(ses.send()).rejects.toMatchObject({ name: 'MailError', permanent: false, unanswered: false });
      expect(ses.requests()).toBe(3);
    } finally {
      await ses.close();
    }
  });
});
