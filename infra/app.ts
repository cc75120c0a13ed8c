/**
 * CDK entry (`cdk.json` → `npx tsx infra/app.ts`). No account and no lookups
 * (regions come from settings: infra/app-definition.ts), so `npm run synth` works offline. The cdk-nag
 * AwsSolutions, Serverless and HIPAA Security packs run on every synth; an
 * unacknowledged error fails it.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';
import { defineApp } from './app-definition';

const app = new App();
defineApp(app);
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app, { verbose: true }),
  new ServerlessChecks(app, { verbose: true }),
  new HIPAASecurityChecks(app, { verbose: true }),
);
app.synth();
