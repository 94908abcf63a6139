/**
 * Builds the benchmark corpus from the repository's seeds and the shared development corpus:
 * many slightly different copies of the real articles, spread over sub-folders of `<ws>/corpus/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every .txt article in the source folders, as { name, text, bytes }. */
export function readSources(folders) {
  const sources = [];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder).sort()) {
      if (!name.endsWith('.txt')) continue;
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      sources.push({ name: name.replace(/\.txt$/u, ''), text, bytes: Buffer.byteLength(text) });
    }
  }
  if (sources.length === 0) throw new Error(`no .txt sources in ${folders.join(', ')}`);
  return sources;
}

/**
 * Writes `count` files totalling about `targetBytes` under `<ws>/corpus/dNNN/`.
 * Each file is one source article, sometimes followed by a second one to reach the average size,
 * and always ends with a line naming its copy number, so no two files are identical.
 */
export function buildCorpus(ws, sources, count, targetBytes, perFolder = 100) {
  const root = path.join(ws, 'corpus');
  fs.mkdirSync(root, { recursive: true });
  let total = 0;
  for (let i = 0; i < count; i++) {
    const base = sources[i % sources.length];
    let text = base.text.endsWith('\n') ? base.text : `${base.text}\n`;
    // Append a second article while the running total is behind the target share.
    if (total < (targetBytes * i) / count) {
      const extra = sources[(i * 7 + 3) % sources.length];
      text += `\n${extra.text}${extra.text.endsWith('\n') ? '' : '\n'}`;
    }
    text += `Bản sao thứ ${i + 1} của bài ${base.name}, dùng để đo hiệu năng.\n`;
    const folder = path.join(root, `d${String(Math.floor(i / perFolder)).padStart(4, '0')}`);
    if (i % perFolder === 0) fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${base.name}_${String(i).padStart(6, '0')}.txt`);
    fs.writeFileSync(file, text);
    total += Buffer.byteLength(text);
  }
  return { root, files: count, bytes: total };
}

/** Concatenates source articles (blank line between) until the text reaches `bytes` UTF-8 bytes. */
export function concatenated(sources, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = sources[i % sources.length].text;
    parts.push(text.endsWith('\n') ? text : `${text}\n`);
    size += Buffer.byteLength(parts[parts.length - 1]) + 1;
  }
  return parts.join('\n');
}

/** The single source article whose size is closest to `bytes`. */
export function closestArticle(sources, bytes) {
  return [...sources].sort((a, b) => Math.abs(a.bytes - bytes) - Math.abs(b.bytes - bytes))[0];
}

/** The first lines of a source article, up to about `bytes` UTF-8 bytes (at least its first line). */
function opening(source, bytes) {
  const kept = [];
  let size = 0;
  for (const line of source.text.split('\n')) {
    if (kept.length > 0 && size + Buffer.byteLength(line) + 1 > bytes) break;
    kept.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${kept.join('\n')}\n`;
}

/** Lines up to this long are kept as they are, as a site's chrome would repeat; longer ones are made the file's own. */
const SHARED_LINE = 60;

/**
 * Writes `count` small articles under `<ws>/corpus/dNNNN/`, `perFolder` to a folder: the opening lines of a source
 * article, of different lengths, and a line naming the copy. Each long line carries the copy number, so, as in a
 * real scrape, article text is each file's own while the short lines (titles of sections, bylines) recur.
 */
export function buildSmallCorpus(ws, sources, count, perFolder = 1000) {
  const root = path.join(ws, 'corpus');
  let total = 0;
  for (let i = 0; i < count; i++) {
    const base = sources[i % sources.length];
    const body = opening(base, 300 + ((i * 37) % 500)).split('\n').map((line) => (line.length > SHARED_LINE ? `${line} (${i})` : line));
    const text = `${body.join('\n')}Bản sao thứ ${i + 1} của bài ${base.name}.\n`;
    const folder = path.join(root, `d${String(Math.floor(i / perFolder)).padStart(4, '0')}`);
    if (i % perFolder === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${base.name}_${String(i).padStart(7, '0')}.txt`), text);
    total += Buffer.byteLength(text);
  }
  return { root, files: count, bytes: total };
}

/**
 * Writes `count` articles under `<ws>/corpus/dNNNN/`, 100 to a folder, whose paragraphs no other file holds: each
 * keeps the short opening lines of a source article (title, date, section) and then has 6 to 15 paragraphs of 2 to
 * 5 sentences drawn at random (seeded) from all the sources' paragraphs. Real corpora are mostly such unseen
 * text, while `buildCorpus` repeats each source many times, which the per-line memos answer after the first.
 */
export function buildUnseenCorpus(ws, sources, count, random) {
  const root = path.join(ws, 'corpus');
  const sentences = [];
  for (const s of sources) {
    for (const line of s.text.split('\n')) {
      if (line.length <= SHARED_LINE) continue;
      for (const sentence of line.split(/(?<=[.!?])\s+/u)) if (sentence.length > 20) sentences.push(sentence);
    }
  }
  const pick = () => sentences[Math.floor(random() * sentences.length)];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const opening = sources[i % sources.length].text.split('\n').filter((line) => line.length > 0 && line.length <= SHARED_LINE).slice(0, 4);
    const paragraphs = Array.from({ length: 6 + Math.floor(random() * 10) }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, pick).join(' '));
    const text = `${[...opening, ...paragraphs].join('\n')}\n`;
    const folder = path.join(root, `d${String(Math.floor(i / 100)).padStart(4, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `unseen_${String(i).padStart(6, '0')}.txt`), text);
    total += Buffer.byteLength(text);
  }
  return { root, files: count, bytes: total };
}
