/**
 * Flags text in a broken encoding, common in Vietnamese corpora: UTF-8 read as Windows-1252 and saved again
 * ("TuyÃªn giÃ¡o" for "Tuyên giáo"), Windows-1258 read the same way, and the legacy TCVN3 (ABC) and VNI encodings.
 * Where the text can be recovered exactly (Windows bytes decoded again; TCVN3 and VNI through the tables of
 * `text/legacy-encoding`), the fix converts the whole file to NFC; text that does not convert exactly is reported with why.
 */
import { label, msg, type EncodingOutcome } from '../messages';
import type { LocalizedText } from '../../types';
import { convertLegacy, type LegacyEncoding } from '../../text/legacy-encoding';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import type { ArticleText } from '../../text/article-text';
import { LineMemo } from '../../text/memo';

const CP1252_SPECIALS: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b,
  'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

interface Detector {
  readonly name: LocalizedText;
  readonly pattern: RegExp;
  /** The source encoding to decode the recovered Windows-1252 bytes with, when conversion is exact. */
  readonly decodeAs?: string;
  /** The legacy font encoding to convert from with the tables of `text/legacy-encoding`. */
  readonly legacy?: LegacyEncoding;
}

const DETECTORS: readonly Detector[] = [
  { name: { en: 'UTF-8 read as Windows-1252 (mojibake)', vi: 'UTF-8 bị đọc nhầm thành Windows-1252 (lỗi phông)' }, pattern: /Ã[\u0080-\u00bf]|Ä[‘’\u0090-\u0091]|á[º»]|Æ[°¡]|Ä‘/gu, decodeAs: 'utf-8' },
  { name: { en: 'Windows-1258 read as Windows-1252', vi: 'Windows-1258 bị đọc nhầm thành Windows-1252' }, pattern: /[aeiouyâêôơưăAEIOUYÂÊÔƠƯĂõýÕÝ][ÌìÒÞò](?=\p{L}|\s|$)/gu, decodeAs: 'windows-1258' },
  { name: { en: 'legacy TCVN3 (ABC) encoding', vi: 'bảng mã cũ TCVN3 (ABC)' }, pattern: /\p{L}[µ¸¶·¹¨©ª«¬®¦§]\p{L}|[µ¸¶·¹ª«¬®]\s/gu, legacy: 'tcvn3' },
  { name: { en: 'legacy VNI encoding', vi: 'bảng mã cũ VNI' }, pattern: /[aeiouyAEIOUY][øûïñöë]|[aeioyAEIOY]ù|[aeiuyAEIUY]õ/gu, legacy: 'vni' },
];

const SAMPLE = 20_000;
// Characters outside Vietnamese (and its common punctuation) that each broken encoding produces.
// (A Windows-1258 tone mark read as Windows-1252 is a letter Vietnamese has, but never right after a vowel. The
// curly quotes ‘ ’ that mojibake puts after "Ä" are common punctuation: the "Ä" before them is what tells.)
const FOREIGN = /[\u0080-\u009f¡¦§¨©ª«¬®°µ¶·¸¹º»ÄÆÞëïñöøû]/u;
const TONE_AFTER_VOWEL = /[aeiouyâêôơưăAEIOUY][ÌìÒò]/u;

/** Text whose characters show it was decoded with the wrong encoding. */
export const encodingRule: Rule = {
  id: 'text/encoding',
  description: { en: 'Text in a broken or legacy encoding (mojibake, TCVN3, VNI, Windows-1258).', vi: 'Văn bản sai bảng mã (lỗi phông, TCVN3, VNI, Windows-1258).' },
  tier: 'probable',
  defaultSeverity: 'warning',
  messages: ['encoding'],
  check(ctx: RuleContext): RuleFinding[] {
    // Every detector needs a character that Vietnamese text never holds; most files have none and stop here.
    // (An NFD copy of mojibake spells "Ã" as "A" + a combining tilde, so a combining mark also calls for a closer look.)
    const look = sampleLook(ctx.doc);
    if (look === 'clean' || (look === 'combining' && !isSuspicious(ctx.doc.text.slice(0, SAMPLE).normalize('NFC')))) return [];
    const sampled = sampleHits(ctx.doc);
    let letters: number | undefined;
    for (const [i, detector] of DETECTORS.entries()) {
      const hits = sampled[i] ?? 0;
      if (hits < 3) continue;
      letters ??= sampleLetters(ctx.doc);
      if (letters < 20) return [];
      // Real Vietnamese has one accented letter in every few; a handful of hits in a long text is noise.
      if (hits / letters < 0.01) continue;
      const legacy = detector.legacy ? convertLegacy(ctx.doc.text, detector.legacy) : undefined;
      const converted = detector.decodeAs ? convertCp1252Bytes(ctx.doc.text.normalize('NFC'), detector.decodeAs) : legacy && 'text' in legacy ? legacy.text : undefined;
      const outcome: EncodingOutcome = converted ? { kind: 'converted' } : legacy && 'problem' in legacy ? { kind: 'not-converted', problem: legacy.problem } : { kind: 'reopen' };
      const message = msg('encoding', { encoding: detector.name, outcome });
      const first = ctx.doc.line(0);
      const title = label(detector.legacy ? 'convert-legacy' : 'convert-utf8', ctx.locale);
      return [{
        ruleId: this.id, span: { start: first.start, end: first.end }, message, tier: 'probable',
        fixes: converted ? [{ title, edits: [{ span: { start: 0, end: ctx.doc.text.length }, newText: converted }], preferred: true }] : [],
      }];
    }
    return [];
  },
};

