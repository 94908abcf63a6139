import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeSiteProfiles } from '../src/core/corpus/site-profiles';
import { toSiteChromeLookup } from '../src/core/corpus/site-chrome-lookup';
import { LineFrequencyIndex, lineHashes } from '../src/core/corpus/line-frequency';
import { analyze, defaultAnalysisOptions, type Analysis, type AnalysisOptions } from '../src/core/analyze';
import { yearEvidenceLabel } from '../src/core/dates/describe';
import { findDatePhrases } from '../src/core/dates/phrases';
import { NormalizedText } from '../src/core/text/normalized-text';
import { dateLabel } from '../src/core/meetings/dates';
import type { Meeting } from '../src/core/meetings/extract';
import { Catalog } from '../src/core/references/catalog';
import { applyEdits } from '../src/core/text/line-edits';
import type { Edit, Severity } from '../src/core/types';

/** One expectation: a span of the cleaned text, a rule id (or `reference`) and an optional detail. */
interface Expectation {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly detail: string | undefined;
  readonly where: string;
}

/** An observed item, in the same terms as an expectation. */
interface Observed {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly detail: string;
}

/** The annotated fixtures' folder in the source tree. */
export const FIXTURES_DIR = path.join(__dirname, '..', '..', 'test', 'fixtures');

/** The annotated fixture files below `dir` (not the expected outputs of fix-all, nor the corpora some fixtures read). */
export function fixtureFiles(dir: string = FIXTURES_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.endsWith('.corpus') ? [] : fixtureFiles(full);
    return e.name.endsWith('.txt') && !e.name.endsWith('.fixed.txt') ? [full] : [];
  });
}

const ANNOTATION = /^(\s*)(\^+)\s+([a-z]+(?:\/[a-z0-9-]+)?)(?::\s*(.*))?$/u;
const INLINE = /⟦([\s\S]*?)⟧\{([a-z]+(?:\/[a-z0-9-]+)?)(?::([^}]*))?\}/gu;

/**
 * Splits a fixture into the text to analyse and its expectations: caret lines annotate the line above
 * (columns count code points), and `⟦…⟧{rule-id}` marks spans that cross lines.
 */
export function parseFixture(source: string): { text: string; expectations: Expectation[] } {
  const kept: string[] = [];
  const carets: { line: number; from: number; to: number; id: string; detail: string | undefined }[] = [];
  for (const raw of source.split('\n')) {
    const m = ANNOTATION.exec(raw);
    if (m && kept.length > 0) {
      const from = [...(m[1] ?? '')].length;
      carets.push({ line: kept.length - 1, from, to: from + (m[2] ?? '').length, id: m[3] ?? '', detail: m[4]?.trim() });
    } else kept.push(raw);
  }
  const marked = kept.join('\n');
  const expectations: Expectation[] = [];
  let text = '';
  let at = 0;
  for (const m of marked.matchAll(INLINE)) {
    text += marked.slice(at, m.index);
    const start = text.length;
    text += m[1] ?? '';
    expectations.push({ start, end: text.length, id: m[2] ?? '', detail: m[3]?.trim(), where: `inline mark at offset ${start}` });
    at = (m.index ?? 0) + m[0].length;
  }
  text += marked.slice(at);
  const lines = text.split('\n');
  for (const c of carets) {
    const lineStart = lines.slice(0, c.line).reduce((n, l) => n + l.length + 1, 0);
    const units = (cp: number): number => [...(lines[c.line] ?? '')].slice(0, cp).join('').length;
    expectations.push({ start: lineStart + units(c.from), end: lineStart + units(c.to), id: c.id, detail: c.detail, where: `line ${c.line + 1}` });
  }
  return { text, expectations };
}

/** The options fixtures run with: English messages and the built-in catalogs. */
export function fixtureOptions(catalog: Catalog): AnalysisOptions {
  return { ...defaultAnalysisOptions, catalog };
}

/**
 * Applies a fixture's companions: `<name>.options.json` (`extraPhrases`, `rules`) and a `<name>.corpus/` folder
 * whose files, with the fixture itself, form the corpus for recurrence (threshold: 3 files).
 */
