import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, defaultAnalysisOptions } from '../src/core/analyze';
import { Corpus, toUri, type OpenDocument } from '../src/node/corpus';

const CHROME = 'Cổng thông tin điện tử huyện';

function folder(count: number): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-corpus-'));
  const files = Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `a${i}.txt`);
    fs.writeFileSync(file, `Bài số ${i} về công tác tuyên giáo\n${CHROME}\nNội dung riêng của bài số ${i}, với nhiều chi tiết.\n`);
    return file;
  });
  return { dir, files };
}

function counting(): { corpus: Corpus; calls: () => number; open: Map<string, OpenDocument> } {
  let calls = 0;
  const open = new Map<string, OpenDocument>();
  const corpus = new Corpus({
    optionsFor: async () => {
      calls++;
      return defaultAnalysisOptions;
    },
    documents: { get: (uri) => open.get(uri), all: () => [...open.values()] },
  });
  return { corpus, calls: () => calls, open };
}

test('requests for the same version share one analysis run; a newer version overtakes an older one', async () => {
  const { corpus, calls } = counting();
  const v1: OpenDocument = { uri: 'file:///x.txt', version: 1, getText: () => 'Tiêu đề\nLượt xem: 270\n' };
  const [a, b, c] = await Promise.all([corpus.analysis(v1), corpus.analysis(v1), corpus.analysis(v1)]);
  assert.ok(a && a === b && b === c, 'one Analysis object for all three');
  assert.equal(calls(), 1, 'analysed once');
  assert.equal(await corpus.analysis(v1), a, 'then served from the cache');
  const old = corpus.analysis({ ...v1, version: 2 });
  const newer = corpus.analysis({ ...v1, version: 3, getText: () => 'Tiêu đề\n' });
  assert.equal(await old, undefined, 'version 2 was cancelled by version 3');
  assert.equal((await newer)?.findings.length, 0);
});

test('findings come first; the meetings are read from them only when the whole analysis is asked for', async () => {
  const { corpus, calls } = counting();
  const text = 'Hội nghị tổng kết công tác năm 2023\nSáng 5/1/2024, Ban Thường vụ Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2023.\nLượt xem: 270\n';
  const v1: OpenDocument = { uri: 'file:///m.txt', version: 1, getText: () => text };
  const found = await corpus.findingsOnce(v1);
  assert.ok(found && found.findings.length > 0);
  assert.equal(corpus.cachedFindings(v1), found);
  assert.equal(corpus.cached(v1), undefined, 'no meetings read yet');
  const whole = await corpus.analysis(v1);
  assert.ok(whole);
  assert.equal(whole.findings, found.findings, 'the whole analysis keeps the findings found first');
  assert.equal(calls(), 1, 'the findings were not found again');
  const fresh = analyze(text);
  assert.ok(fresh.meetings.length > 0);
  assert.deepEqual(JSON.parse(JSON.stringify({ meetings: whole.meetings, years: whole.years })), JSON.parse(JSON.stringify({ meetings: fresh.meetings, years: fresh.years })));
  assert.equal(await corpus.analysis(v1), whole, 'then served from the cache');

  const v2 = { ...v1, version: 2, getText: () => `${text}Thêm một dòng.\n` };
  assert.ok(await corpus.findingsOnce(v2));
  const v3 = { ...v1, version: 3, getText: () => text };
  const findingsOfV3 = corpus.findingsOnce(v3);
  assert.equal(await corpus.analysisOnce(v2), undefined, 'once a newer version is under way, an older one\'s meetings are not read');
  assert.ok(await findingsOfV3);
});

test('indexing counts recurrence over the files, and forgets analyses made before it', async () => {
  const { files } = folder(4);
  const { corpus, open } = counting();
  const doc: OpenDocument = { uri: toUri(files[0] ?? ''), version: 1, getText: () => fs.readFileSync(files[0] ?? '', 'utf8') };
  open.set(doc.uri, doc);
  const before = await corpus.analysis(doc);
  assert.equal(before?.findings.filter((f) => f.ruleId === 'boilerplate/recurring-line').length, 0);
  assert.equal(await corpus.indexFiles(files), true);
  assert.equal(corpus.recurrence?.filesWith(CHROME.toLowerCase()), 4);
  const after = await corpus.analysis(doc);
  assert.notEqual(after, before);
  assert.match(after?.findings.find((f) => f.ruleId === 'boilerplate/recurring-line')?.message ?? '', /Appears in 4 files/u);
});

