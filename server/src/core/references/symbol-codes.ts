/**
 * The code tables of document symbols, as published:
 * - type codes of administrative documents: Nghị định 30/2020/NĐ-CP, Phụ lục III (NQ, QĐ, CT, QC, QyĐ, TB, HD, CTr, KH, …);
 * - type codes of legal documents (NĐ, TT, TTLT, PL, NQLT): Nghị định 34/2016/NĐ-CP, Điều 58 and Phụ lục I;
 * - Party type codes (NQ, QĐ, CT, KL, QC, TB, HD, BC, KH, …) and issuer codes (TW, TU, HU, ĐU, VPTW, …):
 *   Hướng dẫn 36-HD/VPTW (03-4-2018) of the Party Central Office, mục II.3.
 * Keys are written as the symbols print them; lookups fold case.
 */

/** Type code → kind, in Vietnamese. */
const TYPES: Readonly<Record<string, string>> = {
  NQ: 'nghị quyết', QĐ: 'quyết định', CT: 'chỉ thị', KL: 'kết luận', QC: 'quy chế', QyĐ: 'quy định',
  TC: 'thông cáo', TB: 'thông báo', HD: 'hướng dẫn', CTr: 'chương trình', KH: 'kế hoạch', PA: 'phương án',
  ĐA: 'đề án', DA: 'dự án', BC: 'báo cáo', BB: 'biên bản', TTr: 'tờ trình', HĐ: 'hợp đồng', CĐ: 'công điện',
  BGN: 'bản ghi nhớ', BTT: 'bản thỏa thuận', GUQ: 'giấy ủy quyền', GM: 'giấy mời', GGT: 'giấy giới thiệu',
  GNP: 'giấy nghỉ phép', PG: 'phiếu gửi', PC: 'phiếu chuyển', PB: 'phiếu báo', CV: 'công văn',
  NĐ: 'nghị định', TT: 'thông tư', TTLT: 'thông tư liên tịch', NQLT: 'nghị quyết liên tịch', PL: 'pháp lệnh',
  L: 'lệnh', QĐNS: 'quyết định nhân sự', QĐi: 'quy định', VBHN: 'văn bản hợp nhất',
};

/** Party documents write both regulations and decisions as QĐ (Hướng dẫn 36-HD/VPTW). */
const PARTY_KIND_OVERRIDES: Readonly<Record<string, string>> = { QĐ: 'quyết định hoặc quy định' };

interface Issuer {
  readonly name: string;
  readonly family: 'party' | 'state';
}

const party = (name: string): Issuer => ({ name, family: 'party' });
const state = (name: string): Issuer => ({ name, family: 'state' });

/** Issuer code → body. Codes with a term suffix (`QH14`, `UBTVQH14`) are read from their base code. */
const ISSUERS: Readonly<Record<string, Issuer>> = {
  TW: party('Trung ương Đảng (Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư)'),
  TU: party('Tỉnh ủy hoặc thành ủy trực thuộc Trung ương (kể cả Ban Thường vụ)'),
  HU: party('Huyện ủy'), QU: party('Quận ủy'), TXU: party('Thị xã ủy'), ThU: party('Thành ủy thuộc tỉnh'), ĐU: party('Đảng ủy'),
  ĐUK: party('Đảng ủy khối'), BCSĐ: party('Ban cán sự đảng'), ĐĐ: party('Đảng đoàn'),
  VPTW: party('Văn phòng Trung ương Đảng'), BTCTW: party('Ban Tổ chức Trung ương'), BTGTW: party('Ban Tuyên giáo Trung ương'),
  UBKTTW: party('Ủy ban Kiểm tra Trung ương'), BDVTW: party('Ban Dân vận Trung ương'), BĐNTW: party('Ban Đối ngoại Trung ương'),
  BNCTW: party('Ban Nội chính Trung ương'), BKTTW: party('Ban Kinh tế Trung ương'), QUTW: party('Quân ủy Trung ương'),
  ĐUCA: party('Đảng ủy Công an Trung ương'),
  CP: state('Chính phủ'), TTg: state('Thủ tướng Chính phủ'), VPCP: state('Văn phòng Chính phủ'),
  QH: state('Quốc hội'), UBTVQH: state('Ủy ban Thường vụ Quốc hội'), HĐDT: state('Hội đồng Dân tộc'), VPQH: state('Văn phòng Quốc hội'),
  CTN: state('Chủ tịch nước'), TANDTC: state('Tòa án nhân dân tối cao'), HĐTP: state('Hội đồng Thẩm phán Tòa án nhân dân tối cao'),
  VKSNDTC: state('Viện kiểm sát nhân dân tối cao'), KTNN: state('Kiểm toán nhà nước'),
  UBND: state('Ủy ban nhân dân'), HĐND: state('Hội đồng nhân dân'),
  BTP: state('Bộ Tư pháp'), BCA: state('Bộ Công an'), BTC: state('Bộ Tài chính'), BNV: state('Bộ Nội vụ'), BYT: state('Bộ Y tế'),
  BGDĐT: state('Bộ Giáo dục và Đào tạo'), BTNMT: state('Bộ Tài nguyên và Môi trường'), BKHĐT: state('Bộ Kế hoạch và Đầu tư'),
  BCT: state('Bộ Công Thương'), BQP: state('Bộ Quốc phòng'), BNG: state('Bộ Ngoại giao'), BXD: state('Bộ Xây dựng'),
  BGTVT: state('Bộ Giao thông vận tải'), BNNPTNT: state('Bộ Nông nghiệp và Phát triển nông thôn'),
  BLĐTBXH: state('Bộ Lao động - Thương binh và Xã hội'), BVHTTDL: state('Bộ Văn hóa, Thể thao và Du lịch'),
  BTTTT: state('Bộ Thông tin và Truyền thông'), BKHCN: state('Bộ Khoa học và Công nghệ'), NHNN: state('Ngân hàng Nhà nước Việt Nam'),
  TTCP: state('Thanh tra Chính phủ'), UBDT: state('Ủy ban Dân tộc'), BHXH: state('Bảo hiểm xã hội Việt Nam'),
  BNNMT: state('Bộ Nông nghiệp và Môi trường'), BKHCNMT: state('Bộ Khoa học, Công nghệ và Môi trường'),
};

