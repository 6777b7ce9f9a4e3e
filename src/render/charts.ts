/**
 * Static SVG charts made at build time (no chart script in the browser). Each has a <title> and a
 * <desc> referenced by aria-labelledby; the page puts a data table next to it. Colours keep at
 * least 3:1 contrast against white (WCAG 1.4.11) and text at least 4.5:1.
 */
import { escapeXml } from './atom.ts';
import { pluralCs } from './czech.ts';

/** Group colours, in the order of the groups in the configuration. */
export const PALETTE = ['#1d6785', '#a84d35', '#4f7326', '#74508f', '#7d6400', '#3f5368'] as const;

const TEXT = '#1b2631';
const MUTED = '#4a5866';
const GRID = '#d5dce3';
const FONT = 'system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, sans-serif';

export interface Chart {
  svg: string;
  /** One-sentence text alternative, also shown as the figure caption's second line. */
  summary: string;
}

interface Frame {
  id: string;
  width: number;
  height: number;
  title: string;
  desc: string;
}

function open(frame: Frame): string {
  const { id, width, height } = frame;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false" font-family="${FONT}">` +
    `<title id="${id}-title">${escapeXml(frame.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(frame.desc)}</desc>`
  );
}

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  const extra = Object.entries({ 'font-size': 13, fill: TEXT, ...attrs })
    .map(([k, v]) => ` ${k}="${typeof v === 'string' ? escapeXml(v) : v}"`)
    .join('');
  return `<text x="${round(x)}" y="${round(y)}"${extra}>${escapeXml(content)}</text>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string, extra = ''): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" fill="${fill}"${extra}/>`;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function truncate(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

/* ------------------------------------------------------------------------------------------ */

export interface YearBarRow {
  year: string;
  segments: { key: string; label: string; count: number }[];
}

/** Meetings per year, one horizontal bar per year stacked by group, with a legend on top. */
export function meetingsPerYearChart(
  id: string,
  rows: readonly YearBarRow[],
  legend: readonly { key: string; label: string }[],
): Chart {
  const colour = new Map(legend.map((item, index) => [item.key, PALETTE[index % PALETTE.length]!]));
  const totals = rows.map((row) => row.segments.reduce((sum, s) => sum + s.count, 0));
  const max = Math.max(1, ...totals);
  const all = totals.reduce((a, b) => a + b, 0);
  const width = 480;
  const labelW = 52;
  const plotW = width - labelW - 40;
  const legendH = legend.length * 20 + 8;
  const rowH = 30;
  const height = legendH + rows.length * rowH + 8;
  const first = rows[rows.length - 1]?.year;
  const last = rows[0]?.year;
  const summary = rows.length
    ? `Celkem ${pluralCs(all, ['jednání', 'jednání', 'jednání'])} v letech ${first}–${last}; nejvíce ${pluralCs(max, ['jednání', 'jednání', 'jednání'])} za rok.`
    : 'Zatím žádná jednání.';
  const parts = [open({ id, width, height, title: 'Počet jednání v jednotlivých letech podle pracovních skupin', desc: summary })];
  legend.forEach((item, index) => {
    const y = 4 + index * 20;
    parts.push(rect(0, y + 2, 12, 12, colour.get(item.key)!), text(18, y + 12, truncate(item.label, 60), { fill: MUTED }));
  });
  rows.forEach((row, index) => {
    const y = legendH + index * rowH;
    parts.push(text(0, y + 19, row.year, { 'font-weight': 600 }));
    let x = labelW;
    for (const segment of row.segments) {
      if (!segment.count) continue;
      const w = (segment.count / max) * plotW;
      parts.push(rect(x, y + 4, w, rowH - 10, colour.get(segment.key) ?? PALETTE[0], ' stroke="#fff" stroke-width="1"'));
      x += w;
    }
    parts.push(text(x + 6, y + 19, String(totals[index]), { fill: MUTED }));
  });
  parts.push('</svg>');
  return { svg: parts.join(''), summary };
}

/* ------------------------------------------------------------------------------------------ */

export interface AttendancePoint {
  date: string;
  /** Short label for the axis: "25. 10. 2021". */
  label: string;
  count: number;
}

/** People present at each meeting of a group, oldest to newest, one column per meeting. */
export function attendanceChart(id: string, points: readonly AttendancePoint[], groupName: string): Chart {
  const max = Math.max(1, ...points.map((p) => p.count));
  const width = 560;
  const height = 220;
  const left = 34;
  const right = 8;
  const top = 16;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const slot = points.length ? plotW / points.length : plotW;
  const barW = Math.max(3, Math.min(36, slot * 0.7));
  const counts = points.map((p) => p.count);
  const average = points.length ? counts.reduce((a, b) => a + b, 0) / points.length : 0;
  const summary = points.length
    ? `${pluralCs(points.length, ['jednání', 'jednání', 'jednání'])} od ${points[0]!.label} do ${points[points.length - 1]!.label}; ` +
      `přítomno ${Math.min(...counts)} až ${Math.max(...counts)} lidí, v průměru ${formatDecimal(average)}.`
    : 'Zatím žádná jednání.';
  const parts = [open({ id, width, height, title: `Počet přítomných na jednáních: ${groupName}`, desc: summary })];
  const ticks = niceTicks(max);
  const scaleMax = ticks[ticks.length - 1]!;
  for (const tick of ticks) {
    const y = top + plotH - (tick / scaleMax) * plotH;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${round(y)}" y2="${round(y)}" stroke="${GRID}" stroke-width="1"/>`,
      text(left - 6, y + 4, String(tick), { 'text-anchor': 'end', fill: MUTED, 'font-size': 12 }),
    );
  }
  let previousYear = '';
  points.forEach((point, index) => {
    const cx = left + slot * index + slot / 2;
    const h = (point.count / scaleMax) * plotH;
    parts.push(rect(cx - barW / 2, top + plotH - h, barW, h, PALETTE[0]));
    if (barW >= 16) parts.push(text(cx, top + plotH - h - 4, String(point.count), { 'text-anchor': 'middle', 'font-size': 12 }));
    const year = point.date.slice(0, 4);
    if (year !== previousYear) {
      parts.push(
        `<line x1="${round(cx)}" x2="${round(cx)}" y1="${top + plotH}" y2="${top + plotH + 6}" stroke="${MUTED}"/>`,
        text(cx, top + plotH + 22, points.length <= 6 ? point.label : year, {
          'text-anchor': points.length <= 6 ? 'middle' : 'start',
          fill: MUTED,
          'font-size': 12,
        }),
      );
      previousYear = year;
    } else if (points.length <= 6) {
      parts.push(text(cx, top + plotH + 22, point.label, { 'text-anchor': 'middle', fill: MUTED, 'font-size': 12 }));
    }
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="${MUTED}"/>`);
  parts.push('</svg>');
  return { svg: parts.join(''), summary };
}

/** 0 and two or three round steps up to at least `max`. */
export function niceTicks(max: number): number[] {
  const raw = Math.max(1, max) / 3;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

function formatDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toString().replace('.', ',');
}

/* ------------------------------------------------------------------------------------------ */

export interface GridRow {
  label: string;
  cells: number[];
}

const GRID_STEPS = [
  { fill: '#f1f4f7', text: MUTED },
  { fill: '#cfe3ec', text: '#0f2a36' },
  { fill: '#8dbcd0', text: '#0f2a36' },
  { fill: '#1d6785', text: '#ffffff' },
] as const;

/** Organization × year: how many updates each organization reported in each year. */
export function updatesGridChart(id: string, rows: readonly GridRow[], columns: readonly string[]): Chart {
  const labelW = 176;
  const cellW = 46;
  const cellH = 26;
  const headerH = 26;
  const width = labelW + Math.max(1, columns.length) * cellW + 4;
  const height = headerH + rows.length * cellH + 4;
  const total = rows.reduce((sum, row) => sum + row.cells.reduce((a, b) => a + b, 0), 0);
  const summary = rows.length
    ? `${pluralCs(rows.length, ['organizace', 'organizace', 'organizací'])} podala celkem ${pluralCs(total, ['informaci', 'informace', 'informací'])} ` +
      `v letech ${columns[0]}–${columns[columns.length - 1]}.`
    : 'Zatím žádné informace organizací.';
  const parts = [open({ id, width, height, title: 'Informace organizací podle let', desc: summary })];
  columns.forEach((column, index) => {
    parts.push(text(labelW + index * cellW + cellW / 2, 17, column, { 'text-anchor': 'middle', 'font-weight': 600, 'font-size': 12 }));
  });
  rows.forEach((row, r) => {
    const y = headerH + r * cellH;
    parts.push(text(0, y + 17, truncate(row.label, 24), { 'font-size': 12.5 }));
    row.cells.forEach((count, c) => {
      const step = GRID_STEPS[Math.min(count, 3)]!;
      const x = labelW + c * cellW;
      parts.push(rect(x + 2, y + 2, cellW - 4, cellH - 4, step.fill, ' rx="3"'));
      parts.push(text(x + cellW / 2, y + 17, count ? String(count) : '–', { 'text-anchor': 'middle', fill: step.text, 'font-size': 12 }));
    });
  });
  parts.push('</svg>');
  return { svg: parts.join(''), summary };
}
