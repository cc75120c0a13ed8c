/**
 * The report page's pieces that need no browser: the queue over the year month by month, the rows per service and track, the CSV a
 * spreadsheet opens (BOM, the language's separator, quoting), and the charts' geometry and text alternative.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv';
import { buildReport, lastMonthShown, queueByMonth, type Counter, type QueueMonthNet, type QueueNet } from '../../functions/core/report';
import { barChart, lineChart } from '../../functions/web/workforce/charts';
import { renderTemplate } from '../../functions/web/render';
import { messages } from '../../functions/web/i18n';
import { reportCsv, reportPageData, reportYearOf, trackFigures } from '../../functions/web/workforce/report';
import { reportWords } from '../../functions/web/workforce/report-words';

const sr = { serviceId: 'social-rehabilitation', track: 'chernobyl' } as const;
const counters: Counter[] = [
  { ...sr, metric: 'applications', dimension: 'self', count: 5 },
  { ...sr, metric: 'applications', dimension: 'referral', count: 2 },
  { ...sr, metric: 'decisions', dimension: 'grant', count: 3 },
  { ...sr, metric: 'recipients', dimension: 'started', count: 2 },
  { serviceId: 'social-rehabilitation', track: 'functional-impairment', metric: 'applications', dimension: 'self', count: 10 },
  { serviceId: 'social-rehabilitation', track: 'functional-impairment', metric: 'decisions', dimension: 'refusal', count: 1 },
  { serviceId: 'driving-training', track: 'category-b', metric: 'withdrawals', dimension: 'submitted', count: 1 },
];
const queueNet: QueueNet[] = [
  { year: 2024, ...sr, net: 4 },
  { year: 2025, ...sr, net: -1 },
  { year: 2026, ...sr, net: 2 },
  { year: 2026, serviceId: 'driving-training', track: 'category-b', net: 7 },
];
/** The months of 2026 behind its yearly +2 of Chernobyl's queue (and driving training's +7, all in March). */
const queueMonthNet: QueueMonthNet[] = [
  { year: 2026, month: 2, ...sr, net: 3 },
  { year: 2026, month: 5, ...sr, net: -1 },
  { year: 2026, month: 3, serviceId: 'driving-training', track: 'category-b', net: 7 },
];
const report = buildReport(2026, counters, queueNet);


describe('the queue over the year, month by month', () => {
  it('is the length at the end of each month: the year-end length less the changes of the months after it', () => {
    expect(queueByMonth(2026, 12, queueNet, queueMonthNet, ['social-rehabilitation'])).toEqual([
      { month: '2026-01', length: 3 },
      { month: '2026-02', length: 6 },
      { month: '2026-03', length: 6 },
      { month: '2026-04', length: 6 },
      ...['05', '06', '07', '08', '09', '10', '11', '12'].map((month) => ({ month: `2026-${month}`, length: 5 })),
    ]);
  });

  it('ends with the report year\u2019s year-end length, so the chart and the yearly figures agree', () => {
    const months = queueByMonth(2026, 12, queueNet, queueMonthNet, report.scope);
    expect(months.at(-1)?.length).toBe(report.totals.queueAtYearEnd.total);
  });

  it('omits the months after this one, and counts only the staff member\u2019s services', () => {
    expect(queueByMonth(2026, 4, queueNet, queueMonthNet, ['driving-training'])).toEqual([
      { month: '2026-01', length: 0 },
      { month: '2026-02', length: 0 },
      { month: '2026-03', length: 7 },
      { month: '2026-04', length: 7 },
    ]);
    expect(queueByMonth(2025, 12, queueNet, queueMonthNet, ['driving-training']).map((point) => point.length)).toEqual(Array(12).fill(0));
  });

  it('shows every month of a past year, this year up to this month (Riga), and nothing of a year not begun', () => {
    expect(lastMonthShown(2025, '2026-11-30')).toBe(12);
    expect(lastMonthShown(2026, '2026-11-30')).toBe(11);
    expect(lastMonthShown(2027, '2026-11-30')).toBe(0);
    expect(queueByMonth(2027, 0, queueNet, queueMonthNet, report.scope)).toEqual([]);
  });
});

