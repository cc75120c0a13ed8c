import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { scopeAttributes, workforceRoles } from '../../functions/core/workforce-identity';

/** `custom:services` → `services`: CDK adds the prefix itself. */
const customName = (attribute: string) => attribute.replace(/^custom:/, '');

/**
 * The only attribute a signed-in user may change about themselves: the interface language. Name and
 * e-mail (the author of decisions citizens read, the address referral mail goes to) and the scope
 * attributes are written by administrators only (docs/identity.md). Listed explicitly: without a write
 * set, Cognito lets a user's access token rewrite every standard attribute.
 */
export const selfWritableAttributes = new cognito.ClientAttributes().withStandardAttributes({ locale: true });

export interface WorkforcePoolProps {
  /** Staff workspace URL: OAuth callback and sign-out target of the app client. */
  readonly staffPortalUrl: string;
  /** The hosted sign-in's domain prefix (Cognito domain: <prefix>.auth.<region>.amazoncognito.com). */
  readonly domainPrefix: string;
}

/**
 * Sign-in for agency staff and municipal / NVA / medical officers. Accounts are
 * created by administrators only; MFA (TOTP) is mandatory and threat protection
 * (Plus plan) blocks credential stuffing and compromised passwords, because these
 * accounts can read many people's health and disability data.
 */
export class WorkforcePool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** `iss` of tokens issued by the pool: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: WorkforcePoolProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // The scope of each account; mutable so administrators can change it, and in no client's write set.
      customAttributes: {
        [customName(scopeAttributes.services)]: new cognito.StringAttribute({ mutable: true, maxLen: 2048 }),
        [customName(scopeAttributes.organisation)]: new cognito.StringAttribute({ mutable: true, maxLen: 256 }),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The portal's workforce sign-in (functions/web/workforce/sign-in.ts) sends people to the managed login on this
    // domain; the pool's discovery document names its endpoints, so the portal needs only the issuer and client id.
    this.domain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    const portal = props.staffPortalUrl.replace(/\/+$/, '');
    this.client = this.userPool.addClient('StaffPortalClient', {
      // The portal is a public client: no client secret, authorization code grant; it always sends a PKCE
      // challenge (S256), which Cognito then requires at the token endpoint.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${portal}/auth/callback`],
        logoutUrls: [`${portal}/`],
      },
      writeAttributes: selfWritableAttributes,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    // Managed login shows a page per app client only once the client has a branding style; Cognito's own look.
    new cognito.CfnManagedLoginBranding(this, 'SignInBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    // One group per role the API authorises (staff and each kind of referring organisation): a role added
    // in the code gets its group here, so nobody can be given a role the pool cannot express.
    for (const group of workforceRoles) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
      });
    }

    // Built rather than taken from `userPoolProviderUrl`: that attribute has no scheme,
    // while the `iss` claim (and the JWT authorizer's issuer) is an https URL.
    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }

  /**
   * The function that puts each user's role scope into the access token (V2_0 event: access-token
   * customisation, which the Plus plan allows). It must not take the pool's id or issuer in its
   * environment: the pool refers to it, so that would be a circular dependency.
   */
  useTokenTrigger(trigger: lambda.IFunction): void {
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, trigger, cognito.LambdaVersion.V2_0);
  }
}