test('open documents come first with their editor text, closed files from disk, unreadable ones with a reason', async () => {
  const { files } = folder(3);
  fs.writeFileSync(files[2] ?? '', Buffer.from([0x41, 0x00, 0x42]));
  const { corpus, open } = counting();
  await corpus.indexFiles(files);
  const edited: OpenDocument = { uri: toUri(files[1] ?? ''), version: 7, getText: () => 'Tiêu đề đã sửa\nLượt xem: 3\n' };
  open.set(edited.uri, edited);
  const seen: string[] = [];
  for await (const entry of corpus.openAndIndexed()) {
    seen.push('analysis' in entry ? `${path.basename(entry.file)} v${entry.version ?? 'disk'} ${entry.analysis.doc.lineText(0)}` : `${path.basename(entry.file)}: ${'problem' in entry ? entry.problem : 'reused'}`);
  }
  assert.deepEqual(seen, ['a1.txt v7 Tiêu đề đã sửa', 'a0.txt vdisk Bài số 0 về công tác tuyên giáo', 'a2.txt: binary file (contains NUL bytes)']);
});

test('changes on disk update the index: an edited file is re-read, a file out of scope is dropped', async () => {
  const { files } = folder(4);
  const { corpus } = counting();
  await corpus.indexFiles(files);
  fs.writeFileSync(files[0] ?? '', 'Bài đã sửa\n');
  assert.equal(corpus.updateIndexedFiles([files[0] ?? ''], () => true), true);
  assert.equal(corpus.recurrence?.filesWith(CHROME.toLowerCase()), 3);
  assert.equal(corpus.updateIndexedFiles([files[1] ?? ''], () => false), true);
  assert.equal(corpus.recurrence?.filesWith(CHROME.toLowerCase()), 2);
  assert.equal(corpus.indexedFiles.length, 3);
  assert.equal(corpus.updateIndexedFiles([path.join(path.dirname(files[0] ?? ''), 'elsewhere.txt')], () => false), false, 'nothing to do');
});

test('a closed file is analysed once until it, the settings or the index change', async () => {
  const { files } = folder(3);
  const corpus = new Corpus({ optionsFor: () => defaultAnalysisOptions, keepAnalyses: 2 });
  await corpus.indexFiles(files);
  const first = await corpus.analyzeFile(files[0] ?? '');
  assert.ok('analysis' in first);
  const again = await corpus.analyzeFile(files[0] ?? '');
  assert.ok('analysis' in again && again.analysis === first.analysis, 'kept');
  fs.writeFileSync(files[0] ?? '', 'Bài đã sửa, dài hơn trước\n');
  const edited = await corpus.analyzeFile(files[0] ?? '');
  assert.ok('analysis' in edited && edited.analysis !== first.analysis && edited.analysis.doc.lineText(0) === 'Bài đã sửa, dài hơn trước');
  corpus.invalidateAll();
  const fresh = await corpus.analyzeFile(files[0] ?? '');
  assert.ok('analysis' in fresh && fresh.analysis !== edited.analysis, 'settings changed');
  await corpus.analyzeFile(files[1] ?? '');
  await corpus.analyzeFile(files[2] ?? '');
  const evicted = await corpus.analyzeFile(files[0] ?? '');
  assert.ok('analysis' in evicted && evicted.analysis !== fresh.analysis, 'only the two most recent are kept');
});