describe('the report as rows and as CSV', () => {
  it('gives one row per service and track counted, in the catalogue\u2019s order', () => {
    expect(trackFigures(report).map((row) => `${row.serviceId}/${row.trackId}`)).toEqual([
      'social-rehabilitation/functional-impairment',
      'social-rehabilitation/chernobyl',
      'driving-training/category-b',
    ]);
    expect(trackFigures(report)[1]).toMatchObject({ applications: 7, clients: 2, grants: 3, queueAtYearEnd: 5 });
  });

  it('starts with a byte order mark and separates Latvian values with ";" so Excel opens ā, ē, ž in columns', () => {
    const csv = reportCsv(report, [], 'lv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [head, ...rows] = parseCsv(csv.slice(1), ';').slice(0, -2);
    expect(head).toEqual(['Gads', 'Pakalpojuma kods', 'Pakalpojums', 'Grupas kods', 'Grupa', 'Pieteikumi', 'Klienti (sāka)', 'Nesāka', 'Pabeidza', 'Uzņemti rindā', 'Piešķirts', 'Atteikts', 'Citi lēmumi', 'Atsaukti', 'Rindā gada beigās']);
    expect(rows[0]).toEqual(['2026', 'social-rehabilitation', 'Sociālā rehabilitācija', 'functional-impairment', 'Personas ar funkcionēšanas ierobežojumiem', '10', '0', '0', '0', '0', '0', '1', '0', '0', '0']);
    expect(rows.at(-1)).toEqual(['2026', '', 'Kopā', '', '', '17', '2', '0', '0', '0', '3', '1', '0', '1', '12']);
  });

  it('separates English values with "," and quotes a name that holds one', () => {
    const csv = reportCsv(buildReport(2026, [{ serviceId: 'vocational-rehabilitation', track: 'vocational-school', metric: 'applications', dimension: 'self', count: 4 }], []), [], 'en');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFYear,Service id,Service,Track id,Track,Applications,Clients (started),Did not start,Completed,Admitted to the queue,Granted,Refused,Other decisions,Withdrawn,In the queue at year end');
    const [, row] = parseCsv(csv.slice(1), ',');
    expect(row!.slice(0, 6)).toEqual(['2026', 'vocational-rehabilitation', 'Vocational rehabilitation', 'vocational-school', 'Jūrmala Vocational Secondary School', '4']);
    // A track id the catalogue no longer knows is shown as it was counted, quoted where it holds a separator or a quote.
    const odd = reportCsv(buildReport(2026, [{ serviceId: 'social-rehabilitation', track: 'old "a", b', metric: 'applications', dimension: 'self', count: 1 }], []), [], 'en');
    expect(odd.split('\r\n')[1]).toBe('2026,social-rehabilitation,Social rehabilitation,"old ""a"", b","old ""a"", b",1,0,0,0,0,0,0,0,0,0');
    expect(parseCsv(odd.slice(1), ',')[1]![3]).toBe('old "a", b');
  });

  it('carries the queue at the end of each month shown, after an empty line: the figures of the page\u2019s queue table', () => {
    const queue = queueByMonth(2026, 4, queueNet, queueMonthNet, report.scope);
    const lines = reportCsv(report, queue, 'lv').slice(1).split('\r\n');
    const afterTotals = lines.indexOf('');
    expect(lines[afterTotals - 1]).toMatch(/^2026;;Kopā;/);
    expect(parseCsv(lines.slice(afterTotals + 1).join('\r\n'), ';')).toEqual([
      ['Gads', 'Mēnesis', 'Rindā mēneša beigās'],
      ['2026', '2026-01', '3'],
      ['2026', '2026-02', '6'],
      ['2026', '2026-03', '13'],
      ['2026', '2026-04', '13'],
    ]);
    const page = reportPageData(report, queue, 'lv').queue.rows.map((row) => row.cells[0]);
    expect(queue.map((point) => point.length)).toEqual(page);
    expect(reportCsv(report, queue, 'en').split('\r\n').find((line) => line.startsWith('Year,Month'))).toBe('Year,Month,In the queue at month end');
  });

  it('accepts the years the API accepts and nothing else', () => {
    expect(reportYearOf('2026')).toBe(2026);
    for (const bad of ['1999', '26', '2026.5', '２０２６', '', undefined]) expect(reportYearOf(bad)).toBeUndefined();
  });
});

describe('the charts', () => {
  it('draws bars in proportion to their values, the largest leaving room for its number', () => {
    const chart = barChart({ id: 'c', title: 'T', description: 'D' }, ['a', 'b'], [{ label: 'one', values: [10, 5] }, { label: 'two', values: [0, 20] }]);
    const [first, second] = chart.groups;
    expect(first!.bars[0]!.width).toBeCloseTo(second!.bars[1]!.width / 2);
    expect(first!.bars[1]!.width).toBeCloseTo(second!.bars[1]!.width / 4);
    expect(second!.bars[0]!.width).toBe(0);
    expect(second!.bars[1]!.valueX).toBeLessThan(chart.width);
    expect(chart.legend.map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(second!.labelY).toBeGreaterThan(first!.bars[1]!.y);
  });

  it('draws the queue as a line through one point per year, higher for a longer queue', () => {
    const chart = lineChart({ id: 'q', title: 'T', description: 'D' }, [{ label: '2024', value: 4 }, { label: '2025', value: 3 }, { label: '2026', value: 5 }]);
    const [a, b, c] = chart.points;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.y).toBeGreaterThan(a!.y); // 3 is lower on the page (a larger y) than 4
    expect(c!.y).toBeLessThan(a!.y);
    expect(chart.path).toBe(`M${a!.x},${a!.y}L${b!.x},${b!.y}L${c!.x},${c!.y}`);
  });

  it('renders each chart as an image named by its title and described with every figure, the table beside it', () => {
    const html = renderTemplate('report', {
      t: messages.en,
      lang: 'en',
      nav: {},
      title: 'Report for 2026',
      words: reportWords.en,
      data: reportPageData(report, queueByMonth(2026, 3, queueNet, queueMonthNet, report.scope), 'en'),
      years: [],
      csvHref: '/csv',
      downloadText: 'Download',
    });
    const svgs = html.match(/<svg[^>]*>/g)!;
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="(chart-\w+)-title \1-desc"/);
    expect(html).toContain('<title id="chart-queue-title">Queue length at the end of each month</title>');
    expect(html).toContain('People in the queue at the end of each month: January 2026: 3; February 2026: 6; March 2026: 13.');
    expect(html).toMatch(/<th scope="row" class="govuk-table__header">March 2026<\/th><td class="govuk-table__cell govuk-table__cell--numeric">13<\/td>/);
    expect(html).toMatch(/<desc id="chart-tracks-desc">[^<]*Social rehabilitation: Chernobyl[^<]*applications 7, clients \(started\) 2/);
    expect(html.match(/<table/g)).toHaveLength(4);
  });
});

