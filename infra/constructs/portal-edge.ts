/**
 * The portal's edge: one CloudFront distribution in front of the HTTP API (pages and API on one origin, so no CORS),
 * with `/assets/*` served from a private S3 bucket through origin access control (`npm run deploy` uploads them,
 * infra/ops/deploy.ts). A WAF web ACL on the distribution (made in us-east-1 by infra/portal-firewall-stack.ts)
 * limits each client address by a rate-based rule; a response headers policy adds HSTS, no framing, no sniffing and
 * a strict referrer policy to everything (pages set their own CSP, which has no inline script; assets get one too).
 * Assets are fingerprinted (local/build-web.ts), so the edge caches them for a year.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface PortalEdgeProps {
  /** `https://<api id>.execute-api.<region>.amazonaws.com` of the HTTP API's default stage, as a domain name. */
  readonly apiDomainName: string;
  /** The CloudFront-scoped WAF web ACL with the rate rule (infra/portal-firewall-stack.ts: it must live in us-east-1). */
  readonly webAclArn: string;
}

export class PortalEdge extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly assets: s3.Bucket;

  constructor(scope: Construct, id: string, props: PortalEdgeProps) {
    super(scope, id);

    this.assets = new s3.Bucket(this, 'Assets', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The bucket holds only the portal's public, fingerprinted CSS (no personal data), read solely by CloudFront.
    const assetReasons: Record<string, string> = {
      'AwsSolutions-S1':
        'The bucket holds only the public, fingerprinted CSS of the portal, read solely by CloudFront (OAC); requests are logged by the distribution and the API access logs, so S3 server access logs would add nothing.',
      'HIPAA.Security-S3BucketLoggingEnabled':
        'Only public stylesheets, the same for everyone and read only by CloudFront: server access logs would record CloudFront fetching them, nothing about a person.',
      'HIPAA.Security-S3DefaultEncryptionKMS':
        'Public stylesheets with no personal data; SSE-S3 keeps them encrypted at rest without giving CloudFront a key grant on a customer-managed key.',
      'HIPAA.Security-S3BucketReplicationEnabled':
        'The assets are build output: a lost bucket is restored by `npm run deploy` uploading functions/web/static again, so a second-region copy adds nothing.',
    };
    for (const [id, reason] of Object.entries(assetReasons)) Validations.of(this.assets).acknowledge({ id, reason });

    const securityHeaders = (contentSecurityPolicy?: string) => ({
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      ...(contentSecurityPolicy && { contentSecurityPolicy: { contentSecurityPolicy, override: true } }),
    });
    const pageHeaders = new cloudfront.ResponseHeadersPolicy(this, 'PageHeaders', { securityHeadersBehavior: securityHeaders() });
    const assetHeaders = new cloudfront.ResponseHeadersPolicy(this, 'AssetHeaders', {
      securityHeadersBehavior: securityHeaders("default-src 'none'; frame-ancestors 'none'"),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'SIVA e-services: the portal and the API on one origin',
      webAclId: props.webAclArn,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: new origins.HttpOrigin(props.apiDomainName, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // Pages and API answers are personal: never cached at the edge; cookies, query and headers (not Host) pass.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: pageHeaders,
        compress: true,
      },
      additionalBehaviors: {
        '/assets/*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.assets),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
          compress: true,
        },
      },
    });
    for (const [rule, reason] of [
      ['AwsSolutions-CFR1', 'The agency serves people wherever they are (Latvians abroad use e-services too); abuse is limited by the WAF rate rule, not by geography.'],
      ['AwsSolutions-CFR3', 'Access logging of the distribution needs a log bucket with ACLs; requests reaching pages and the API are logged by the API access logs (route templates only, no personal data).'],
      ['AwsSolutions-CFR4', 'The default CloudFront certificate is used until the agency domain (e.siva.gov.lv) and its ACM certificate are configured; the minimum protocol is TLS 1.2 for custom certificates.'],
    ] as const) {
      Validations.of(this.distribution).acknowledge({ id: rule, reason });
    }
  }
}