function withCompanions(file: string, text: string, options: AnalysisOptions): AnalysisOptions {
  const base = file.replace(/\.txt$/u, '');
  let result = options;
  if (fs.existsSync(`${base}.options.json`)) {
    const raw = JSON.parse(fs.readFileSync(`${base}.options.json`, 'utf8')) as { extraPhrases?: string[]; rules?: Record<string, Severity>; siteCorpus?: string };
    result = { ...result, extraPhrases: raw.extraPhrases ?? [], severities: raw.rules ?? {} };
    if (raw.siteCorpus) result = { ...result, ...siteChromeOptions(file, text, path.join(path.dirname(file), raw.siteCorpus)) };
  }
  if (fs.existsSync(`${base}.corpus`)) {
    const index = new LineFrequencyIndex();
    index.setFile(file, lineHashes(text));
    for (const name of fs.readdirSync(`${base}.corpus`)) {
      const other = path.join(`${base}.corpus`, name);
      index.setFile(other, lineHashes(fs.readFileSync(other, 'utf8')));
    }
    result = { ...result, recurrence: index, recurrenceThreshold: { minFiles: 3, minShare: 0 }, path: file };
  }
  return result;
}

/** Site profiles over a folder of pages plus the fixture itself (`siteCorpus` in `<name>.options.json`). */
function siteChromeOptions(file: string, text: string, folder: string): Pick<AnalysisOptions, 'siteChrome' | 'path'> {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []);
  const entries: [string, Uint32Array][] = [[file, lineHashes(text)], ...walk(folder).map((f): [string, Uint32Array] => [f, lineHashes(fs.readFileSync(f, 'utf8'))])];
  const indexed = new Set(entries.map(([f]) => f));
  return { siteChrome: toSiteChromeLookup(computeSiteProfiles(entries), (f) => indexed.has(f)), path: file };
}

/**
 * Findings and references of an analysis as observed items (spans in UTF-16 offsets); under `fixtures/meetings/`
 * also each meeting (`meeting: <kind> <date> <status>` on its name) and its date (`date: <ISO or ????-MM-DD>` on
 * the date phrase), and the primary meeting's organizer and chair (`organizer: …`, `chair: …`).
 */
function observe(analysis: Analysis, meetings = false, kind: FixtureKind = 'rules'): Observed[] {
  return [
    ...(meetings ? analysis.meetings.flatMap(observeMeeting) : []),
    ...(kind === 'dates' ? observeDates(analysis) : []),
    ...(kind === 'article' ? observeFacts(analysis) : []),
    ...analysis.findings.map((f) => ({ start: f.span.start, end: f.span.end, id: f.ruleId, detail: f.message })),
    ...analysis.references.map((r) => ({
      start: r.mention.span.start, end: r.mention.span.end, id: 'reference',
      detail: r.resolution.status === 'resolved' ? r.resolution.id : r.resolution.status,
    })),
  ];
}

/** What a fixture folder checks besides findings and references. */
type FixtureKind = 'rules' | 'meetings' | 'dates' | 'article';

function fixtureKind(file: string): FixtureKind {
  const parts = file.split(path.sep);
  return parts.includes('meetings') ? 'meetings' : parts.includes('dates') ? 'dates' : parts.includes('article') ? 'article' : 'rules';
}

/** Every date phrase of every line (`date: 5/2`, `date: 5/5–10/5/2017 sáng today thứ 1`), spans in the original text. */
function observeDates(analysis: Analysis): Observed[] {
  const out: Observed[] = [];
  for (let line = 0; line < analysis.doc.lineCount; line++) {
    const view = new NormalizedText(analysis.doc.lineText(line), { lowerCase: true });
    const start = analysis.doc.line(line).start;
    for (const p of findDatePhrases(view.text)) {
      const span = view.toOriginal({ start: p.start, end: p.end });
      const day = p.day !== undefined ? `${p.day}/${p.month}${p.year !== undefined && p.endDay === undefined ? `/${p.year}` : ''}` : '';
      const end = p.endDay !== undefined ? `–${p.endDay}/${p.endMonth}${p.year !== undefined ? `/${p.year}` : ''}` : '';
      const detail = [`${day}${end}`, p.timeOfDay, p.relative, p.weekday !== undefined ? `weekday ${p.weekday}` : undefined].filter(Boolean).join(' ');
      out.push({ start: start + span.start, end: start + span.end, id: 'date', detail });
    }
  }
  return out;
}

/** The article's title line (`title`) and date line (`dateline: <ISO>`). */
function observeFacts(analysis: Analysis): Observed[] {
  const { titleLine, dateLine, date } = analysis.article;
  const whole = (line: number): { start: number; end: number } => {
    const info = analysis.doc.line(line);
    const text = analysis.doc.lineText(line);
    const lead = text.length - text.trimStart().length;
    return { start: info.start + lead, end: info.start + text.trimEnd().length };
  };
  return [
    ...(titleLine !== undefined ? [{ ...whole(titleLine), id: 'title', detail: (analysis.article.title ?? '').normalize('NFC') }] : []),
    ...(dateLine !== undefined && date ? [{ ...whole(dateLine), id: 'dateline', detail: date }] : []),
  ];
}

