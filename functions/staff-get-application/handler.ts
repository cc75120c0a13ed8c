import { ApplicationIdPath } from '../../schemas/lifecycle';
import { currentPosition, openForStaff } from '../core/workflow';
import { staffView } from '../core/views';
import { httpRoute, json } from '../http/route';
import { createUploadRepository } from '../adapters/upload-repository';
import { attachmentsFor } from '../core/uploads';
import { issuers, rules } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { workflowDeps } from '../wiring/workflow';
import { staffGetApplicationRoute } from '../../infra/routes';

const uploads = createUploadRepository(documentClient, tableName);

/** staffGetApplicationRoute (infra/routes.ts): the staff view, the read recorded by the core. */
export const handler = httpRoute({ routes: [staffGetApplicationRoute], issuers, path: ApplicationIdPath }, async ({ principal, path }) => {
  const record = await openForStaff(workflowDeps, principal, path.id);
  const attachments = await attachmentsFor(uploads, principal, path.id);
  return json(200, { ...staffView(record, rules, await currentPosition(workflowDeps, record.application)), attachments });
});
