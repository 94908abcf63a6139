import { issuerCode, typeCode, unitCode } from './symbol-codes';

/**
 * What a document symbol ("số, ký hiệu") says by itself, decoded by the published rules:
 * State documents `number[/year]/TYPE-ISSUER[-ISSUER…]` (Nghị định 34/2016/NĐ-CP Điều 58, Nghị định 30/2020/NĐ-CP Điều 8),
 * laws `number/year/QH<term>`, administrative letters `number/ISSUER-UNIT`,
 * Party documents `number-TYPE/ISSUER` (Hướng dẫn 36-HD/VPTW, mục II.3).
 */
export interface SymbolInfo {
  /** The canonical symbol: upper case, no spaces, Party form `N-TYPE/ISSUER`, `TƯ` as `TW`. */
  readonly symbol: string;
  /** The number without the year (`35`, `05`). */
  readonly number: string;
  readonly year?: string;
  /** The type code (`NQ`, `QĐ`, `TTLT`); absent for laws (`59/2020/QH14`) and letters (`123/UBND-TNMT`). */
  readonly typeCode?: string;
  /** The kind the type code names, in Vietnamese (`nghị quyết`, `công văn`). */
  readonly kindName: string;
  /** Issuer codes in order (`BTP`, `BCA`, `BTC` for a joint circular). */
  readonly issuerCodes: readonly string[];
  /** Issuer names decoded from the codes; a code not in the tables stays as written. */
  readonly issuerNames: readonly string[];
  /** The drafting unit of an administrative letter (`TNMT` in `123/UBND-TNMT`), decoded when known. */
  readonly unit?: { readonly code: string; readonly name?: string };
  /** National Assembly term from `QH14` / `UBTVQH14`. */
  readonly term?: string;
  readonly family: 'party' | 'state';
}

const PARTY_SHAPE = /^(\d{1,5})\s*[-–]\s*([\p{L}]{1,8})\s*\/\s*([\p{L}\d]{1,12})$/u;
const STATE_SHAPE = /^(\d{1,5})(?:\s*([/-])\s*(\d{4}))?\s*\/\s*([\p{L}\d]{1,12}(?:\s*[-–]\s*[\p{L}\d]{1,12}){0,5})$/u;

/** Decodes a written symbol; undefined when it does not follow either grammar. */
export function parseSymbol(written: string): SymbolInfo | undefined {
  const text = written.normalize('NFC').trim().replace(/t\.?ư$/iu, 'TW').replace(/t\.w$/iu, 'TW');
  const party = PARTY_SHAPE.exec(text);
  if (party) return toParty(party[1] ?? '', party[2] ?? '', party[3] ?? '');
  const state = STATE_SHAPE.exec(text);
  if (!state) return undefined;
  const number = state[1] ?? '';
  const year = state[3];
  // The year is written after a slash (15/2020/NĐ-CP) or, in some Government resolutions, a dash (19-2017/NQ-CP).
  const yearSeparator = state[2] === '-' ? '-' : '/';
  const codes = (state[4] ?? '').split(/\s*[-–]\s*/u).filter((c) => c !== '');
  // "05/NQ-TW" is a Party resolution written in the State's order.
  if (!year && codes.length === 2 && issuerCode(codes[1] ?? '')?.family === 'party') return toParty(number, codes[0] ?? '', codes[1] ?? '');
  return toState(number, year, codes, yearSeparator);
}

function toParty(number: string, written: string, issuerWritten: string): SymbolInfo | undefined {
  const type = typeCode(written, 'party');
  const known = issuerCode(issuerWritten);
  if (!type || (known && known.family !== 'party')) return undefined;
  const body = known ?? unlisted(issuerWritten);
  if (!body) return undefined;
  return { symbol: `${number}-${type.code}/${body.code}`, number, typeCode: type.code, kindName: type.kind, issuerCodes: [body.code], issuerNames: [body.name], family: 'party' };
}

/** An issuer code the tables lack, kept as written: the symbol's shape and type code still say what it is. */
function unlisted(written: string): { code: string; name: string } | undefined {
  const code = written.toUpperCase();
  if (!/^[\p{L}][\p{L}\p{N}]{1,11}$/u.test(code) || /^\p{N}/u.test(code)) return undefined;
  return { code, name: `${code} (mã cơ quan chưa có trong bảng mã)` };
}

