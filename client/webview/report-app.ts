/**
 * The corpus report page. Inside the editor it receives report updates by message and asks the extension to open
 * files; in a standalone HTML file it reads the report from a JSON data block and links to the files.
 */
import type { CorpusReport } from '../../server/src/core/report/corpus-report';
import type { ReportPlace } from '../../server/src/core/report/file-summary';
import type { ReportUpdate } from '../../server/src/protocol';
import { destroyCharts, flaggedChart, monthsChart, provincesChart } from './report-charts';
import { el, fmt, pct, placeLink, shareBar, table, type Opener } from './report-dom';

declare const acquireVsCodeApi: undefined | (() => { postMessage(message: unknown): void });

const vscodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const open: Opener | undefined = vscodeApi ? (place) => vscodeApi.postMessage({ type: 'open', uri: place.uri, line: place.line }) : undefined;
let current: ReportUpdate | undefined;

function cards(report: CorpusReport): HTMLElement {
  const t = report.totals;
  const card = (value: string, label: string, cls = ''): HTMLElement => el('div', `card ${cls}`, el('div', 'value', value), el('div', 'label', label));
  const c = el('div', 'cards',
    card(fmt(t.files), 'files'),
    card(fmt(t.lines), 'non-blank lines'),
    card(pct(t.flagged.certain, t.lines), 'lines flagged certain', 'certain'),
    card(pct(t.flagged.probable, t.lines), 'lines flagged probable', 'probable'),
    card(pct(t.flagged.weak, t.lines), 'lines flagged weak', 'weak'),
    card(fmt(t.meetings), `meetings (${fmt(t.datedMeetings)} dated)`),
    card(fmt(t.references), 'references'),
    card(fmt(t.unknownReferences), 'unknown references'));
  c.id = 'totals';
  c.dataset.files = String(t.files);
  c.dataset.lines = String(t.lines);
  c.dataset.certain = String(t.flagged.certain);
  c.dataset.probable = String(t.flagged.probable);
  c.dataset.weak = String(t.flagged.weak);
  c.dataset.meetings = String(t.meetings);
  c.dataset.references = String(t.references);
  return c;
}

function canvasIn(cls: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = el('canvas');
  return { box: el('div', `chart ${cls}`, canvas), canvas };
}

function groupsSection(report: CorpusReport, after: (() => void)[]): HTMLElement[] {
  const { box, canvas } = canvasIn('');
  // One bar per group: the chart grows with the number of groups instead of stretching a few bars.
  box.style.height = `${90 + 30 * Math.min(20, report.groups.length)}px`;
  after.push(() => flaggedChart(canvas, report));
  const rows = report.groups.map((g) => [g.name, fmt(g.files), fmt(g.lines), pct(g.flagged.certain, g.lines), pct(g.flagged.probable, g.lines), pct(g.flagged.weak, g.lines), shareBar(g.flagged, g.lines)]);
  const out: HTMLElement[] = [el('h2', '', 'Sites and folders'), box, el('div', 'details', table(['site or folder', 'files', 'lines', 'certain', 'probable', 'weak', 'flagged share'], rows, [1, 2, 3, 4, 5]))];
  for (const g of report.groups) {
    out.push(el('h3', '', `Most recurring lines in ${g.name}`));
    const t = table(['files', 'line', 'first seen'], g.topLines.map((l) => [fmt(l.files), el('span', 'text', l.text), placeLink(l.place, open)]), [0], 'No line recurs in two or more files.');
    t.classList.add('recurring');
    out.push(t);
  }
  return out;
}

