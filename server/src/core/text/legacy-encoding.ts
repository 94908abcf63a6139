/**
 * Exact conversion of the legacy Vietnamese font encodings TCVN3 (ABC) and VNI, as they appear once their bytes were
 * read as Windows-1252/Latin-1 (each byte became the Latin-1 character of the same number). The tables are data
 * (`server/data/legacy-encodings.json`); a conversion is offered only when every character maps, the result maps back
 * to the same text, and it reads as Vietnamese syllables while the other encoding's reading does not. Anything else
 * is reported with the reason and the line, never guessed.
 */
import data from '../../../data/legacy-encodings.json';

/** The legacy encodings that convert. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** Why a text was not converted. */
export type LegacyProblem =
  | { readonly reason: 'unmapped'; readonly line: number; readonly char: string }
  | { readonly reason: 'mixed'; readonly line: number; readonly char: string }
  | { readonly reason: 'no-round-trip'; readonly line: number }
  | { readonly reason: 'not-vietnamese'; readonly share: number }
  | { readonly reason: 'undecidable' };

/** A conversion, or why there is none. */
export type LegacyConversion = { readonly text: string } | { readonly problem: LegacyProblem };

const TONE_MARKS: Readonly<Record<string, string>> = { none: '', grave: '\u0300', hook: '\u0309', tilde: '\u0303', acute: '\u0301', dot: '\u0323' };
const TONES = data.tones;
const withTone = (base: string, tone: string): string => (base + (TONE_MARKS[tone] ?? '')).normalize('NFC');

interface Table {
  /** Unicode letter → legacy spelling. */
  readonly encode: ReadonlyMap<string, string>;
  /** Legacy spelling (one or two characters) → Unicode letter. */
  readonly decode: ReadonlyMap<string, string>;
}

function toTable(pairs: readonly (readonly [string, string])[]): Table {
  const encode = new Map<string, string>();
  const decode = new Map<string, string>();
  for (const [letter, legacy] of pairs) {
    encode.set(letter, legacy);
    decode.set(legacy, letter);
  }
  return { encode, decode };
}

function tcvn3Pairs(): [string, string][] {
  const pairs: [string, string][] = Object.entries(data.tcvn3.letters);
  for (const [base, row] of Object.entries(data.tcvn3.rows)) {
    [...row].forEach((legacy, i) => {
      // Identical pairs (a → a, ý → ý) stay: they tell the decoder the character belongs to the encoding.
      pairs.push([withTone(base, TONES[i] ?? 'none'), legacy]);
    });
  }
  return pairs;
}

function vniPairs(): [string, string][] {
  const v = data.vni;
  const pairs: [string, string][] = Object.entries(v.single);
  const pick = (marks: string, upper: boolean): string => marks[upper ? 1 : 0] ?? '';
  for (const upper of [false, true]) {
    const c = (s: string): string => (upper ? s.toUpperCase() : s);
    for (const tone of TONES) {
      const mark = tone === 'none' ? '' : pick(v.toneMarks[tone as keyof typeof v.toneMarks], upper);
      // Plain vowels; i takes single characters for its tones and y one for the dot below.
      for (const base of ['a', 'e', 'o', 'u', 'y']) {
        if (!(base === 'y' && tone === 'dot')) pairs.push([withTone(c(base), tone), c(base) + mark]);
      }
      if (tone === 'none') pairs.push([c('i'), c('i')]);
      for (const base of ['a', 'e', 'o']) pairs.push([withTone(c(base === 'a' ? 'â' : base === 'e' ? 'ê' : 'ô'), tone), c(base) + pick(v.circumflex[tone as keyof typeof v.circumflex], upper)]);
      pairs.push([withTone(c('ă'), tone), c('a') + pick(v.breve[tone as keyof typeof v.breve], upper)]);
      if (tone !== 'none') for (const horn of ['ơ', 'ư']) pairs.push([withTone(c(horn), tone), (v.single[c(horn) as keyof typeof v.single] ?? '') + mark]);
    }
  }
  return pairs;
}

/** The conversion tables, built once from the data. */
export const LEGACY_TABLES: Readonly<Record<LegacyEncoding, Table>> = { tcvn3: toTable(tcvn3Pairs()), vni: toTable(vniPairs()) };

