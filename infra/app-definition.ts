/**
 * The deployable system: the main stack in the configured region and the portal's firewall in us-east-1
 * (infra/portal-firewall-stack.ts says why). `infra/app.ts` synthesises it; the infra tests build the same thing.
 */
import type { App } from 'aws-cdk-lib';
import type { RouteDefinition } from './routes';
import { readSettings } from './settings';
import { PortalFirewallStack, cloudFrontFirewallRegion } from './portal-firewall-stack';
import { SivaEservicesStack } from './stack';

export interface SivaEservicesApp {
  readonly main: SivaEservicesStack;
  readonly firewall: PortalFirewallStack;
}

export const defineApp = (app: App, options: { readonly routes?: readonly RouteDefinition[] } = {}): SivaEservicesApp => {
  const settings = readSettings(app.node);
  // The account stays unresolved (environment-agnostic, offline synth); regions are explicit because a
  // cross-region reference needs them.
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const firewall = new PortalFirewallStack(app, 'SivaEservicesPortalFirewall', {
    description: 'SIVA e-services: the WAF rate rule of the portal distribution (CloudFront firewalls live in us-east-1)',
    env: { account, region: cloudFrontFirewallRegion },
    crossRegionReferences: true,
    rateLimitPer5Minutes: settings.throttleRateLimit * 60,
  });
  const main = new SivaEservicesStack(app, 'SivaEservices', {
    description: 'SIVA e-services: citizen applications, referrals and notifications',
    env: { account, region: settings.region },
    crossRegionReferences: true,
    portalWebAclArn: firewall.webAcl.attrArn,
    ...(options.routes && { routes: options.routes }),
  });
  return { main, firewall };
};