function meetingsSection(report: CorpusReport, after: (() => void)[]): HTMLElement[] {
  const months = canvasIn('');
  const provinces = canvasIn(report.meetingsByProvince.length > 8 ? 'tall' : '');
  const details = el('div', 'details', el('p', 'hint', 'Click a bar to list that month’s meetings; click a province to open its first meeting.'));
  const showMonth = (month: string, places: readonly ReportPlace[]): void => {
    details.replaceChildren(el('h3', '', `Meetings in ${month}`), el('ul', '', ...places.map((p) => el('li', '', placeLink(p, open)))));
  };
  after.push(() => monthsChart(months.canvas, report, showMonth), () => provincesChart(provinces.canvas, report, (p) => (open ? open(p) : window.open(p.uri))));
  const undated = report.totals.meetings - report.totals.datedMeetings;
  return [
    el('h2', '', 'Meetings'),
    el('div', 'grid2',
      el('div', '', el('h3', '', 'Per month'), report.meetingsByMonth.length ? months.box : el('div', 'empty', 'No dated meetings.')),
      el('div', '', el('h3', '', 'By province'), report.meetingsByProvince.length ? provinces.box : el('div', 'empty', 'No province recognised.'))),
    el('p', 'hint', `${fmt(report.totals.datedMeetings)} meetings with a date to the month, ${fmt(undated)} without.`),
    details,
  ];
}

function referencesSection(report: CorpusReport): HTMLElement[] {
  const cited = table(['document', 'catalog id', 'mentions', 'files', 'first seen'],
    report.citedDocuments.map((d) => [d.title, el('span', 'muted', d.key), fmt(d.count), fmt(d.files), placeLink(d.place, open)]), [2, 3], 'No document of the catalog is cited.');
  cited.id = 'cited';
  const unknown = table(['as written', 'mentions', 'files', 'why not resolved', 'first seen'],
    report.unknownReferences.map((d) => [el('span', 'text', d.title), fmt(d.count), fmt(d.files), el('span', 'muted', d.reason ?? ''), placeLink(d.place, open)]), [1, 2], 'Every reference resolved: nothing to add.');
  unknown.id = 'unknown';
  return [el('h2', '', 'Most cited documents'), cited, el('h2', '', 'Unknown references to add to the catalog'), unknown];
}

function render(update: ReportUpdate): void {
  current = update;
  destroyCharts();
  const { report } = update;
  const after: (() => void)[] = [];
  const partial = update.done < update.total;
  const progress = partial
    ? el('div', 'progress', el('div', 'bar', Object.assign(el('span'), {})), `Summarising ${fmt(update.done)} of ${fmt(update.total)} files…`)
    : el('div');
  const fill = progress.querySelector('.bar > span');
  if (fill instanceof HTMLElement) fill.style.width = `${(100 * update.done) / Math.max(1, update.total)}%`;
  const main = el('main', '',
    el('h1', '', 'Corpus report'),
    el('p', 'subtitle', `${fmt(report.totals.files)} files · ${fmt(report.totals.lines)} lines · ${pct(report.totals.flagged.certain + report.totals.flagged.probable, report.totals.lines)} of lines flagged certain or probable`),
    progress, cards(report),
    ...groupsSection(report, after), ...meetingsSection(report, after), ...referencesSection(report),
    ...(report.problems.length ? [el('h2', '', 'Files that could not be read'), table(['file', 'problem'], report.problems.map((p) => [p.path, p.problem]))] : []));
  main.dataset.state = partial ? 'partial' : 'complete';
  main.dataset.version = String(update.version);
  document.body.replaceChildren(main);
  for (const draw of after) draw();
}

// Redraw the charts in the new colours when the editor's theme changes (it swaps the body's classes).
new MutationObserver(() => {
  if (current) render(current);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

if (vscodeApi) {
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    const data = e.data as { type?: string; update?: ReportUpdate };
    if (data.type === 'report' && data.update) render(data.update);
  });
  document.body.replaceChildren(el('main', '', el('h1', '', 'Corpus report'), el('p', 'subtitle', 'Summarising the corpus…')));
  vscodeApi.postMessage({ type: 'ready' });
} else {
  const block = document.getElementById('report-data');
  if (block?.textContent) render({ version: 0, done: 1, total: 1, ...(JSON.parse(block.textContent) as { report: CorpusReport }) });
}
