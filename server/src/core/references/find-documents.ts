import { fromParts, toIso } from '../dates/calendar';
import { isAfter, nextCodePoint } from '../text/match-after';
import { provinceAlternation } from '../text/provinces';
import type { Span } from '../types';
import type { EntryKind } from './catalog';
import { parseSymbol, type SymbolInfo } from './symbol';

/** A numbered document found in one folded line: offsets are in the folded text. */
export interface FoundDocument {
  readonly span: Span;
  /** The kind word as written (`nghị quyết`, `tờ trình`), folded; absent for a bare symbol. */
  readonly kindWord?: string;
  readonly kind?: EntryKind;
  readonly number: string;
  readonly symbol?: SymbolInfo;
  /** The issuer named after the mention, folded (`bộ chính trị`, `ban thường vụ thành ủy tphcm`). */
  readonly issuer?: string;
  /** A khóa written with the mention, Roman upper case. */
  readonly term?: string;
  /** An issue date written with the mention, ISO. */
  readonly date?: string;
}

/** What may not come right before a kind word or a bare number (checked in code: a leading lookbehind is slow). */
const KIND_WORD_AFTER = /[\p{L}\p{M}\p{N}/]$/u;
const NUMBER_AFTER = /[\p{L}\p{M}\p{N}/-]$/u;
const KIND_WORDS = 'nghị quyết liên tịch|nghị quyết|chỉ thị|kết luận|quy định|quyết định|nghị định|thông tư liên tịch|thông tư|luật|pháp lệnh|tờ trình|công văn|thông báo|kế hoạch|hướng dẫn|báo cáo|đề án';
const KIND_OF_WORD: Readonly<Record<string, EntryKind>> = {
  'nghị quyết': 'nghị quyết', 'nghị quyết liên tịch': 'nghị quyết', 'chỉ thị': 'chỉ thị', 'kết luận': 'kết luận', 'quy định': 'quy định',
  'quyết định': 'quyết định', 'nghị định': 'nghị định', 'thông tư': 'thông tư', 'thông tư liên tịch': 'thông tư', luật: 'luật',
};
const KIND_OF_TYPE: Readonly<Record<string, EntryKind>> = {
  NQ: 'nghị quyết', NQLT: 'nghị quyết', CT: 'chỉ thị', KL: 'kết luận', QyĐ: 'quy định', QĐi: 'quy định', QĐ: 'quyết định', QĐNS: 'quyết định',
  NĐ: 'nghị định', TT: 'thông tư', TTLT: 'thông tư',
};
const UY = '(?:ủy|uỷ)';
const PROVINCE = `(?:\\s+(?:tỉnh|thành phố|tp\\.?)?\\s*(?:${provinceAlternation()}|tphcm|tp\\.?\\s?hcm|hà nội))?`;
const ISSUERS = [
  'bộ chính trị', 'ban bí thư', `ban chấp hành trung ương(?: đảng)?(?: cộng sản việt nam)?`, 'bch (?:trung ương|t\\.?ư|tw)(?: đảng)?',
  'trung ương(?: đảng)?', 'chính phủ', 'thủ tướng chính phủ', 'thủ tướng', `${UY} ban thường vụ quốc hội`, 'ubtvqh', 'quốc hội',
  `ban thường vụ (?:tỉnh|thành|huyện|quận|thị) ${UY}${PROVINCE}`, `(?:tỉnh|thành|huyện|quận|thị) ${UY}${PROVINCE}`,
  `(?:hđnd|hội đồng nhân dân|ubnd|${UY} ban nhân dân)(?: tỉnh| thành phố| huyện)?${PROVINCE}`, 'bộ trưởng bộ [\\p{L}\\s,]{2,40}?(?=[\\s,.;]|$)',
].join('|');
const TERM = '(?:\\s*,?\\s*(?:\\(\\s*khó?a\\s+([ivxl]+)\\s*\\)|khó?a\\s+([ivxl]+)(?![\\p{L}])))';
const DATE = '(?:\\s*,?\\s*(?:ban hành\\s+)?ngày\\s+(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4}))';
const PLENUM = '(?:\\s*,?\\s*(?:của\\s+)?hội nghị\\s+(?:lần thứ\\s+[\\p{L}\\d]+\\s+)?(?:ban chấp hành\\s+)?(?:trung ương|t\\.?ư|tw)(?:\\s+đảng)?(?:\\s+lần thứ)?(?:\\s+[\\p{L}\\d]+)?)';
const TAIL_AFTER = new RegExp(`${DATE}?(?:\\s*,?\\s*(?:của|do)\\s+(${ISSUERS}))?${PLENUM}?${TERM}?`, 'uy');
/** A number that counts something ("kế hoạch 5 năm", "1 lần") is not a document number. */
const NOT_A_QUANTITY = '(?!\\s*(?:năm(?!\\s+\\d{4})|tháng(?!\\s+\\d)|ngày(?!\\s+\\d)|tuần|quý|người|lần|%|tỷ|triệu|nghìn|ngàn|điểm|giờ|phút|km|ha|nội dung|nhiệm vụ|giải pháp|chương trình|đề án|dự án)(?![\\p{L}]))';
const KIND_NUMBER = new RegExp(`(${KIND_WORDS})\\s+(số\\s*:?\\s*)?(\\d{1,5})(?![\\p{N}])${NOT_A_QUANTITY}`, 'gu');
/** Kinds whose bare number is prose more often than a citation ("báo cáo 3 …"): they need "số" or a symbol. */
const NEEDS_SO_OR_SYMBOL = new Set(['tờ trình', 'công văn', 'thông báo', 'kế hoạch', 'hướng dẫn', 'báo cáo', 'đề án']);
const BARE_SYMBOL = /(\d{1,5})(?=\s*[-–/]\s*(?:\d{4}\s*\/\s*)?\p{L})/gu;
/** Separator-and-code groups that may follow a number: `/2017/UBTVQH14`, ` - CT/TW`, `/UBND-TNMT`. */
const SYMBOL_TAIL = /(?:\s*[-/]\s*\d{4})?(?:\s*[-–/]\s*(?:\p{L}[\p{L}\p{N}]{0,11}|t\.ư))(?:\s*[-–/]\s*\p{L}[\p{L}\p{N}]{0,11}){0,5}/uy;
const NAMED_LAW = /(?<![\p{L}\p{M}])(?:bộ\s+)?luật\s+(?:(?!luật)[^.;:()\n]){1,140}?\s+số\s*$/u;
const HAS_DIGIT = /\d/u;
const LIST_NEXT = /\s*(?:,|và|hoặc)\s*(?:số\s+)?(\d{1,5})(?![\p{N}/-])(?!\s*(?:năm|tháng|ngày|người|%))/uy;

