import type { Locale } from '../core/types';

const MESSAGES = {
  ambiguous: { en: 'Ambiguous reference; candidates:', vi: 'Tham chiếu chưa rõ; có thể là:' },
  unknown: { en: 'Not in the catalog', vi: 'Chưa có trong danh mục' },
  notInCatalog: { en: '{symbol} is not in the catalog yet.', vi: '{symbol} chưa có trong danh mục.' },
  notInCatalogOn: { en: '{symbol} of {date} is not in the catalog; the catalog lists a document with the same symbol from another date (numbers restart in each term).', vi: '{symbol} ban hành ngày {date} chưa có trong danh mục; danh mục chỉ có văn bản cùng ký hiệu của ngày khác (số văn bản đánh lại theo từng nhiệm kỳ).' },
  symbolSays: { en: 'Read from the symbol itself, by the numbering rules.', vi: 'Các thông tin trên đọc từ chính số, ký hiệu, theo quy tắc đánh số.' },
  notCatalogued: { en: 'not in the catalog', vi: 'chưa có trong danh mục' },
  derivedSymbol: { en: 'Symbol {symbol} follows from the issuer by the numbering rules; the text writes only the number.', vi: 'Ký hiệu {symbol} suy ra từ cơ quan ban hành theo quy tắc đánh số; bài chỉ ghi số.' },
  articleSymbol: { en: 'The article writes the full symbol {symbol} elsewhere.', vi: 'Bài viết ghi đầy đủ ký hiệu {symbol} ở chỗ khác.' },
  or: { en: 'or', vi: 'hoặc' },
  issuerInText: { en: 'issuer named in the text', vi: 'cơ quan ban hành theo bài viết' },
  mirrors: { en: 'Modelled on', vi: 'Theo mô hình' },
  related: { en: 'see', vi: 'xem' },
  alsoCited: { en: 'Also cited as', vi: 'Còn được gọi là' },
  source: { en: 'Source', vi: 'Nguồn' },
  replaces: { en: 'Replaces', vi: 'Thay thế' },
  replacedBy: { en: 'Replaced by', vi: 'Được thay thế bởi' },
  provinceCongress: { en: 'Congress of the {province} provincial Party organisation, term {ordinal}', vi: 'Đại hội Đảng bộ tỉnh {province} lần thứ {ordinal}' },
  provinceCongressResolution: { en: 'Resolution of the {ordinal} congress of the {province} provincial Party organisation', vi: 'Nghị quyết Đại hội Đảng bộ tỉnh {province} lần thứ {ordinal}' },
  provinceSteering35: { en: "{province}'s own Steering Committee 35 (protecting the Party's ideological foundation), modelled on the central one", vi: 'Ban Chỉ đạo 35 tỉnh {province}: Ban Chỉ đạo về bảo vệ nền tảng tư tưởng của Đảng của tỉnh, theo mô hình Ban Chỉ đạo 35 Trung ương' },
  noDetails: { en: 'recognised, but the catalog has no entry with its details', vi: 'đã nhận ra, nhưng danh mục chưa có mục mô tả chi tiết' },
  noCatalogEntry: { en: 'local body or document: no catalog entry needed', vi: 'cơ quan hoặc văn bản địa phương: không cần mục trong danh mục' },
  fixAll: { en: 'Remove all boilerplate in this file', vi: 'Xóa mọi dòng rác trong tệp này' },
  addStub: { en: 'Add a stub entry to .vn-corpus/catalog.json (fill it in from a source)', vi: 'Thêm mục trống vào .vn-corpus/catalog.json (điền từ một nguồn)' },
  keepLine: { en: 'Keep this line (never flag it again)', vi: 'Giữ dòng này (không đánh dấu lại)' },
  cleanLabel: { en: 'Remove certain boilerplate from corpus files', vi: 'Xóa dòng rác chắc chắn khỏi các tệp trong kho' },
  nothingToClean: { en: 'No certain boilerplate found in the corpus files.', vi: 'Không tìm thấy dòng rác chắc chắn nào trong các tệp.' },
  noWorkspace: { en: 'Open a folder first: this needs a workspace.', vi: 'Hãy mở một thư mục trước: việc này cần không gian làm việc.' },
  article: { en: 'Article', vi: 'Bài viết' },
  date: { en: 'Date', vi: 'Ngày' },
  inferred: { en: 'year inferred', vi: 'năm suy ra' },
  organizer: { en: 'Organizer', vi: 'Đơn vị tổ chức' },
  chair: { en: 'Chair', vi: 'Chủ trì' },
  directedBy: { en: 'Directed by', vi: 'Chỉ đạo' },
  attendee: { en: 'Attendee', vi: 'Dự' },
  place: { en: 'Place', vi: 'Địa điểm' },
  hosts: { en: 'Hosts', vi: 'Nơi làm việc' },
  primary: { en: 'reported by the lead', vi: 'sự kiện chính của bài' },
  planned: { en: 'planned', vi: 'dự kiến' },
  mentioned: { en: 'mentioned', vi: 'được nhắc tới' },
  reported: { en: 'reported', vi: 'được đưa tin' },
  status: { en: 'Status', vi: 'Trạng thái' },
  year: { en: 'Year', vi: 'Năm' },
  yearWritten: { en: 'year written', vi: 'năm ghi rõ' },
} as const;

/** A key of the server's interface strings. */
export type MessageKey = keyof typeof MESSAGES;

/** Every server interface string in both languages, for the test that checks both exist. */
export const SERVER_MESSAGES: Readonly<Record<MessageKey, { en: string; vi: string }>> = MESSAGES;

/** The string for a key in the client's language, with `{name}` placeholders filled. */
export function t(locale: Locale, key: MessageKey, values: Readonly<Record<string, string>> = {}): string {
  const template: string = MESSAGES[key][locale] || MESSAGES[key].en;
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => values[name] ?? whole);
}