/** Each chart of a rendered page: its viewBox and every <text> with its position, anchor, font size and content. */
const chartsIn = (html: string) =>
  [...html.matchAll(/<svg[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*>([\s\S]*?)<\/svg>/g)].map(([, width, height, body]) => ({
    width: Number(width),
    height: Number(height),
    texts: [...body!.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => {
      const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes!)?.[1];
      return { x: Number(attribute('x')), y: Number(attribute('y')), size: Number(attribute('font-size')), anchor: attribute('text-anchor') ?? 'start', content: content! };
    }),
  }));

/**
 * The box a text can take at most: glyphs rise at most the font size above the baseline, descend at most a quarter
 * of it, and are at most 0.6 of it wide on average (the sans-serif fonts browsers pick; digits are narrower).
 */
const widestBox = (text: ReturnType<typeof chartsIn>[number]['texts'][number]) => {
  const width = text.content.length * 0.6 * text.size;
  const left = text.anchor === 'middle' ? text.x - width / 2 : text.anchor === 'end' ? text.x - width : text.x;
  return { left, right: left + width, top: text.y - text.size, bottom: text.y + text.size / 4 };
};

describe('every number and name of a chart stays inside its viewBox', () => {
  /** A report whose largest figure is the top of its scale in each chart: a round queue maximum, a nine-digit bar. */
  const largest = 123_456_789;
  const topHeavy = buildReport(
    2026,
    [
      { ...sr, metric: 'applications', dimension: 'self', count: largest },
      { ...sr, metric: 'recipients', dimension: 'started', count: 7 },
      { ...sr, metric: 'decisions', dimension: 'grant', count: largest },
    ],
    [],
  );
  const queues = [
    [0, 50, 100],
    [100],
    [3, 1_000_000, 20_000],
    Array.from({ length: 12 }, (_, month) => (month + 1) * 10),
  ];

  it.each(queues.map((lengths) => [lengths.join(', '), lengths] as const))('with the queue %s', (_, lengths) => {
    const queue = lengths.map((length, index) => ({ month: `2026-${String(index + 1).padStart(2, '0')}`, length }));
    const html = renderTemplate('report', { t: messages.lv, lang: 'lv', nav: {}, title: 'Pārskats', words: reportWords.lv, data: reportPageData(topHeavy, queue, 'lv'), years: [], csvHref: '/csv', downloadText: 'CSV' });
    const charts = chartsIn(html);
    expect(charts).toHaveLength(3);
    // The largest value is written in the charts, so the check below covers its label.
    expect(charts.flatMap((chart) => chart.texts.map((text) => text.content))).toEqual(expect.arrayContaining([String(largest), String(Math.max(...lengths))]));
    for (const chart of charts) {
      for (const text of chart.texts) {
        const box = widestBox(text);
        expect(box.left, `"${text.content}" left`).toBeGreaterThanOrEqual(0);
        expect(box.right, `"${text.content}" right`).toBeLessThanOrEqual(chart.width);
        expect(box.top, `"${text.content}" top`).toBeGreaterThanOrEqual(0);
        expect(box.bottom, `"${text.content}" bottom`).toBeLessThanOrEqual(chart.height);
      }
    }
  });
});
