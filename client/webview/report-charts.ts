/** The report's charts, drawn with Chart.js in the editor theme's colours (read from CSS variables). */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { CorpusReport } from '../../server/src/core/report/corpus-report';
import type { ReportPlace } from '../../server/src/core/report/file-summary';
import { t } from './report-strings';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const charts: Chart[] = [];

/** The value of a report colour variable (`--r-certain`…), resolved against the current theme. */
function color(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(`--r-${name}`).trim() || '#888';
}

function baseOptions(stacked: boolean, horizontal: boolean, onClick: (index: number) => void): ChartConfiguration<'bar'>['options'] {
  const fg = color('muted');
  const grid = color('grid');
  const axis = { stacked, ticks: { color: fg, font: { size: 11 } }, grid: { color: grid }, border: { color: grid } };
  return {
    responsive: true, maintainAspectRatio: false, animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    scales: { x: { ...axis, ...(horizontal ? { beginAtZero: true, ticks: { ...axis.ticks, precision: 0 } } : {}) }, y: { ...axis, ...(horizontal ? {} : { beginAtZero: true, ticks: { ...axis.ticks, precision: 0 } }) } },
    plugins: { legend: { labels: { color: color('fg'), boxWidth: 12, font: { size: 12 } } }, tooltip: { enabled: true } },
    onClick: (_e, elements) => {
      const first = elements[0];
      if (first) onClick(first.index);
    },
    onHover: (e, elements) => {
      const target = e.native?.target;
      if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
    },
  };
}

type BarOptions = ChartConfiguration<'bar'>['options'];

function withoutLegend(options: BarOptions): BarOptions {
  return { ...options, plugins: { ...options?.plugins, legend: { display: false } } };
}

function add(canvas: HTMLCanvasElement, config: ChartConfiguration<'bar'>): void {
  charts.push(new Chart(canvas, config));
}

/** Removes every chart (before a redraw). */
export function destroyCharts(): void {
  for (const c of charts.splice(0)) c.destroy();
}

/** Share of lines flagged by tier, one bar per group. */
export function flaggedChart(canvas: HTMLCanvasElement, report: CorpusReport): void {
  const groups = report.groups.slice(0, 20);
  const share = (n: number, total: number): number => (total === 0 ? 0 : Math.round((1000 * n) / total) / 10);
  add(canvas, {
    type: 'bar',
    data: {
      labels: groups.map((g) => g.name),
      datasets: (['certain', 'probable', 'weak'] as const).map((tier) => ({
        label: t('{0} (% of lines)', t(tier)), data: groups.map((g) => share(g.flagged[tier], g.lines)), backgroundColor: color(tier), borderRadius: 2, maxBarThickness: 22,
      })),
    },
    options: baseOptions(true, true, () => undefined),
  });
}

/** Meetings per month, stacked by status; a click shows that month's meetings. */
export function monthsChart(canvas: HTMLCanvasElement, report: CorpusReport, onMonth: (month: string, places: readonly ReportPlace[]) => void): void {
  const months = report.meetingsByMonth;
  add(canvas, {
    type: 'bar',
    data: {
      labels: months.map((m) => m.month),
      datasets: (['reported', 'planned', 'mentioned'] as const).map((status) => ({
        label: t(status), data: months.map((m) => m[status]), backgroundColor: color(status), borderRadius: 2, maxBarThickness: 36,
      })),
    },
    options: baseOptions(true, false, (i) => {
      const m = months[i];
      if (m) onMonth(m.month, m.places);
    }),
  });
}

/** Meetings by the article's province; a click opens the first one. */
export function provincesChart(canvas: HTMLCanvasElement, report: CorpusReport, open: (place: ReportPlace) => void): void {
  const rows = report.meetingsByProvince;
  add(canvas, {
    type: 'bar',
    data: { labels: rows.map((r) => r.title), datasets: [{ label: t('meetings'), data: rows.map((r) => r.count), backgroundColor: color('reported'), borderRadius: 2, maxBarThickness: 18 }] },
    options: withoutLegend(baseOptions(false, true, (i) => {
      const r = rows[i];
      if (r) open(r.place);
    })),
  });
}
