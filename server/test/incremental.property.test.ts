import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, analyzeSteps, defaultAnalysisOptions, type Analysis, type AnalysisOptions } from '../src/core/analyze';
import { loadBuiltInCatalog } from './catalog-fixture';
import type { ArticleText } from '../src/core/text/article-text';
import { lineHashes, LineFrequencyIndex } from '../src/core/corpus/line-frequency';
import { documentLineHashes } from '../src/core/rules/boilerplate/site-chrome';

const SEEDS_DIR = path.join(__dirname, '..', '..', '..', 'seeds');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().slice(0, 12).map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
const LINES = SEEDS.flatMap((s) => s.split('\n')).filter((l) => l.length > 0);
const FRAGMENTS = ['\n', '\r\n', '\r', '\n\n', 'Lượt xem: 270\n', 'Tin liên quan\n', 'ư', ' ', '\u00a0', 'Ngày 17/12, Ban Tuyên giáo tổ chức hội nghị tổng kết năm 2020.', 'Nghị quyết Trung ương 4 (khóa XII)'.normalize('NFD'), '😀'];

/** An edit of the current text: replace `length` characters at a relative position with some text. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...LINES).map((l) => `${l}\n`), fc.string({ maxLength: 6 })),
});

/** A starting document: a few seeds one after another, with LF, CRLF or CR line breaks. */
const documents = fc.record({
  seeds: fc.array(fc.integer({ min: 0, max: SEEDS.length - 1 }), { minLength: 1, maxLength: 3 }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
}).map(({ seeds, eol }) => seeds.map((i) => SEEDS[i] ?? '').join('\n').replace(/\n/gu, eol));

function analyzeAfter(text: string, previous: ArticleText | Analysis, options: AnalysisOptions = defaultAnalysisOptions): Analysis {
  const steps = analyzeSteps(text, options, undefined, undefined, previous);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Everything an analysis reports, as plain data. */
function results(a: Analysis): unknown {
  return JSON.parse(JSON.stringify({ findings: a.findings, references: a.references, meetings: a.meetings, article: a.article, years: a.years }));
}

/** The document's lines as the rules see them: boundaries, texts and keys. */
function lines(doc: ArticleText): unknown[] {
  return Array.from({ length: doc.lineCount }, (_, i) => ({ ...doc.line(i), text: doc.lineText(i), key: doc.lineKey(i), blank: doc.isBlank(i) }));
}

function indexOf(files: ReadonlyMap<string, Uint32Array>): LineFrequencyIndex {
  const index = new LineFrequencyIndex();
  for (const [file, hashes] of files) index.setFile(file, hashes);
  return index;
}

const sorted = (hashes: Uint32Array): number[] => [...hashes].sort((a, b) => a - b);

/** Edits `start` in turn, analysing each version from the one before (its text only, or the whole analysis) and afresh. */
function checkEdits(start: string, edits: readonly { at: number; length: number; insert: string }[], options: AnalysisOptions, reuse: 'doc' | 'analysis'): void {
  let text = start;
  let previous = analyze(text, options);
  for (const e of edits) {
    const from = Math.floor(e.at * text.length);
    text = text.slice(0, from) + e.insert + text.slice(Math.min(text.length, from + e.length));
    const reused = analyzeAfter(text, reuse === 'doc' ? previous.doc : previous, options);
    const fresh = analyze(text, options);
    assert.deepEqual(lines(reused.doc), lines(fresh.doc), 'the same lines');
    assert.deepEqual(results(reused), results(fresh), 'the same findings, references, meetings and facts');
    assert.deepEqual(sorted(documentLineHashes(reused.doc)), sorted(lineHashes(text)), 'the same line hashes for the site lookup');
    previous = reused;
  }
}

const RUNS = Number(process.env.FC_RUNS ?? 60);
const SEED = Number(process.env.FC_SEED ?? 20261202);

test('an analysis that reuses the previous version of the document equals a fresh analysis of the same text', () => {
  fc.assert(
    fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => checkEdits(start, edits, defaultAnalysisOptions, 'doc')),
    { numRuns: RUNS, seed: SEED },
  );
});

test('an analysis that reuses the previous analysis, resolutions included, equals a fresh one with the built-in catalog', () => {
  const options: AnalysisOptions = { ...defaultAnalysisOptions, catalog: loadBuiltInCatalog().catalog };
  fc.assert(
    fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => checkEdits(start, edits, options, 'analysis')),
    { numRuns: RUNS, seed: SEED },
  );
});