function toState(number: string, year: string | undefined, codes: readonly string[], yearSeparator: string): SymbolInfo | undefined {
  const [first = '', ...rest] = codes;
  const lawTerm = /^QH(\d{1,2})$/iu.exec(first);
  const yearPart = year ? `${yearSeparator}${year}` : '';
  if (lawTerm && rest.length === 0) {
    // Laws and National Assembly resolutions carry no type code: 59/2020/QH14.
    const term = toRomanTerm(lawTerm[1] ?? '');
    return {
      symbol: `${number}${yearPart}/QH${lawTerm[1] ?? ''}`, number, ...(year ? { year } : {}), kindName: 'luật hoặc nghị quyết của Quốc hội',
      issuerCodes: [`QH${lawTerm[1] ?? ''}`], issuerNames: [`Quốc hội khóa ${term}`], term, family: 'state',
    };
  }
  const type = typeCode(first, 'state');
  if (type && rest.length > 0) {
    const issuers = rest.map((code) => decodeIssuer(code) ?? (issuerCode(code) ? undefined : unlisted(code)));
    const known = issuers.filter((i): i is Decoded => i !== undefined);
    if (known.length !== issuers.length) return undefined;
    const term = known.map((i) => i.term).find((t) => t !== undefined);
    return {
      symbol: `${number}${yearPart}/${[type.code, ...known.map((i) => i.code)].join('-')}`, number, ...(year ? { year } : {}), typeCode: type.code, kindName: type.kind,
      issuerCodes: known.map((i) => i.code), issuerNames: known.map((i) => i.name), ...(term ? { term } : {}), family: 'state',
    };
  }
  const issuer = decodeIssuer(first);
  // Resolutions and ordinances of the Standing Committee carry no type code either: 333/2017/UBTVQH14.
  if (issuer && year && rest.length === 0 && /^UBTVQH\d/u.test(issuer.code)) {
    return {
      symbol: `${number}${yearPart}/${issuer.code}`, number, year, kindName: 'nghị quyết hoặc pháp lệnh của Ủy ban Thường vụ Quốc hội',
      issuerCodes: [issuer.code], issuerNames: [issuer.name], ...(issuer.term ? { term: issuer.term } : {}), family: 'state',
    };
  }
  // An administrative letter (công văn): number/ISSUER-UNIT, no type code (Nghị định 30/2020/NĐ-CP, Điều 8).
  if (!issuer || year || rest.length !== 1) return undefined;
  const unitWritten = rest[0];
  const unit = unitWritten ? unitCode(unitWritten) : undefined;
  const unitOut = unitWritten ? (unit ? { code: unit.code, name: unit.name } : { code: unitWritten.toUpperCase() }) : undefined;
  return {
    symbol: `${number}/${[issuer.code, ...(unitOut ? [unitOut.code] : [])].join('-')}`, number, kindName: 'công văn', issuerCodes: [issuer.code], issuerNames: [issuer.name],
    ...(unitOut ? { unit: unitOut } : {}), ...(issuer.term ? { term: issuer.term } : {}), family: 'state',
  };
}

interface Decoded {
  readonly code: string;
  readonly name: string;
  readonly term?: string;
}

/** A State issuer code, with a term suffix allowed (`QH14`, `UBTVQH14`, `TTr-UBTVQH14`). */
function decodeIssuer(written: string): Decoded | undefined {
  const direct = issuerCode(written);
  if (direct) return direct.family === 'state' ? { code: direct.code, name: direct.name } : undefined;
  const termed = /^(UBTVQH|QH|HĐDT|VPQH|UB[\p{L}]{1,8})(\d{1,2})$/iu.exec(written);
  if (!termed) return undefined;
  const term = toRomanTerm(termed[2] ?? '');
  const code = `${(termed[1] ?? '').toUpperCase()}${termed[2] ?? ''}`;
  const base = issuerCode(termed[1] ?? '');
  return { code, name: base ? `${base.name} khóa ${term}` : `Ủy ban của Quốc hội (${code}) khóa ${term}`, term };
}

const ROMAN: readonly [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** `14` → `XIV`. */
export function toRomanTerm(digits: string): string {
  let n = Number(digits);
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out || digits;
}

/** One line saying what the symbol itself says: kind, number, year, issuer(s), unit, term. */
export function describeSymbol(info: SymbolInfo): string {
  const parts = [`${info.kindName} số ${info.number}${info.year ? ` năm ${info.year}` : ''}`];
  parts.push(`cơ quan ban hành: ${info.issuerNames.join('; ')}`);
  if (info.unit) parts.push(`đơn vị soạn thảo: ${info.unit.name ?? info.unit.code}`);
  if (info.term && !info.issuerNames.some((n) => n.endsWith(`khóa ${info.term ?? ''}`))) parts.push(`khóa ${info.term}`);
  return parts.join(' · ');
}
