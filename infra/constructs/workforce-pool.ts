import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Cognito groups: agency staff and the organisations that refer people to SIVA. */
export const workforceGroups = ['staff', 'social-service', 'nva', 'medical-institution'] as const;

export interface WorkforcePoolProps {
  /** Staff workspace URL: OAuth callback and sign-out target of the app client. */
  readonly staffPortalUrl: string;
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
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const portal = props.staffPortalUrl.replace(/\/+$/, '');
    this.client = this.userPool.addClient('StaffPortalClient', {
      // A browser app: no client secret, authorization code grant with PKCE.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${portal}/auth/callback`],
        logoutUrls: [`${portal}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    for (const group of workforceGroups) {
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
}
