/** Small DOM helpers for the report: elements built with textContent only, so no corpus text is parsed as HTML. */
import type { ReportPlace } from '../../server/src/core/report/file-summary';
import { t } from './report-strings';

/** Opens a place: the editor when inside it, else the link's own href. */
export type Opener = (place: ReportPlace) => void;

/** Creates an element with classes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** A link to a file and line, labelled `label` (the path and 1-based line by default). */
export function placeLink(place: ReportPlace, open: Opener | undefined, label = `${place.path}:${place.line + 1}`): HTMLAnchorElement {
  const a = el('a', '', label);
  a.href = place.uri;
  a.title = t('{0}, line {1}', place.path, place.line + 1);
  a.dataset.uri = place.uri;
  a.dataset.line = String(place.line);
  if (open) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      open(place);
    });
  }
  return a;
}

/** Formats a count with thin grouping (`12 345`). */
export function fmt(n: number): string {
  return n.toLocaleString('en-US').replace(/,/gu, '\u202f');
}

/** Formats a share of a total as a percentage with one decimal. */
export function pct(part: number, total: number): string {
  return total === 0 ? '0%' : `${((100 * part) / total).toFixed(1)}%`;
}

/** A table with a header row; `numeric` marks right-aligned columns. */
export function table(headers: readonly string[], rows: readonly (readonly (Node | string)[])[], numeric: readonly number[] = [], empty = t('Nothing to show.')): HTMLElement {
  if (rows.length === 0) return el('div', 'empty', empty);
  const head = el('tr', '', ...headers.map((h, i) => el('th', numeric.includes(i) ? 'num' : '', h)));
  const body = el('tbody', '', ...rows.map((r) => el('tr', '', ...r.map((c, i) => el('td', numeric.includes(i) ? 'num' : typeof c === 'string' ? '' : '', c)))));
  return el('table', '', el('thead', '', head), body);
}

/** A thin stacked bar of flagged shares by tier. */
export function shareBar(flagged: { certain: number; probable: number; weak: number }, lines: number): HTMLElement {
  const bar = el('div', 'share');
  for (const tier of ['certain', 'probable', 'weak'] as const) {
    const span = el('span', tier);
    span.style.width = lines === 0 ? '0' : `${(100 * flagged[tier]) / lines}%`;
    bar.append(span);
  }
  return bar;
}
