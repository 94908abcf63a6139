import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyze, defaultAnalysisOptions, type Analysis, type AnalysisOptions } from '../src/core/analyze';
import { Catalog } from '../src/core/references/catalog';
import { applyEdits } from '../src/core/text/line-edits';
import type { Edit } from '../src/core/types';

/** One expectation: a caret range on a line of the stripped text, a rule id (or `reference`) and a detail. */
interface Expectation {
  readonly line: number;
  /** Code-point columns on that line. */
  readonly from: number;
  readonly to: number;
  readonly id: string;
  readonly detail: string | undefined;
}

/** An observed item, in the same terms as an expectation. */
interface Observed {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly detail: string;
}

const ANNOTATION = /^(\s*)(\^+)\s+([a-z]+(?:\/[a-z0-9-]+)?)(?::\s*(.*))?$/u;

/** Splits a fixture into the text to analyse and its caret expectations. */
export function parseFixture(source: string): { text: string; expectations: Expectation[] } {
  const kept: string[] = [];
  const expectations: Expectation[] = [];
  for (const raw of source.split('\n')) {
    const m = ANNOTATION.exec(raw);
    if (m && kept.length > 0) {
      const from = [...(m[1] ?? '')].length;
      expectations.push({ line: kept.length - 1, from, to: from + (m[2] ?? '').length, id: m[3] ?? '', detail: m[4]?.trim() });
    } else kept.push(raw);
  }
  return { text: kept.join('\n'), expectations };
}

/** The options fixtures run with: English messages and the built-in catalogs. */
export function fixtureOptions(catalog: Catalog): AnalysisOptions {
  return { ...defaultAnalysisOptions, catalog };
}

/** Findings and references of an analysis as observed items (spans in UTF-16 offsets). */
function observe(analysis: Analysis): Observed[] {
  return [
    ...analysis.findings.map((f) => ({ start: f.span.start, end: f.span.end, id: f.ruleId, detail: f.message })),
    ...analysis.references.map((r) => ({
      start: r.mention.span.start, end: r.mention.span.end, id: 'reference',
      detail: r.resolution.status === 'resolved' ? r.resolution.id : r.resolution.status,
    })),
  ];
}

/** Offsets of an expectation in the text, converting code-point columns to UTF-16. */
function toOffsets(text: string, e: Expectation): { start: number; end: number } {
  const lines = text.split('\n');
  const lineStart = lines.slice(0, e.line).reduce((n, l) => n + l.length + 1, 0);
  const line = lines[e.line] ?? '';
  const units = (cp: number): number => [...line].slice(0, cp).join('').length;
  return { start: lineStart + units(e.from), end: lineStart + units(e.to) };
}

/** Runs one fixture: every finding annotated, every annotation found, NFD and emoji variants equal, `.fixed.txt` reproduced. */
export function checkFixture(file: string, catalog: Catalog): void {
  const { text, expectations } = parseFixture(fs.readFileSync(file, 'utf8'));
  const options = fixtureOptions(catalog);
  const analysis = analyze(text, options);
  const observed = observe(analysis);
  const describe = (o: Observed): string => `${o.id} ${JSON.stringify(text.slice(o.start, o.end))} (${o.detail})`;
  const unmatched = [...observed];
  for (const e of expectations) {
    const { start, end } = toOffsets(text, e);
    const i = unmatched.findIndex((o) => o.id === e.id && o.start === start && o.end === end && (!e.detail || o.detail.toLowerCase().includes(e.detail.toLowerCase())));
    assert.ok(i >= 0, `${file}:${e.line + 1}: expected ${e.id}${e.detail ? `: ${e.detail}` : ''} on ${JSON.stringify(text.slice(start, end))}; got ${observed.map(describe).join('; ') || 'nothing'}`);
    unmatched.splice(i, 1);
  }
  assert.deepEqual(unmatched.map(describe), [], `${file}: findings without an annotation`);
  checkVariant(text, options, observed, (t) => t.normalize('NFD'), `${file} (NFD)`);
  checkVariant(text, options, observed, addEmojiLines, `${file} (emoji)`);
  const fixedFile = file.replace(/\.txt$/u, '.fixed.txt');
  if (fs.existsSync(fixedFile)) {
    const edits: Edit[] = analysis.findings.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? []);
    assert.equal(applyEdits(text, edits), fs.readFileSync(fixedFile, 'utf8'), `${fixedFile}: preferred fixes`);
  }
}

/** A variant of the text must give the same findings over the same (NFC-compared) text. */
function checkVariant(text: string, options: AnalysisOptions, expected: Observed[], transform: (t: string) => string, label: string): void {
  const variant = transform(text);
  const got = observe(analyze(variant, options));
  const key = (t: string) => (o: Observed): string => `${o.id}|${t.slice(o.start, o.end).normalize('NFC')}|${o.detail}`;
  assert.deepEqual(got.map(key(variant)).sort(), expected.map(key(text)).sort(), label);
  for (const o of got) assertWholeClusters(variant, o, label);
}

/** Inserts an emoji line above every line, so UTF-16 offsets shift by surrogate pairs. */
function addEmojiLines(text: string): string {
  return text.split('\n').map((l) => `😀🇻🇳\n${l}`).join('\n');
}

/** A span never splits a surrogate pair or separates a letter from its combining marks. */
export function assertWholeClusters(text: string, o: { start: number; end: number }, label: string): void {
  for (const at of [o.start, o.end]) {
    const c = text.charCodeAt(at);
    assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `${label}: span boundary ${at} splits a surrogate pair`);
    assert.ok(!/^\p{M}/u.test(text.slice(at, at + 1)), `${label}: span boundary ${at} separates a combining mark`);
  }
}
