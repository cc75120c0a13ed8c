/**
 * CDK entry (`cdk.json` → `npx tsx infra/app.ts`). Environment-agnostic: no
 * account or region, no lookups, so `npm run synth` works offline. The cdk-nag
 * AwsSolutions, Serverless and HIPAA Security packs run on every synth; an
 * unacknowledged error fails it.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';
import { SivaEservicesStack } from './stack';

const app = new App();
new SivaEservicesStack(app, 'SivaEservices', {
  description: 'SIVA e-services: citizen applications, referrals and notifications',
});
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app, { verbose: true }),
  new ServerlessChecks(app, { verbose: true }),
  new HIPAASecurityChecks(app, { verbose: true }),
);
app.synth();
