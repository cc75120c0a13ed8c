/**
 * What the AWS SDK is given wherever nothing may reach AWS (the local stack, every test run): a region, the local
 * servers' throwaway credentials (DynamoDB Local takes any; s3rver checks signatures against these), and no
 * instance-metadata lookups. Endpoints come separately, from the running local servers (local/stack.ts).
 */
export const localRegion = 'eu-north-1';
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const offlineAwsEnvironment: Readonly<Record<string, string>> = {
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