test('an unchanged text, an emptied one and a text that only gained line breaks reuse the previous version correctly', () => {
  const text = SEEDS[0] ?? '';
  const first = analyze(text, defaultAnalysisOptions);
  for (const next of [text, '', '\r', `${text}\n`, `\n${text}`, text.replace(/\n/gu, '\r\n'), text.replace(/\r?\n/gu, '\r')]) {
    const reused = analyzeAfter(next, first.doc);
    const fresh = analyze(next, defaultAnalysisOptions);
    assert.deepEqual(lines(reused.doc), lines(fresh.doc));
    assert.deepEqual(results(reused), results(fresh));
  }
});

test('a mention keeps its resolution only while the words around it and what the article says of its number stay the same', () => {
  const options: AnalysisOptions = { ...defaultAnalysisOptions, catalog: loadBuiltInCatalog().catalog };
  const text = `${SEEDS.join('\n')}\nThực hiện Chỉ thị 05 của Bộ Chính trị, Nghị quyết 35 và Kết luận 01.\n`;
  const first = analyze(text, options);
  assert.ok(first.references.length > 0, 'the text has mentions to resolve');
  // Each edit lands next to a mention: a stated issue date after it, a written symbol of its number at the end.
  for (const { mention } of first.references.slice(-12)) {
    const number = mention.number ?? '05';
    for (const [at, insert] of [
      [mention.span.end, ' ban hành ngày 15/5/2016'], [mention.span.start, 'ngày 3/2/2019, '], [text.length, `\nChỉ thị số ${number}-CT/TW.\n`],
    ] as const) {
      const next = text.slice(0, at) + insert + text.slice(at);
      assert.deepEqual(results(analyzeAfter(next, first, options)), results(analyze(next, options)));
    }
  }
});

test('with a corpus index that changes between versions, and a document that moves, an analysis that reuses the previous one equals a fresh one', () => {
  let withRecurrence = 0;
  const change = fc.record({ edit, corpus: fc.constantFrom('add', 'remove', 'none'), lines: fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }), moved: fc.boolean() });
  fc.assert(
    fc.property(documents, fc.array(change, { minLength: 1, maxLength: 8 }), (start, changes) => {
      // Seed lines recur in several indexed files, so the recurring-line rule has findings to keep or change.
      const files = new Map<string, Uint32Array>();
      SEEDS.forEach((seed, i) => {
        files.set(`/corpus/seed-${i}.txt`, lineHashes(seed));
        files.set(`/corpus/copy-${i}.txt`, lineHashes(seed));
      });
      const index = indexOf(files);
      let added = 0;
      let options: AnalysisOptions = { ...defaultAnalysisOptions, recurrence: index, recurrenceThreshold: { minFiles: 2, minShare: 0 }, path: '/corpus/seed-0.txt' };
      let text = start;
      let previous = analyze(text, options);
      for (const c of changes) {
        if (c.corpus === 'add') {
          const file = `/corpus/added-${added++}.txt`;
          files.set(file, lineHashes(c.lines.join('\n')));
          index.setFile(file, files.get(file) ?? new Uint32Array());
        }
        if (c.corpus === 'remove') {
          files.delete(`/corpus/copy-${added % SEEDS.length}.txt`);
          index.removeFile(`/corpus/copy-${added % SEEDS.length}.txt`);
        }
        if (c.moved) options = { ...options, path: options.path === '/corpus/seed-0.txt' ? '/corpus/seed-1.txt' : '/corpus/seed-0.txt' };
        const from = Math.floor(c.edit.at * text.length);
        text = text.slice(0, from) + c.edit.insert + text.slice(Math.min(text.length, from + c.edit.length));
        const reused = analyzeAfter(text, previous, options);
        // The fresh analysis reads a fresh index of the same files, so nothing found under the old counts can leak in.
        assert.deepEqual(results(reused), results(analyze(text, { ...options, recurrence: indexOf(files) })));
        previous = reused;
      }
      if (previous.findings.some((f) => f.ruleId === 'boilerplate/recurring-line')) withRecurrence++;
    }),
    { numRuns: Math.ceil(RUNS / 2), seed: SEED },
  );
  assert.ok(withRecurrence > 0, 'some runs end with recurring lines');
});
