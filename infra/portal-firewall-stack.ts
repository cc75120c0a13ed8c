/**
 * The portal's firewall. AWS WAF only attaches a web ACL to a CloudFront distribution when the ACL has scope
 * CLOUDFRONT, and such ACLs exist only in us-east-1, whatever region the rest of the system runs in. So the ACL lives
 * in this small stack pinned to us-east-1, and the main stack reads its ARN through a CDK cross-region reference
 * (CloudFormation's `Fn::GetStackOutput`), which also orders the deployment: `cdk deploy --all`.
 */
import { Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** The only region where WAF web ACLs for CloudFront can be created. */
export const cloudFrontFirewallRegion = 'us-east-1';

export interface PortalFirewallStackProps extends StackProps {
  /** Requests one client address may make in any 5 minutes before WAF blocks it. */
  readonly rateLimitPer5Minutes: number;
}

export class PortalFirewallStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: PortalFirewallStackProps) {
    super(scope, id, props);
    // The rate rule counts per client address across pages and API (one origin).
    this.webAcl = new wafv2.CfnWebACL(this, 'RateLimit', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'siva-portal', sampledRequestsEnabled: false },
      rules: [
        {
          name: 'rate-per-address',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'siva-portal-rate', sampledRequestsEnabled: false },
        },
      ],
    });
    Validations.of(this.webAcl).acknowledge({
      id: 'HIPAA.Security-WAFv2LoggingEnabled',
      reason:
        "WAF logs record every request's full URI, headers and cookies, i.e. portal session cookies and personal data in query strings; the rate rule's CloudWatch metrics show what it blocks without keeping that.",
    });
  }

}