/**
 * Drafting units after `UBND-` in a letter's symbol. Each office sets its own abbreviations
 * (Nghị định 30/2020/NĐ-CP, Điều 8), so these are the common readings, not a national table.
 */
const UNITS: Readonly<Record<string, string>> = {
  TNMT: 'Tài nguyên và Môi trường', TH: 'Tổng hợp', KT: 'Kinh tế', KTN: 'Kinh tế ngành', KTTH: 'Kinh tế tổng hợp', VX: 'Văn xã',
  KGVX: 'Khoa giáo - Văn xã', NC: 'Nội chính', NV: 'Nội vụ', TC: 'Tài chính', XD: 'Xây dựng', GTVT: 'Giao thông vận tải',
  NN: 'Nông nghiệp', NNPTNT: 'Nông nghiệp và Phát triển nông thôn', CN: 'Công nghiệp', ĐT: 'Đô thị', KSTT: 'Kiểm soát thủ tục hành chính',
  HCTC: 'Hành chính - Tổ chức', TCD: 'Tiếp công dân', VP: 'Văn phòng', QLĐT: 'Quản lý đô thị', GDĐT: 'Giáo dục và Đào tạo',
  YT: 'Y tế', VHTT: 'Văn hóa - Thông tin', TTr: 'Thanh tra', NCPC: 'Nội chính - Pháp chế', ĐTMT: 'Đô thị - Môi trường',
};

function byUpper<T>(table: Readonly<Record<string, T>>): Readonly<Record<string, { readonly code: string; readonly value: T }>> {
  const out: Record<string, { code: string; value: T }> = {};
  for (const [code, value] of Object.entries(table)) out[code.toUpperCase()] = { code, value };
  return out;
}

const TYPES_UPPER = byUpper(TYPES);
const ISSUERS_UPPER = byUpper(ISSUERS);
const UNITS_UPPER = byUpper(UNITS);

/** The type code as printed and its kind, from any casing; Party `QĐ` reads as decision or regulation. */
export function typeCode(code: string, family: 'party' | 'state'): { code: string; kind: string } | undefined {
  const hit = TYPES_UPPER[code.toUpperCase()];
  if (!hit) return undefined;
  return { code: hit.code, kind: (family === 'party' ? PARTY_KIND_OVERRIDES[hit.code] : undefined) ?? hit.value };
}

/** The issuer code as printed and its body, from any casing. */
export function issuerCode(code: string): { code: string; name: string; family: 'party' | 'state' } | undefined {
  const hit = ISSUERS_UPPER[code.toUpperCase()];
  return hit ? { code: hit.code, name: hit.value.name, family: hit.value.family } : undefined;
}

/** A drafting unit's usual reading, from any casing. */
export function unitCode(code: string): { code: string; name: string } | undefined {
  const hit = UNITS_UPPER[code.toUpperCase()];
  return hit ? { code: hit.code, name: hit.value } : undefined;
}

/** Every type code, longest first, for building the symbol pattern. */
export const TYPE_CODES: readonly string[] = Object.keys(TYPES).sort((a, b) => b.length - a.length);
