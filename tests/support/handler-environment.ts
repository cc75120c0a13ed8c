/**
 * The environment the handlers read at cold start, for tests that run handler
 * modules inside the test process. Same values as local/stack.ts gives the
 * local runtime, but set explicitly: a worker may carry another file's values.
 */
import type { TrustedIssuers } from '../../functions/http/auth';
import { handlerEnvironment as localHandlerEnvironment } from '../../local/stack';

export interface HandlerEnvironmentOptions {
  readonly tableName: string;
  readonly dynamoEndpoint: string;
  /** SES v2 endpoint; handlers that send no e-mail do not need one. */
  readonly sesEndpoint?: string;
  /** S3 (s3rver) endpoint; handlers that touch no upload bucket do not need one. */
  readonly s3Endpoint?: string;
  readonly issuers: TrustedIssuers;
  readonly notificationMaxDeliveries?: number;
  readonly notificationRetryBaseMs?: number;
  readonly notificationSendLeaseMs?: number;
}

export const handlerEnvironment = (options: HandlerEnvironmentOptions): Record<string, string> => ({
  AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint,
  AWS_ENDPOINT_URL_DYNAMODB_STREAMS: options.dynamoEndpoint,
  ...(options.sesEndpoint && { AWS_ENDPOINT_URL_SESV2: options.sesEndpoint }),
  ...(options.s3Endpoint && { AWS_ENDPOINT_URL_S3: options.s3Endpoint }),
  ...localHandlerEnvironment(options.tableName, options),
});

/** Sets the environment for handler modules imported after this call. */
export const useHandlerEnvironment = (options: HandlerEnvironmentOptions): void => {
  Object.assign(process.env, handlerEnvironment(options));
};
