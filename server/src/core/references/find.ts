import { provinceAlternation, toProvinceName } from '../text/provinces';
import type { ArticleText } from '../text/article-text';
import { LineMemo, PlacedSlot } from '../text/memo';
import { matchesNotAfter, WORD_CHARACTER_BEFORE } from '../text/match-after';
import { NormalizedText } from '../text/normalized-text';
import { toOrdinal, toRoman } from '../text/roman';
import { shiftSpan, type CancellationCheck, type Span } from '../types';
import type { EntryKind } from './catalog';
import { findDocuments } from './find-documents';
import type { SymbolInfo } from './symbol';

/** What a mention names. */
export type MentionType = 'document' | 'plenum-resolution' | 'congress' | 'congress-resolution' | 'organization' | 'program' | 'award';

/** A reference found in the text, before resolution. */
export interface Mention {
  readonly type: MentionType;
  readonly span: Span;
  readonly text: string;
  readonly kind?: EntryKind;
  /** The number as written (`35`, `05`, `15/2020`). */
  readonly number?: string;
  /** The full symbol when written (`35-NQ/TW`), upper case. */
  readonly symbol?: string;
  /** The issuer named right after the mention (`Bộ Chính trị`), folded. */
  readonly issuer?: string;
  /** Party term (khóa) or congress ordinal, Roman upper case. */
  readonly term?: string;
  readonly ordinal?: string;
  readonly plenum?: string;
  readonly level?: 'national' | 'province';
  /** A province named inside the mention. */
  readonly province?: string;
  /** The award or organization key (`bua-liem-vang`, `BCĐ35`). */
  readonly key?: string;
  /** What the written symbol says by itself (kind, number, year, issuers, term). */
  readonly symbolInfo?: SymbolInfo;
  /** The kind word as written (`tờ trình`, `công văn`), folded. */
  readonly kindWord?: string;
  /** An issue date written with the mention, ISO. */
  readonly date?: string;
}

const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
const ORD = '([ivxlc]+|\\d{1,3})(?![\\p{L}\\p{M}\\p{N}])';
const PROVINCE = `(${provinceAlternation()})`;

/**
 * A pattern of mentions, which matches only where no letter, mark or digit comes before (checked in code, see
 * `matchesNotAfter`), and only in a line holding `needs`, which every match holds.
 */
interface Pattern {
  readonly needs: string;
  readonly regex: RegExp;
  readonly toMention: (m: RegExpExecArray, span: Span, text: string) => Mention | undefined;
}

const congressBody =
  `đại hội(?:\\s+đại biểu)?(?:\\s+(toàn quốc|đảng bộ(?:\\s+tỉnh)?(?:\\s+${PROVINCE})?))?\\s+lần\\s+thứ\\s+${ORD}` +
  `(?:\\s+(của đảng bộ tỉnh|của đảng bộ|của đảng))?(?:,?\\s+nhiệm kỳ\\s+\\d{4}\\s*[-–]\\s*\\d{4})?`;
const congressShort = `đại hội\\s+(?:đại biểu\\s+)?([ivxlc]+)\\s+(của đảng bộ tỉnh|của đảng bộ|của đảng)`;

const PATTERNS: readonly Pattern[] = [
  {
    needs: 'đại hội',
    regex: new RegExp(`(nghị quyết\\s+)?${congressBody}`, 'gu'),
    toMention: (m, span, text) => toCongress(m[1] !== undefined, span, text, m[2], m[3], m[4], m[5]),
  },
  {
    needs: 'đại hội',
    regex: new RegExp(`(nghị quyết\\s+)?${congressShort}`, 'gu'),
    toMention: (m, span, text) => toCongress(m[1] !== undefined, span, text, undefined, undefined, m[2], m[3]),
  },
  {
    needs: 'nghị quyết',
    regex: new RegExp(
      `nghị quyết\\s+(?:hội nghị\\s+)?(?:lần thứ\\s+)?(?:trung ương|tw|tư)\\s+(?:lần thứ\\s+)?${ORD}` +
        `(?:\\s*(?:\\(\\s*)?(?:,\\s*)?khó?a\\s+([ivxlc]+|\\d{1,2})\\s*\\)?)?`,
      'gu',
    ),
    toMention: (m, span, text) => ({
      type: 'plenum-resolution', span, text, kind: 'nghị quyết',
      plenum: String(toOrdinal(m[1] ?? '') ?? m[1]),
      ...(m[2] ? { term: romanOf(m[2]) } : {}),
    }),
  },
  {
    needs: 'ban chỉ đạo',
    regex: new RegExp(`ban chỉ đạo\\s+35(?:\\s+(trung ương|tỉnh|thành phố|huyện|quận|thị xã)(?:\\s+${PROVINCE})?)?${NOT_LETTER_AFTER}`, 'gu'),
    toMention: (m, span, text) => ({
      type: 'organization', span, text, key: 'BCĐ35',
      level: m[1] === 'trung ương' ? 'national' : 'province',
      ...(m[2] ? { province: toProvinceName(m[2]) ?? m[2] } : {}),
    }),
  },
  {
    needs: 'chương trình mục tiêu quốc gia',
    regex: new RegExp(`(\\d+|ba)\\s+chương trình mục tiêu quốc gia`, 'gu'),
    toMention: (m, span, text) => ({ type: 'program', span, text, key: 'national-target', number: m[1] === 'ba' ? '3' : (m[1] ?? '') }),
  },
  {
    needs: 'búa liềm vàng',
    regex: new RegExp(`giải(?:\\s+thưởng)?\\s+["“]?búa liềm vàng["”]?(?:\\s+lần thứ\\s+${ORD})?(?:\\s*[–-]\\s*năm\\s+\\d{4})?`, 'gu'),
    toMention: (m, span, text) => ({ type: 'award', span, text, key: 'bua-liem-vang', ...(m[1] ? { ordinal: romanOf(m[1]) } : {}) }),
  },
  {
    needs: 'toàn quốc về thông tin đối ngoại',
    regex: new RegExp(`giải(?:\\s+thưởng)?\\s+toàn quốc về thông tin đối ngoại(?:\\s+lần thứ\\s+${ORD})?`, 'gu'),
    toMention: (m, span, text) => ({ type: 'award', span, text, key: 'thong-tin-doi-ngoai', ...(m[1] ? { ordinal: romanOf(m[1]) } : {}) }),
  },
];