// Windows-1252 punctuation that legacy documents typed with the system font; VN3 and VNI leave these bytes alone.
const PASS_THROUGH = /[\u0000-\u007f\u00a0‘’“”–—…•€]/u;
const UNICODE_VIETNAMESE = /[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]/u;

const lineOf = (text: string, offset: number): number => {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** Maps legacy text to Unicode (NFC), character by character, or says which character does not map. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): LegacyConversion {
  const { decode } = LEGACY_TABLES[encoding];
  const source = text.normalize('NFC');
  let out = '';
  for (let i = 0; i < source.length;) {
    const two = source.slice(i, i + 2);
    const one = source[i] ?? '';
    const hit = (two.length === 2 ? decode.get(two) : undefined) ?? decode.get(one);
    if (hit !== undefined && decode.has(two)) {
      out += hit;
      i += 2;
    } else if (hit !== undefined) {
      out += hit;
      i += 1;
    } else if (PASS_THROUGH.test(one)) {
      out += one;
      i += 1;
    } else {
      const char = String.fromCodePoint(source.codePointAt(i) ?? 0);
      return { problem: { reason: UNICODE_VIETNAMESE.test(char) ? 'mixed' : 'unmapped', line: lineOf(source, i), char } };
    }
  }
  const back = encodeLegacy(out, encoding);
  if (back !== source) {
    let at = 0;
    while (back !== undefined && at < source.length && back[at] === source[at]) at++;
    return { problem: { reason: 'no-round-trip', line: lineOf(source, at) } };
  }
  return { text: out };
}

/** Writes Unicode text in a legacy encoding; undefined when a character has no legacy spelling. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string | undefined {
  const { encode } = LEGACY_TABLES[encoding];
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const legacy = encode.get(ch);
    if (legacy !== undefined) out += legacy;
    else if (PASS_THROUGH.test(ch)) out += ch;
    else return undefined;
  }
  return out;
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS = '(?:uyê|uya|uyu|uây|uôi|ươi|ươu|iêu|yêu|oai|oay|oeo|uê|uơ|uy|ua|uâ|uô|ưa|ươ|ưu|ưi|iê|yê|ia|iu|oa|oă|oe|oo|ôô|ai|ao|au|ay|âu|ây|eo|êu|oi|ôi|ơi|ui|a|ă|â|e|ê|i|y|o|ô|ơ|u|ư)';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}(?:ng|nh|ch|c|m|n|p|t)?$`, 'u');
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Share of the words with a Vietnamese letter that are well-formed Vietnamese syllables (one tone at most). */
export function syllableShare(text: string): { readonly valid: number; readonly total: number } {
  let valid = 0;
  let total = 0;
  for (const word of text.toLocaleLowerCase('vi').match(/\p{L}+/gu) ?? []) {
    if (/^[a-z]+$/u.test(word)) continue;
    total++;
    const nfd = word.normalize('NFD');
    const tones = nfd.match(TONE)?.length ?? 0;
    // Strip tones but keep the letter marks (ă â ê ô ơ ư) by recomposing what is left.
    if (tones <= 1 && SYLLABLE.test(nfd.replace(TONE, '').normalize('NFC'))) valid++;
  }
  return { valid, total };
}

/** Enough Vietnamese words, and nearly all of them well formed. */
const readsAsVietnamese = (s: { valid: number; total: number }): boolean => s.total >= 3 && s.valid / s.total >= 0.9;

/**
 * Converts text in `encoding` to Unicode NFC when that is exact and unambiguous: every character maps, the result
 * maps back to the same text, it reads as Vietnamese, and the other legacy encoding's reading does not.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): LegacyConversion {
  const decoded = decodeLegacy(text, encoding);
  if ('problem' in decoded) return decoded;
  const share = syllableShare(decoded.text);
  if (!readsAsVietnamese(share)) return { problem: { reason: 'not-vietnamese', share: share.total === 0 ? 0 : share.valid / share.total } };
  const other = decodeLegacy(text, encoding === 'tcvn3' ? 'vni' : 'tcvn3');
  if ('text' in other && readsAsVietnamese(syllableShare(other.text))) return { problem: { reason: 'undecidable' } };
  return decoded;
}
