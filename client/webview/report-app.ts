/**
 * The corpus report page. Inside the editor it receives report updates by message and asks the extension to open
 * files; in a standalone HTML file it reads the report from a JSON data block and links to the files.
 */
import type { CorpusReport } from '../../server/src/core/report/corpus-report';
import type { ReportPlace } from '../../server/src/core/report/file-summary';
import type { ReportUpdate } from '../../server/src/protocol';
import { destroyCharts, flaggedChart, monthsChart, provincesChart } from './report-charts';
import { el, fmt, pct, placeLink, shareBar, table, type Opener } from './report-dom';
import { t } from './report-strings';

declare const acquireVsCodeApi: undefined | (() => { postMessage(message: unknown): void });

const vscodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const open: Opener | undefined = vscodeApi ? (place) => vscodeApi.postMessage({ type: 'open', uri: place.uri, line: place.line }) : undefined;
let current: ReportUpdate | undefined;

function cards(report: CorpusReport): HTMLElement {
  const totals = report.totals;
  const card = (value: string, label: string, cls = ''): HTMLElement => el('div', `card ${cls}`, el('div', 'value', value), el('div', 'label', label));
  const c = el('div', 'cards',
    card(fmt(totals.files), t('files')),
    card(fmt(totals.lines), t('non-blank lines')),
    card(pct(totals.flagged.certain, totals.lines), t('lines flagged certain'), 'certain'),
    card(pct(totals.flagged.probable, totals.lines), t('lines flagged probable'), 'probable'),
    card(pct(totals.flagged.weak, totals.lines), t('lines flagged weak'), 'weak'),
    card(fmt(totals.meetings), t('meetings ({0} dated)', fmt(totals.datedMeetings))),
    card(fmt(totals.references), t('references')),
    card(fmt(totals.unknownReferences), t('unknown references')));
  c.id = 'totals';
  c.dataset.files = String(totals.files);
  c.dataset.lines = String(totals.lines);
  c.dataset.certain = String(totals.flagged.certain);
  c.dataset.probable = String(totals.flagged.probable);
  c.dataset.weak = String(totals.flagged.weak);
  c.dataset.meetings = String(totals.meetings);
  c.dataset.references = String(totals.references);
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
  const out: HTMLElement[] = [el('h2', '', t('Sites and folders')), box, el('div', 'details', table(['site or folder', 'files', 'lines', 'certain', 'probable', 'weak', 'flagged share'].map((h) => t(h)), rows, [1, 2, 3, 4, 5]))];
  for (const g of report.groups) {
    out.push(el('h3', '', t('Most recurring lines in {0}', g.name)));
    const lines = table(['files', 'line', 'first seen'].map((h) => t(h)), g.topLines.map((l) => [fmt(l.files), el('span', 'text', l.text), placeLink(l.place, open)]), [0], t('No line recurs in two or more files.'));
    lines.classList.add('recurring');
    out.push(lines);
  }
  return out;
}

function meetingsSection(report: CorpusReport, after: (() => void)[]): HTMLElement[] {
  const months = canvasIn('');
  const provinces = canvasIn(report.meetingsByProvince.length > 8 ? 'tall' : '');
  const details = el('div', 'details', el('p', 'hint', t('Click a bar to list that month’s meetings; click a province to open its first meeting.')));
  const showMonth = (month: string, places: readonly ReportPlace[]): void => {
    details.replaceChildren(el('h3', '', t('Meetings in {0}', month)), el('ul', '', ...places.map((p) => el('li', '', placeLink(p, open)))));
  };
  after.push(() => monthsChart(months.canvas, report, showMonth), () => provincesChart(provinces.canvas, report, (p) => (open ? open(p) : window.open(p.uri))));
  const undated = report.totals.meetings - report.totals.datedMeetings;
  return [
    el('h2', '', t('Meetings')),
    el('div', 'grid2',
      el('div', '', el('h3', '', t('Per month')), report.meetingsByMonth.length ? months.box : el('div', 'empty', t('No dated meetings.'))),
      el('div', '', el('h3', '', t('By province')), report.meetingsByProvince.length ? provinces.box : el('div', 'empty', t('No province recognised.')))),
    el('p', 'hint', t('{0} meetings with a date to the month, {1} without.', fmt(report.totals.datedMeetings), fmt(undated))),
    details,
  ];
}

function referencesSection(report: CorpusReport): HTMLElement[] {
  const cited = table(['document', 'catalog id', 'mentions', 'files', 'first seen'].map((h) => t(h)),
    report.citedDocuments.map((d) => [d.title, el('span', 'muted', d.key), fmt(d.count), fmt(d.files), placeLink(d.place, open)]), [2, 3], t('No document of the catalog is cited.'));
  cited.id = 'cited';
  const unknown = table(['as written', 'mentions', 'files', 'why not resolved', 'first seen'].map((h) => t(h)),
    report.unknownReferences.map((d) => [el('span', 'text', d.title), fmt(d.count), fmt(d.files), el('span', 'muted', d.reason ?? ''), placeLink(d.place, open)]), [1, 2], t('Every reference resolved: nothing to add.'));
  unknown.id = 'unknown';
  return [el('h2', '', t('Most cited documents')), cited, el('h2', '', t('Unknown references to add to the catalog')), unknown];
}

function render(update: ReportUpdate): void {
  current = update;
  destroyCharts();
  const { report } = update;
  const after: (() => void)[] = [];
  const partial = update.done < update.total;
  const progress = partial
    ? el('div', 'progress', el('div', 'bar', Object.assign(el('span'), {})), t('Summarising {0} of {1} files…', fmt(update.done), fmt(update.total)))
    : el('div');
  const fill = progress.querySelector('.bar > span');
  if (fill instanceof HTMLElement) fill.style.width = `${(100 * update.done) / Math.max(1, update.total)}%`;
  const main = el('main', '',
    el('h1', '', t('Corpus report')),
    el('p', 'subtitle', t('{0} files · {1} lines · {2} of lines flagged certain or probable', fmt(report.totals.files), fmt(report.totals.lines), pct(report.totals.flagged.certain + report.totals.flagged.probable, report.totals.lines))),
    progress, cards(report),
    ...groupsSection(report, after), ...meetingsSection(report, after), ...referencesSection(report),
    ...(report.problems.length ? [el('h2', '', t('Files that could not be read')), table(['file', 'problem'].map((h) => t(h)), report.problems.map((p) => [p.path, p.problem]))] : []));
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
  document.body.replaceChildren(el('main', '', el('h1', '', t('Corpus report')), el('p', 'subtitle', t('Summarising the corpus…'))));
  vscodeApi.postMessage({ type: 'ready' });
} else {
  const block = document.getElementById('report-data');
  if (block?.textContent) render({ version: 0, done: 1, total: 1, ...(JSON.parse(block.textContent) as { report: CorpusReport }) });
}
