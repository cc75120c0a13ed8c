import { ApplicationSubmission } from '../../schemas/application';
import { submitApplication } from '../core/applications';
import { httpRoute, json } from '../http/route';
import { applicationDeps, issuers } from '../wiring';

/** POST /applications: a citizen applies for a service. 201 means it is stored; e-mails follow from the stream. */
export const handler = httpRoute({ roles: ['citizen'], issuers, body: ApplicationSubmission }, async ({ principal, body }) => {
  const application = await submitApplication(applicationDeps, principal, body);
  const location = `/applications/${application.id}`;
  return json(
    201,
    {
      id: application.id,
      reference: application.reference,
      status: application.status,
      submittedAt: application.submittedAt,
      links: { self: location },
    },
    { location },
  );
});
