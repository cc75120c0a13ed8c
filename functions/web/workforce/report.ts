/**
 * The annual report as a page (`/darbs/parskati/{year}`, `/en/work/reports/{year}`) and as CSV: the figures
 * `GET /staff/reports/{year}` answers (functions/core/report.ts, the same core call over the same counters) for the
 * staff member's services, as tables, as SVG charts drawn on the server (charts.ts) and as a file for a spreadsheet.
 */
import type { Language } from '../../../schemas/primitives';
import { ReportYearPath } from '../../../schemas/staff';
import { reportChannels, type AnnualReport, type ServiceReport } from '../../../schemas/report';
import { serviceIds, trackIds, type ServiceId } from '../../../schemas/services';
import { rigaDate } from '../../core/dates';
import type { PrincipalFor } from '../../core/model';
import { annualReportWithQueueByMonth, type QueueAtMonthEnd } from '../../core/report';
import type { PageContext, PageRoute, WebResponse } from '../app';
import { serviceName, trackName } from '../citizen/applications';
import { barChart, lineChart } from './charts';
import { reportWords } from './report-words';
import { listed } from '../page-table';

/** One service and track's figures for the year: a row of the main table and of the CSV. */
export interface TrackFigures {
  readonly serviceId: ServiceId;
  readonly trackId: string;
  readonly applications: number;
  readonly clients: number;
  readonly notStarted: number;
  readonly completed: number;
  readonly queueAdmissions: number;
  readonly grants: number;
  readonly refusals: number;
  readonly otherDecisions: number;
  readonly withdrawals: number;
  readonly queueAtYearEnd: number;
}

export const figureColumns = ['applications', 'clients', 'notStarted', 'completed', 'queueAdmissions', 'grants', 'refusals', 'otherDecisions', 'withdrawals', 'queueAtYearEnd'] as const;

const tracksCounted = (serviceId: ServiceId, report: ServiceReport): string[] => {
  const counted = new Set([
    ...Object.keys(report.applications.byTrack),
    ...Object.keys(report.decisions.byTrack),
    ...Object.keys(report.recipients.byTrack),
    ...Object.keys(report.withdrawals.byTrack),
    ...Object.keys(report.queueAtYearEnd.byTrack),
  ]);
  // The catalogue's order first; a track counted under an id the catalogue no longer has, after it.
  const known = trackIds(serviceId) as string[];
  return [...known.filter((track) => counted.has(track)), ...[...counted].filter((track) => !known.includes(track)).sort()];
};

/** Every service and track with anything counted, in the catalogue's order. */
export const trackFigures = (report: AnnualReport): TrackFigures[] =>
  serviceIds.flatMap((serviceId) => {
    const service = report.services[serviceId];
    if (!service) return [];
    return tracksCounted(serviceId, service).map((trackId) => {
      const decisions = service.decisions.byTrack[trackId]?.byCategory;
      const recipients = service.recipients.byTrack[trackId];
      return {
        serviceId,
        trackId,
        applications: service.applications.byTrack[trackId] ?? 0,
        clients: recipients?.started ?? 0,
        notStarted: recipients?.['not-started'] ?? 0,
        completed: recipients?.completed ?? 0,
        queueAdmissions: decisions?.['queue-admission'] ?? 0,
        grants: decisions?.grant ?? 0,
        refusals: decisions?.refusal ?? 0,
        otherDecisions: decisions?.other ?? 0,
        withdrawals: service.withdrawals.byTrack[trackId] ?? 0,
        queueAtYearEnd: service.queueAtYearEnd.byTrack[trackId] ?? 0,
      };
    });
  });

/** The figures of every track added up (the report's totals, which cover the same services). */
export const totalFigures = (report: AnnualReport): Omit<TrackFigures, 'serviceId' | 'trackId'> => {
  const { totals } = report;
  return {
    applications: totals.applications.total,
    clients: totals.recipients.byOutcome.started,
    notStarted: totals.recipients.byOutcome['not-started'],
    completed: totals.recipients.byOutcome.completed,
    queueAdmissions: totals.decisions.byCategory['queue-admission'],
    grants: totals.decisions.byCategory.grant,
    refusals: totals.decisions.byCategory.refusal,
    otherDecisions: totals.decisions.byCategory.other,
    withdrawals: totals.withdrawals.total,
    queueAtYearEnd: totals.queueAtYearEnd.total,
  };
};