function toCongress(
  isResolution: boolean, span: Span, text: string,
  body: string | undefined, province: string | undefined, ordinal: string | undefined, of: string | undefined,
): Mention | undefined {
  if (!ordinal) return undefined;
  const isProvince = (body?.startsWith('đảng bộ') ?? false) || (of?.startsWith('của đảng bộ') ?? false);
  const isNational = body === 'toàn quốc' || of === 'của đảng';
  if (!isProvince && !isNational) return undefined;
  return {
    type: isResolution ? 'congress-resolution' : 'congress', span, text,
    ordinal: romanOf(ordinal), level: isProvince ? 'province' : 'national',
    ...(province ? { province: toProvinceName(province) ?? province } : {}),
  };
}

function romanOf(written: string): string {
  const n = toOrdinal(written);
  return n === undefined ? written.toUpperCase() : toRoman(n);
}

/** Finds every reference in one text; spans are in that text, overlaps resolved longest-first. */
export function findMentionsIn(original: string): Mention[] {
  const normalized = new NormalizedText(original, { line: true });
  const found: Mention[] = [];
  for (const pattern of PATTERNS) {
    if (!normalized.text.includes(pattern.needs)) continue;
    for (const m of matchesNotAfter(normalized.text, pattern.regex, WORD_CHARACTER_BEFORE)) {
      const span = normalized.toOriginal({ start: m.index, end: m.index + m[0].length });
      const mention = pattern.toMention(m, span, original.slice(span.start, span.end));
      if (mention) found.push(mention);
    }
  }
  for (const d of findDocuments(normalized.text)) {
    const span = normalized.toOriginal(d.span);
    found.push({
      type: 'document', span, text: original.slice(span.start, span.end), number: d.number,
      ...(d.kind ? { kind: d.kind } : {}), ...(d.kindWord ? { kindWord: d.kindWord } : {}),
      ...(d.symbol ? { symbol: d.symbol.symbol, symbolInfo: d.symbol } : {}),
      ...(d.issuer ? { issuer: d.issuer } : {}), ...(d.term ? { term: d.term } : {}), ...(d.date ? { date: d.date } : {}),
    });
  }
  return dropOverlaps(found);
}

const mentionsByLine = new LineMemo(findMentionsIn);
const PLACED_MENTIONS = new PlacedSlot();

function placeMentions(mentions: readonly Mention[], lineStart: number): readonly Mention[] {
  return mentions.length === 0 ? mentions : mentions.map((m) => ({ ...m, span: shiftSpan(m.span, lineStart) }));
}

/** Finds the references of lines `from` to `to` (exclusive); references do not cross lines; spans are in the document. */
export function findMentions(doc: ArticleText, cancel: CancellationCheck, from = 0, to = doc.lineCount): Mention[] {
  const found: Mention[] = [];
  for (let line = from; line < Math.min(to, doc.lineCount); line++) {
    if ((line & 1023) === 1023 && cancel.isCancelled()) return [];
    for (const m of doc.placedValue(mentionsByLine, PLACED_MENTIONS, line, placeMentions)) found.push(m);
  }
  return found;
}

/** Keeps the longest of overlapping mentions: sweep by start, replacing the last kept one when a longer one overlaps it. */
function dropOverlaps(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: Mention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (!last || m.span.start >= last.span.end) kept.push(m);
    else if (m.span.end - m.span.start > last.span.end - last.span.start) kept[kept.length - 1] = m;
  }
  return kept;
}