function observeMeeting(m: Meeting): Observed[] {
  const when = m.date ? dateLabel(m.date) : m.year !== undefined ? String(m.year) : '-';
  const out: Observed[] = [{ start: m.span.start, end: m.span.end, id: 'meeting', detail: `${m.kind} ${when} ${m.status}${m.primary ? ' primary' : ''}` }];
  if (m.date) out.push({ start: m.date.span.start, end: m.date.span.end, id: 'date', detail: `${when}${m.date.yearInferred ? ` (${yearEvidenceLabel(m.date, 'en')})` : ''}` });
  if (m.primary && m.organizer) out.push({ start: m.organizer.span.start, end: m.organizer.span.end, id: 'organizer', detail: m.organizer.name });
  if (m.primary && m.chair) out.push({ start: m.chair.span.start, end: m.chair.span.end, id: 'chair', detail: m.chair.name });
  return out;
}

/** Runs one fixture: every finding annotated, every annotation found, NFD and emoji variants equal, `.fixed.txt` reproduced. */
export function checkFixture(file: string, catalog: Catalog): void {
  const { text, expectations } = parseFixture(fs.readFileSync(file, 'utf8'));
  const options = withCompanions(file, text, fixtureOptions(catalog));
  const analysis = analyze(text, options);
  const kind = fixtureKind(file);
  const meetings = kind === 'meetings';
  const observed = observe(analysis, meetings, kind);
  const describe = (o: Observed): string => `${o.id} ${JSON.stringify(text.slice(o.start, o.end))} (${o.detail})`;
  const unmatched = [...observed];
  for (const e of expectations) {
    const i = unmatched.findIndex((o) => o.id === e.id && o.start === e.start && o.end === e.end && (!e.detail || o.detail.toLowerCase().includes(e.detail.toLowerCase())));
    assert.ok(i >= 0, `${file} (${e.where}): expected ${e.id}${e.detail ? `: ${e.detail}` : ''} on ${JSON.stringify(text.slice(e.start, e.end))}; got ${observed.map(describe).join('; ') || 'nothing'}`);
    unmatched.splice(i, 1);
  }
  assert.deepEqual(unmatched.map(describe), [], `${file}: findings without an annotation`);
  checkVariant(text, options, observed, (t) => t.normalize('NFD'), `${file} (NFD)`, kind);
  checkVariant(text, options, observed, (t) => addEmojiBefore(t, observed), `${file} (emoji)`, kind);
  const fixedFile = file.replace(/\.txt$/u, '.fixed.txt');
  if (fs.existsSync(fixedFile)) {
    const edits: Edit[] = analysis.findings.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? []);
    assert.equal(applyEdits(text, edits), fs.readFileSync(fixedFile, 'utf8'), `${fixedFile}: preferred fixes`);
  }
}

/** A variant of the text must give the same findings over the same (NFC-compared) text. */
function checkVariant(text: string, options: AnalysisOptions, expected: Observed[], transform: (t: string) => string, label: string, kind: FixtureKind): void {
  const variant = transform(text);
  const got = observe(analyze(variant, options), kind === 'meetings', kind);
  const key = (t: string) => (o: Observed): string => `${o.id}|${t.slice(o.start, o.end).normalize('NFC')}|${o.detail}`;
  assert.deepEqual(got.map(key(variant)).sort(), expected.map(key(text)).sort(), label);
  for (const o of got) assertWholeClusters(variant, o, label);
}

/** Inserts an emoji at the start of each line holding a mid-line finding, so its UTF-16 offsets shift by a surrogate pair. */
function addEmojiBefore(text: string, observed: readonly Observed[]): string {
  const lineStart = (at: number): number => text.lastIndexOf('\n', at - 1) + 1;
  const starts = [...new Set(observed.filter((o) => o.start > lineStart(o.start)).map((o) => lineStart(o.start)))].sort((a, b) => b - a);
  let out = text;
  for (const at of starts) out = `${out.slice(0, at)}😀 ${out.slice(at)}`;
  return out;
}

/** A span never splits a surrogate pair or separates a letter from its combining marks. */
export function assertWholeClusters(text: string, o: { start: number; end: number }, label: string): void {
  for (const at of [o.start, o.end]) {
    const c = text.charCodeAt(at);
    assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `${label}: span boundary ${at} splits a surrogate pair`);
    assert.ok(!/^\p{M}/u.test(text.slice(at, at + 1)), `${label}: span boundary ${at} separates a combining mark`);
  }
}
