import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The person key: an HMAC_256 KMS key whose only use is GenerateMac over personal codes, so table keys
 * carry a MAC nobody can recompute without KMS (docs/person-key.md). HMAC keys cannot rotate
 * automatically; a rotation is a new key and a re-keying run, which the key version prefix allows.
 * Retained: without it no open-need marker or person index entry could be found again.
 */
export class PersonKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'siva-eservices: HMAC key for person keys (MACs of personal codes in table keys), version v2',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