/** Runs a sticky pattern at `at` in the whole line: slicing a long line for every match would copy it each time. */
function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** The longest symbol tail at `at` that, after `number`, parses as a symbol. */
function symbolAfter(number: string, folded: string, at: number): { info: SymbolInfo; length: number } | undefined {
  const m = execAt(SYMBOL_TAIL, folded, at);
  if (!m) return undefined;
  let candidate = m[0];
  while (candidate.length > 0) {
    const info = parseSymbol(`${number}${candidate.replace(/\s+/gu, '')}`);
    if (info) return { info, length: candidate.length };
    const cut = Math.max(candidate.lastIndexOf('-'), candidate.lastIndexOf('/'), candidate.lastIndexOf('–'));
    if (cut <= 0) return undefined;
    candidate = candidate.slice(0, cut);
  }
  return undefined;
}

function romanTerm(written: string | undefined): string | undefined {
  return written ? written.toUpperCase() : undefined;
}

/** Numbered documents of one folded line: with a kind word ("Nghị quyết số 35-NQ/TW", "Chỉ thị 05"), or a bare symbol. */
export function findDocuments(folded: string): FoundDocument[] {
  const found: FoundDocument[] = [];
  // Both kinds of mention hold a number.
  if (!HAS_DIGIT.test(folded)) return found;
  KIND_NUMBER.lastIndex = 0;
  for (let m = KIND_NUMBER.exec(folded); m; m = KIND_NUMBER.exec(folded)) {
    if (isAfter(folded, m.index, KIND_WORD_AFTER)) {
      KIND_NUMBER.lastIndex = nextCodePoint(folded, m.index);
      continue;
    }
    const kindWord = m[1] ?? '';
    const writesSo = m[2] !== undefined;
    const number = m[3] ?? '';
    let end = m.index + m[0].length;
    const symbol = symbolAfter(number, folded, end);
    if (symbol) end += symbol.length;
    // "Luật 8 …" is prose; a law is cited by its symbol or by name.
    if (kindWord === 'luật' && !symbol) continue;
    if (NEEDS_SO_OR_SYMBOL.has(kindWord) && !symbol && !writesSo) continue;
    const listed: { number: string; span: Span }[] = [];
    if (!symbol) {
      for (let next = execAt(LIST_NEXT, folded, end); next; next = execAt(LIST_NEXT, folded, end)) {
        const n = next[1] ?? '';
        const at = end + next[0].length - n.length;
        listed.push({ number: n, span: { start: at, end: at + n.length } });
        end += next[0].length;
      }
    }
    const tail = execAt(TAIL_AFTER, folded, end);
    const details = readTail(tail);
    const fullEnd = end + (tail?.[0].length ?? 0);
    const kind = (symbol?.info.typeCode ? KIND_OF_TYPE[symbol.info.typeCode] : undefined) ?? KIND_OF_WORD[kindWord] ?? (symbol?.info.kindName.startsWith('luật') ? 'luật' : undefined);
    const firstEnd = listed.length > 0 ? m.index + m[0].length : fullEnd;
    found.push({ span: { start: m.index, end: firstEnd }, kindWord, ...(kind ? { kind } : {}), number: symbol?.info.number ?? number, ...(symbol ? { symbol: symbol.info } : {}), ...details });
    listed.forEach((item, i) => {
      const last = i === listed.length - 1;
      found.push({ span: last ? { start: item.span.start, end: fullEnd } : item.span, kindWord, ...(kind ? { kind } : {}), number: item.number, ...details });
    });
    KIND_NUMBER.lastIndex = fullEnd;
  }
  BARE_SYMBOL.lastIndex = 0;
  for (let m = BARE_SYMBOL.exec(folded); m; m = BARE_SYMBOL.exec(folded)) {
    const start = m.index;
    if (isAfter(folded, start, NUMBER_AFTER)) {
      BARE_SYMBOL.lastIndex = nextCodePoint(folded, start);
      continue;
    }
    if (found.some((f) => f.span.start <= start && start < f.span.end)) continue;
    const number = m[1] ?? '';
    const symbol = symbolAfter(number, folded, start + number.length);
    // A bare symbol counts only with a type code or as a law: "123/UBND" alone could be anything.
    if (!symbol || (!symbol.info.typeCode && !symbol.info.kindName.startsWith('luật'))) continue;
    let end = start + number.length + symbol.length;
    const tail = execAt(TAIL_AFTER, folded, end);
    end += tail?.[0].length ?? 0;
    // A law cited by name, "Luật Hoạt động giám sát … số 87/2015/QH13": the name belongs to the mention.
    const named = symbol.info.kindName.startsWith('luật') ? NAMED_LAW.exec(folded.slice(Math.max(0, start - 160), start)) : null;
    const from = named ? start - named[0].length : start;
    const kind = (symbol.info.typeCode ? KIND_OF_TYPE[symbol.info.typeCode] : undefined) ?? (symbol.info.kindName.startsWith('luật') ? 'luật' : undefined);
    found.push({ span: { start: from, end }, ...(named ? { kindWord: 'luật' } : {}), ...(kind ? { kind } : {}), number: symbol.info.number, symbol: symbol.info, ...readTail(tail) });
    BARE_SYMBOL.lastIndex = end;
  }
  return found;
}

function readTail(tail: RegExpExecArray | null): { issuer?: string; term?: string; date?: string } {
  if (!tail) return {};
  const [, dayText, month, year, issuer, bracketed, plain] = tail;
  const term = bracketed ?? plain;
  const day = fromParts(dayText, month, year);
  return {
    ...(issuer ? { issuer: issuer.replace(/uỷ/gu, 'ủy') } : {}),
    ...(romanTerm(term) ? { term: romanTerm(term) } : {}),
    ...(day ? { date: toIso(day) } : {}),
  };
}
