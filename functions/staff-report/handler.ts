import { ReportYearPath } from '../../schemas/staff';
import { createReportRepository } from '../adapters/report-repository';
import { annualReport } from '../core/report';
import { httpRoute, json } from '../http/route';
import { issuers } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { staffReportRoute } from '../../infra/routes';

const reports = createReportRepository(documentClient, tableName);

/** staffReportRoute (infra/routes.ts): the year's figures as JSON. */
export const handler = httpRoute({ routes: [staffReportRoute], issuers, path: ReportYearPath }, async ({ principal, path }) =>
  json(200, await annualReport(reports, Number(path.year), principal.services)),
);
