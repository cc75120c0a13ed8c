import { ApplicationIdPath } from '../../schemas/lifecycle';
import { createUploadRepository } from '../adapters/upload-repository';
import { attachmentsFor } from '../core/uploads';
import { applicationView } from '../core/views';
import { currentPosition, openForReferrer } from '../core/workflow';
import { httpRoute, json } from '../http/route';
import { issuers, rules } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { workflowDeps } from '../wiring/workflow';
import { getReferralRoute } from '../../infra/routes';

const uploads = createUploadRepository(documentClient, tableName);

/** getReferralRoute (infra/routes.ts): the referral's view with the attachments the officer may download. */
export const handler = httpRoute({ routes: [getReferralRoute], issuers, path: ApplicationIdPath }, async ({ principal, path }) => {
  const record = await openForReferrer(workflowDeps, principal, path.id);
  const attachments = await attachmentsFor(uploads, principal, path.id);
  return json(200, { ...applicationView(record, rules, await currentPosition(workflowDeps, record.application)), attachments });
});
