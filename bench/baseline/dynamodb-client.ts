/**
 * The cold-import baseline: a function that only creates the bare DynamoDB
 * client, as every function of ours does at cold start. Bundled exactly like the
 * real functions (bench/lib/synth-bundles.ts), so the ratio shows what our code,
 * middy and zod add on top of the SDK.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const client = new DynamoDBClient({});

export const handler = async (): Promise<void> => {};
