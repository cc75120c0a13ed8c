/**
 * CDK entry (`cdk.json` → `npx tsx infra/app.ts`). Environment-agnostic: no
 * account or region, no lookups, so `npm run synth` works offline. The cdk-nag
 * AwsSolutions pack runs on every synth; an unsuppressed error fails it.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SivaEservicesStack } from './stack';

const app = new App();
new SivaEservicesStack(app, 'SivaEservices', {
  description: 'SIVA e-services: citizen applications, referrals and notifications',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