/** A year a report can be asked for, as the API's path accepts it; anything else is no report. */
export const reportYearOf = (value: string | undefined): number | undefined =>
  ReportYearPath.safeParse({ year: value }).success ? Number(value) : undefined;

// ─── CSV ────────────────────────────────────────────────────────────────────

/**
 * Latvian spreadsheets take `;` between values (docs/workforce-officers.md, "The report page") (their decimal separator is the comma), English ones `,`: each
 * language's file opens in columns with a double click. A byte order mark first, so Excel reads UTF-8 (ā, ē, ž…).
 */
export const csvSeparator: Record<Language, string> = { lv: ';', en: ',' };
const byteOrderMark = '\uFEFF';

const csvCell = (value: string | number, separator: string): string => {
  const text = String(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report as two tables, an empty line between them (docs/workforce-officers.md, "The report page"): a row per
 * service and track, then the totals; then the queue's length at the end of each month shown on the page (its
 * chart and table: the same figures), a row per month. RFC 4180 lines (CRLF).
 */
export const reportCsv = (report: AnnualReport, queue: readonly QueueAtMonthEnd[], language: Language): string => {
  const words = reportWords[language];
  const separator = csvSeparator[language];
  const line = (cells: readonly (string | number)[]) => cells.map((cell) => csvCell(cell, separator)).join(separator);
  const head = [words.year, words.columns.serviceId, words.columns.service, words.columns.trackId, words.columns.track, ...figureColumns.map((column) => words.columns[column])];
  const rows = trackFigures(report).map((row) => [
    report.year,
    row.serviceId,
    serviceName(row.serviceId, language),
    row.trackId,
    trackName(row.serviceId, row.trackId, language),
    ...figureColumns.map((column) => row[column]),
  ]);
  const totals = totalFigures(report);
  const totalRow = [report.year, '', words.total, '', '', ...figureColumns.map((column) => totals[column])];
  const months = [[words.year, words.month, words.queueAtMonthEnd], ...queue.map((point) => [report.year, point.month, point.length])];
  return `${byteOrderMark}${[head, ...rows, totalRow, [], ...months].map(line).join('\r\n')}\r\n`;
};

export const reportCsvFileName = (year: number, language: Language) => `siva-${language === 'lv' ? 'parskats' : 'report'}-${year}.csv`;

// ─── The page ───────────────────────────────────────────────────────────────

const listInWords = (parts: readonly string[]) => parts.join('; ');

const locales: Record<Language, string> = { lv: 'lv-LV', en: 'en-GB' };
/** A `YYYY-MM` month in words ("2026. g. janvāris", "January 2026") and short, for the chart's axis ("janv.", "Jan"). */
const monthNames = (month: string, language: Language) => {
  const first = new Date(`${month}-01T00:00:00Z`);
  const name = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locales[language], { ...options, timeZone: 'UTC' }).format(first);
  return { long: name({ year: 'numeric', month: 'long' }), short: name({ month: 'short' }) };
};