function isSuspicious(text: string): boolean {
  return FOREIGN.test(text) || TONE_AFTER_VOWEL.test(text);
}

const FOREIGN_CODE = 1;
const TONE_CODE = 2;
const COMBINING_CODE = 3;
/** What each code unit below U+2020 can tell `firstLook`: a foreign character, a tone mark, a combining mark. */
const CODE_KINDS = codeKinds();
const VOWEL_CODES = new Set([...'aeiouyâêôơưăAEIOUY'].map((c) => c.charCodeAt(0)));

function codeKinds(): Uint8Array {
  const kinds = new Uint8Array(0x2020);
  for (let c = 0x80; c <= 0x9f; c++) kinds[c] = FOREIGN_CODE;
  for (const c of '¡¦§¨©ª«¬®°µ¶·¸¹º»ÄÆÞëïñöøû') kinds[c.charCodeAt(0)] = FOREIGN_CODE;
  for (const c of 'ÌìÒò') kinds[c.charCodeAt(0)] = TONE_CODE;
  for (let c = 0x300; c <= 0x36f; c++) kinds[c] = COMBINING_CODE;
  return kinds;
}

type Look = 'suspicious' | 'combining' | 'clean';

/**
 * `isSuspicious` of the text in one pass over its code units, which also notes a combining mark (the text may be
 * NFD and call for a look at its NFC form): 'suspicious', 'combining' or 'clean'.
 */
function firstLook(text: string): Look {
  let combining = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c >= CODE_KINDS.length) continue;
    const kind = CODE_KINDS[c];
    if (kind === FOREIGN_CODE || (kind === TONE_CODE && i > 0 && VOWEL_CODES.has(text.charCodeAt(i - 1)))) return 'suspicious';
    if (kind === COMBINING_CODE) combining = true;
  }
  return combining ? 'combining' : 'clean';
}

/** A line's first look: no tone mark follows a line break, so a text's is its lines' put together. */
const looksByLine = new LineMemo(firstLook);

/** `firstLook` of the document's first `SAMPLE` code units, line by line (each line's kept for the next version). */
function sampleLook(doc: ArticleText): Look {
  let look: Look = 'clean';
  sampleCount(doc, looksByLine, looksByLine, (line) => {
    if (line === 'suspicious' || (line === 'combining' && look === 'clean')) look = line;
  });
  return look;
}

/** What a piece of text adds to the decision, on its NFC form: an NFD copy of mojibake is the same mojibake. */
function hitsOf(text: string): readonly number[] {
  const nfc = text.normalize('NFC');
  return DETECTORS.map((d) => countMatches(d.pattern, nfc));
}
const lettersOf = (text: string): number => countMatches(/\p{L}/gu, text.normalize('NFC'));

/**
 * Per line followed by its break: no pattern spans two lines, and a break is one whitespace character to the
 * patterns whichever it is, so a document's counts are the sum of its lines'.
 */
const hitsByLine = new LineMemo((line: string) => hitsOf(`${line}\n`));
/** The last line of a text, and a line the sample cuts, end where they are cut. */
const hitsAtEnd = new LineMemo(hitsOf);
const lettersByLine = new LineMemo(lettersOf);

/**
 * A count over the document's first `SAMPLE` code units, added up line by line (each line's kept for the next
 * version); the last line of the text and a line the sample cuts are counted as they end there.
 */
function sampleCount<T>(doc: ArticleText, byLine: LineMemo<T>, atEnd: LineMemo<T>, add: (value: T) => void): void {
  for (let line = 0; line < doc.lineCount; line++) {
    const info = doc.line(line);
    if (info.start >= SAMPLE) break;
    if (info.end < SAMPLE && info.end < doc.text.length) add(doc.lineValue(byLine, line));
    else if (info.end <= SAMPLE) add(doc.lineValue(atEnd, line));
    else add(atEnd.get(doc.text.slice(info.start, SAMPLE)));
  }
}

function sampleHits(doc: ArticleText): number[] {
  const hits = DETECTORS.map(() => 0);
  sampleCount(doc, hitsByLine, hitsAtEnd, (line) => line.forEach((n, i) => { hits[i] = (hits[i] ?? 0) + n; }));
  return hits;
}

function sampleLetters(doc: ArticleText): number {
  let letters = 0;
  sampleCount(doc, lettersByLine, lettersByLine, (n) => { letters += n; });
  return letters;
}

/** How many times a global pattern matches, without keeping the matches. */
function countMatches(pattern: RegExp, text: string): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/**
 * Maps each character back to its Windows-1252 byte and decodes the bytes with the real encoding.
 * Returns undefined unless every character maps and the bytes decode without error: only exact conversions are offered.
 */
export function convertCp1252Bytes(text: string, decodeAs: string): string | undefined {
  const bytes = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252_SPECIALS[ch] ?? (code >= 0x80 && code <= 0x9f ? code : -1);
    if (byte < 0) return undefined;
    bytes[n++] = byte;
  }
  try {
    const decoded = new TextDecoder(decodeAs, { fatal: true }).decode(bytes.subarray(0, n));
    return decoded.includes('\ufffd') ? undefined : decoded.normalize('NFC');
  } catch {
    return undefined;
  }
}