test('a date without a year takes the year its neighbours state, the same whichever order the files are analysed in', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-neighbours-'));
  const dated = (i: number): string => `Bài ${i}\n\nNgày ${i + 1}/3/2017, Ban Tuyên giáo Tỉnh ủy Sóc Trăng tổ chức Hội nghị sơ kết công tác quý ${i}.\n`;
  const texts = [dated(1), dated(2), 'Bài 3\n\nNgày 17/3, Ban Tuyên giáo Tỉnh ủy Sóc Trăng tổ chức Hội nghị giao ban báo chí.\n', dated(4), 'Bài 5\n\nNgày 20/3, Hội Nông dân tỉnh tổ chức Hội nghị tập huấn.\n'];
  const files = texts.map((text, i) => {
    const file = path.join(dir, `bai_${i + 1}.txt`);
    fs.writeFileSync(file, text);
    return file;
  });
  const dates = async (corpus: Corpus, file: string): Promise<unknown> => {
    const r = await corpus.analyzeFile(file);
    return 'analysis' in r ? r.analysis.meetings.map((m) => [m.date?.iso, m.date?.evidence?.kind, m.date?.evidence?.text]) : r.problem;
  };
  const inOrder = new Corpus({ optionsFor: () => defaultAnalysisOptions });
  const walked = [];
  for (const file of files) walked.push(await dates(inOrder, file));
  // bai_3's year is itself a neighbours' guess: it does not vouch for bai_5.
  assert.deepEqual(walked[2], [['2017-03-17', 'neighbours', 'bai_2.txt, bai_1.txt, bai_4.txt']]);
  assert.deepEqual(walked[4], [['2017-03-20', 'neighbours', 'bai_4.txt, bai_2.txt, bai_1.txt']]);
  for (const [i, file] of [...files.entries()].reverse()) {
    assert.deepEqual(await dates(new Corpus({ optionsFor: () => defaultAnalysisOptions }), file), walked[i], `${path.basename(file)} alone`);
  }
});

test('a closed file\'s findings part equals the findings, facts and references of its whole analysis, and reads no neighbour', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-findings-'));
  const texts = ['Bài 1\n\nNgày 2/3/2017, Ban Tuyên giáo Tỉnh ủy Sóc Trăng tổ chức Hội nghị theo Chỉ thị 05-CT/TW.\nLượt xem: 12\n', 'Bài 2\n\nNgày 17/3, Hội Nông dân tỉnh tổ chức Hội nghị tập huấn Nghị quyết số 35-NQ/TW.\nBình luận\n'];
  const files = texts.map((text, i) => {
    const file = path.join(dir, `bai_${i + 1}.txt`);
    fs.writeFileSync(file, text);
    return file;
  });
  const whole = new Corpus({ optionsFor: () => defaultAnalysisOptions });
  const part = new Corpus({ optionsFor: () => defaultAnalysisOptions });
  await whole.indexFiles(files);
  await part.indexFiles(files);
  const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
  for (const file of [...files].reverse()) {
    const a = await whole.analyzeFile(file);
    const b = await part.findFile(file);
    assert.ok('analysis' in a && 'analysis' in b);
    assert.ok(a.analysis.findings.length > 0 && a.analysis.references.length > 0);
    assert.deepEqual(plain({ findings: b.analysis.findings, article: b.analysis.article, references: b.analysis.references }), plain({ findings: a.analysis.findings, article: a.analysis.article, references: a.analysis.references }));
    assert.equal('meetings' in b.analysis, false, 'no meetings read');
  }
});

test('a neighbour that changes on disk gives its new year in the editor, and its first year in a run over fixed files', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-neighbours-fixed-'));
  const dated = (i: number, year: number): string => `Bài ${i}\n\nNgày ${i + 1}/3/${year}, Ban Tuyên giáo Tỉnh ủy Sóc Trăng tổ chức Hội nghị sơ kết công tác quý ${i}.\n`;
  const undated = 'Bài 2\n\nNgày 17/3, Ban Tuyên giáo Tỉnh ủy Sóc Trăng tổ chức Hội nghị giao ban báo chí.\n';
  const files = [dated(1, 2017), undated, dated(3, 2017)].map((text, i) => {
    const file = path.join(dir, `bai_${i + 1}.txt`);
    fs.writeFileSync(file, text);
    return file;
  });
  const dateOf = async (corpus: Corpus): Promise<string | undefined> => {
    const r = await corpus.analyzeFile(files[1] ?? '');
    return 'analysis' in r ? r.analysis.meetings[0]?.date?.iso : r.problem;
  };
  const editor = new Corpus({ optionsFor: () => defaultAnalysisOptions });
  const run = new Corpus({ optionsFor: () => defaultAnalysisOptions, filesFixed: true });
  assert.equal(await dateOf(editor), '2017-03-17');
  assert.equal(await dateOf(run), '2017-03-17');
  // Both neighbours move to 2018, with a new size so the change shows in their stamps.
  fs.writeFileSync(files[0] ?? '', `${dated(1, 2018)}\n`);
  fs.writeFileSync(files[2] ?? '', `${dated(3, 2018)}\n`);
  fs.writeFileSync(files[1] ?? '', `${undated}\n`);
  assert.equal(await dateOf(editor), '2018-03-17');
  assert.equal(await dateOf(run), '2017-03-17');
});