/** Everything the report template shows: tables (with a caption and header cells) and the charts beside them. */
export const reportPageData = (report: AnnualReport, queue: readonly QueueAtMonthEnd[], language: Language) => {
  const words = reportWords[language];
  const rows = trackFigures(report);
  const totals = totalFigures(report);
  const rowLabel = (row: TrackFigures) => `${serviceName(row.serviceId, language)}: ${trackName(row.serviceId, row.trackId, language)}`;

  const byTrackChart = barChart(
    {
      id: 'chart-tracks',
      title: words.byTrackTitle,
      description: words.byTrackDescription(
        listInWords(rows.map((row) => `${rowLabel(row)}, ${words.columns.applications.toLowerCase()} ${row.applications}, ${words.columns.clients.toLowerCase()} ${row.clients}`)),
      ),
    },
    [words.columns.applications, words.columns.clients],
    rows.map((row) => ({ label: rowLabel(row), values: [row.applications, row.clients] })),
  );

  const outcomes = [
    { label: words.columns.queueAdmissions, value: totals.queueAdmissions },
    { label: words.columns.grants, value: totals.grants },
    { label: words.columns.refusals, value: totals.refusals },
    { label: words.columns.otherDecisions, value: totals.otherDecisions },
    { label: words.columns.clients, value: totals.clients },
    { label: words.columns.notStarted, value: totals.notStarted },
    { label: words.columns.completed, value: totals.completed },
  ];
  const outcomeChart = barChart(
    { id: 'chart-outcomes', title: words.outcomeTitle, description: words.outcomeDescription(listInWords(outcomes.map((outcome) => `${outcome.label} ${outcome.value}`))) },
    [words.count],
    outcomes.map((outcome) => ({ label: outcome.label, values: [outcome.value] })),
  );

  const months = queue.map((point) => ({ ...monthNames(point.month, language), length: point.length }));
  const queueChart = lineChart(
    { id: 'chart-queue', title: words.queueTitle, description: words.queueDescription(listInWords(months.map((point) => `${point.long}: ${point.length}`))) },
    months.map((point) => ({ label: point.short, value: point.length })),
  );

  const channels = serviceIds.filter((id) => report.services[id]).map((id) => ({
    label: serviceName(id, language),
    cells: [...reportChannels.map((channel) => report.services[id]!.applications.byChannel[channel]), report.services[id]!.applications.total],
  }));

  return {
    empty: rows.length === 0,
    byTrack: {
      chart: byTrackChart,
      head: [words.columns.service, words.columns.track, ...figureColumns.map((column) => words.columns[column])],
      rows: rows.map((row) => ({ service: serviceName(row.serviceId, language), track: trackName(row.serviceId, row.trackId, language), cells: figureColumns.map((column) => row[column]) })),
      total: { label: words.total, cells: figureColumns.map((column) => totals[column]) },
    },
    channels: {
      head: [words.columns.service, ...reportChannels.map((channel) => words.channels[channel]), words.total],
      rows: channels,
      total: { label: words.total, cells: [...reportChannels.map((channel) => report.totals.applications.byChannel[channel]), report.totals.applications.total] },
    },
    outcomes: { chart: outcomeChart, head: [words.outcome, words.count], rows: outcomes.map((outcome) => ({ label: outcome.label, cells: [outcome.value] })) },
    queue: { chart: queueChart, empty: months.length === 0, head: [words.month, words.inQueue], rows: months.map((point) => ({ label: point.long, cells: [point.length] })) },
  };
};

// ─── The routes ─────────────────────────────────────────────────────────────

/** The app lets only signed-in staff reach these pages (`workforce: ['staff']`); a year the API would refuse is no report. */
const forStaff = (page: (context: PageContext, staff: PrincipalFor<'staff'>, year: number) => Promise<WebResponse>) => async (context: PageContext) => {
  const words = reportWords[context.language];
  const staff = context.member as PrincipalFor<'staff'>;
  const year = reportYearOf(context.params.year);
  if (year === undefined) return context.message(404, { title: words.badYearTitle, paragraphs: [words.badYearText], links: [{ text: context.t.startAgain, href: context.href('home') }] });
  return page(context, staff, year);
};

const currentYear = (context: PageContext) => Number(rigaDate(new Date(context.deps.now())).slice(0, 4));

/** Links to the five years up to this one. */
const yearsAround = (context: PageContext) => {
  const current = currentYear(context);
  return Array.from({ length: 5 }, (_, index) => current - 4 + index).map((year) => ({ year, href: context.href('report', { year: String(year) }) }));
};

/** The year's figures and its queue month by month up to today (Riga), as the page and the CSV both show them. */
const figuresOf = (context: PageContext, staff: PrincipalFor<'staff'>, year: number) =>
  annualReportWithQueueByMonth(context.deps.reports, year, staff.services, rigaDate(new Date(context.deps.now())));

const reportPage = forStaff(async (context, staff, year) => {
  const { language, href, render } = context;
  const words = reportWords[language];
  const { report, queueByMonth } = await figuresOf(context, staff, year);
  return render('report', {
    title: words.title(year),
    words,
    data: reportPageData(report, queueByMonth, language),
    years: yearsAround(context),
    csvHref: href('report-csv', { year: String(year) }),
    downloadText: words.download(year),
  });
});

const reportFile = forStaff(async (context, staff, year) => {
  const { language } = context;
  const { report, queueByMonth } = await figuresOf(context, staff, year);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${reportCsvFileName(year, language)}"`,
      'content-language': language,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: reportCsv(report, queueByMonth, language),
  };
});

/** The header's link: this year's report. */
const thisYear = async (context: PageContext) => context.redirect(context.href('report', { year: String(currentYear(context)) }));

export const reportPages: readonly PageRoute[] = [
  { ...listed('reports'), get: thisYear },
  { ...listed('report'), get: reportPage },
  { ...listed('report-csv'), get: reportFile },
];
