/**
 * The report's charts as SVG drawn on the server (no script in the browser): d3-scale places the bars, points and
 * ticks, d3-shape draws the line, and the template only writes out the shapes computed here. Each chart carries its
 * title and a description that says the figures in words (`<title>`/`<desc>` of a `role="img"` SVG); the table
 * beside it holds every number too. Sizes are in the viewBox's units: the SVG scales to its column.
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

/** Colours of a chart's series: each at least 3:1 against white (WCAG 1.4.11) and told apart by the legend's order too. */
const seriesColours = ['#1d70b8', '#00703c', '#6f2c91', '#b58840'] as const;

const width = 640;
/** Coordinates to a tenth of a unit: as sharp as a screen shows, and a short page. */
const tenth = (value: number) => Math.round(value * 10) / 10;
/** The font size of the numbers the charts write (the template's `font-size="12"`). */
const numberFontSize = 12;
/**
 * Room a number needs, at most: figures are at most 0.6 of the font size wide in the sans-serif fonts a browser
 * picks, and rise at most the font size above their baseline. The geometry below keeps every number inside the
 * viewBox with this room, whatever the largest value (a label outside the viewBox is clipped).
 */
const numberWidth = (value: number) => String(value).length * 0.6 * numberFontSize;
/** Between a bar's end and its number. */
const labelGap = 6;
/** From a point's centre to the baseline of its number, clear of the point's circle (radius 5). */
const pointLabelRise = 10;

export interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly colour: string;
  readonly value: number;
  readonly valueX: number;
  readonly valueY: number;
}

export interface BarChart extends ChartText {
  readonly kind: 'bars';
  readonly width: number;
  readonly height: number;
  readonly legend: readonly { readonly name: string; readonly colour: string; readonly y: number }[];
  readonly groups: readonly { readonly label: string; readonly labelY: number; readonly bars: readonly Bar[] }[];
}

export interface LineChart extends ChartText {
  readonly kind: 'line';
  readonly width: number;
  readonly height: number;
  readonly path: string;
  readonly colour: string;
  readonly points: readonly { readonly x: number; readonly y: number; readonly value: number; readonly valueY: number; readonly label: string; readonly labelY: number }[];
  readonly gridLines: readonly { readonly y: number; readonly text: string }[];
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly axisY: number;
}

export interface BarGroup {
  readonly label: string;
  readonly values: readonly number[];
}

/**
 * Horizontal bars, one group a row (a service and track, or an outcome), one bar per series in the group; the
 * group's name on its own line above its bars, so long Latvian names need no truncation.
 */
export const barChart = (text: ChartText, seriesNames: readonly string[], groups: readonly BarGroup[]): BarChart => {
  const legendLine = 20;
  const labelLine = 18;
  const barHeight = 16;
  const top = seriesNames.length > 1 ? seriesNames.length * legendLine + 8 : 0;
  const groupHeight = labelLine + seriesNames.length * barHeight + 12;
  const rows = scaleBand<number>().domain(groups.map((_, index) => index)).range([top, top + groups.length * groupHeight]);
  const largest = Math.max(1, ...groups.flatMap((group) => group.values));
  // The longest bar ends where its number still fits before the right edge.
  const lengthOf = scaleLinear().domain([0, largest]).range([0, width - labelGap - numberWidth(largest)]);
  return {
    kind: 'bars',
    ...text,
    width,
    height: top + groups.length * groupHeight,
    legend: seriesNames.length > 1 ? seriesNames.map((name, index) => ({ name, colour: seriesColours[index % seriesColours.length]!, y: index * legendLine })) : [],
    groups: groups.map((group, index) => {
      const groupTop = rows(index)!;
      return {
        label: group.label,
        labelY: groupTop + 13,
        bars: group.values.map((value, series) => {
          const y = groupTop + labelLine + series * barHeight;
          const length = tenth(lengthOf(value));
          return { x: 0, y, width: length, height: barHeight - 3, colour: seriesColours[series % seriesColours.length]!, value, valueX: length + labelGap, valueY: y + 11 };
        }),
      };
    }),
  };
};

/** A line through one value per point in time (a year's end), each point labelled with its value. */
export const lineChart = (text: ChartText, points: readonly { readonly label: string; readonly value: number }[]): LineChart => {
  const height = 240;
  const axisY = height - 28;
  // The highest point (the top of the scale when its maximum is a round number) still has its number above it,
  // inside the viewBox: the number's baseline sits pointLabelRise above the point and rises at most a font size.
  const plotTop = pointLabelRise + numberFontSize + 2;
  const y = scaleLinear().domain([0, Math.max(1, ...points.map((point) => point.value))]).nice().range([axisY, plotTop]);
  const ticks = y.ticks(4).filter(Number.isInteger);
  // The grid's numbers stand right-aligned left of the plot: it starts after the widest of them.
  const plotLeft = Math.max(48, tenth(8 + Math.max(0, ...ticks.map(numberWidth)) + 8));
  const plotRight = width - 24;
  const x = scalePoint<string>().domain(points.map((point) => point.label)).range([plotLeft, plotRight]).padding(0.5);
  const placed = points.map((point) => {
    const pointY = tenth(y(point.value));
    return { x: tenth(x(point.label)!), y: pointY, value: point.value, valueY: tenth(pointY - pointLabelRise), label: point.label, labelY: axisY + 20 };
  });
  return {
    kind: 'line',
    ...text,
    width,
    height,
    colour: seriesColours[0],
    path: line<{ x: number; y: number }>().x((point) => point.x).y((point) => point.y)(placed) ?? '',
    points: placed,
    gridLines: ticks.map((tick) => ({ y: tenth(y(tick)), text: String(tick) })),
    plotLeft,
    plotRight,
    axisY,
  };
};
