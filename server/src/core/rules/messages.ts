/**
 * Every user-facing sentence a rule reports, in English and Vietnamese, keyed by a message id with typed values.
 * Rules return a `MessageRef` (an id and its values); the engine renders it for the user's locale here, in one place.
 * The phrase table's messages are data (`data/boilerplate.json`, both languages) and pass through as `phrase-table`.
 */
import { describeReason } from '../i18n/reasons';
import type { UnknownReason } from '../references/resolve';
import type { LegacyProblem } from '../text/legacy-encoding';
import type { Locale, LocalizedText } from '../types';

/** The values each message takes; line numbers are 1-based as shown to the user. */
export interface MessageParams {
  'blank-line': Readonly<Record<string, never>>;
  'duplicate-line': { readonly lines: number; readonly original: number; readonly insideArticle: boolean };
  'menu-block': { readonly items: number };
  'outside-article': { readonly where: 'before' | 'after'; readonly lines: number };
  'photo-credit': Readonly<Record<string, never>>;
  'recurring-line': { readonly files: number };
  'related-list': { readonly items: number };
  'section-tag': Readonly<Record<string, never>>;
  'site-chrome': { readonly site: string; readonly pages: number; readonly pageCount: number };
  'user-phrase': Readonly<Record<string, never>>;
  /** A phrase-table entry's own message, from the table's data. */
  'phrase-table': { readonly text: LocalizedText };
  'encoding': { readonly encoding: LocalizedText; readonly outcome: EncodingOutcome };
  'unknown-reference': { readonly text: string; readonly reason?: UnknownReason };
}

/** What became of a text in a broken encoding. */
export type EncodingOutcome = { readonly kind: 'converted' } | { readonly kind: 'reopen' } | { readonly kind: 'not-converted'; readonly problem: LegacyProblem };

export type MessageId = keyof MessageParams;

/** A message to render: its id and values. */
export type MessageRef = { readonly [K in MessageId]: { readonly id: K; readonly params: MessageParams[K] } }[MessageId];

/** Builds a message reference, checking its values against its id. */
export function msg<K extends MessageId>(id: K, params: MessageParams[K]): { readonly id: K; readonly params: MessageParams[K] } {
  return { id, params };
}

type Render<P> = (params: P, locale: Locale) => string;

/** One message in both languages. */
type Message<P> = { readonly en: Render<P>; readonly vi: Render<P> };

/** The message table: every id, both languages. */
export const MESSAGES: { readonly [K in MessageId]: Message<MessageParams[K]> } = {
  'blank-line': { en: () => 'Whitespace-only line', vi: () => 'Dòng chỉ có khoảng trắng' },
  'duplicate-line': {
    en: (p) => (p.lines === 1 ? `Repeats line ${p.original}` : `Repeats ${p.lines} lines, from line ${p.original}`) + (p.insideArticle ? ' (inside the article: the repeat may be the writer\'s)' : ''),
    vi: (p) => (p.lines === 1 ? `Lặp lại dòng ${p.original}` : `Lặp lại ${p.lines} dòng, từ dòng ${p.original}`) + (p.insideArticle ? ' (trong thân bài: có thể do tác giả lặp lại)' : ''),
  },
  'menu-block': {
    en: (p) => `Navigation menu of ${p.items} links (site chrome)`,
    vi: (p) => `Trình đơn điều hướng gồm ${p.items} liên kết (thành phần trang web)`,
  },
  'outside-article': {
    en: (p) => (p.where === 'after' ? `After the article's last paragraph (${p.lines} lines of page chrome)` : `Before the article's headline (${p.lines} lines of page chrome)`),
    vi: (p) => (p.where === 'after' ? `Sau đoạn cuối của bài (${p.lines} dòng thành phần trang web)` : `Trước tiêu đề bài (${p.lines} dòng thành phần trang web)`),
  },
  'photo-credit': { en: () => 'Photo credit', vi: () => 'Nguồn ảnh' },
  'recurring-line': { en: (p) => `Appears in ${p.files} files of the corpus`, vi: (p) => `Xuất hiện trong ${p.files} tệp của kho dữ liệu` },
  'related-list': {
    en: (p) => `List of ${p.items} related-article titles (site chrome)`,
    vi: (p) => `Danh sách ${p.items} tiêu đề bài liên quan (thành phần trang web)`,
  },
  'section-tag': { en: () => 'Category or place tag (site chrome)', vi: () => 'Nhãn chuyên mục hoặc địa danh (thành phần trang web)' },
  'site-chrome': {
    en: (p) => `Chrome of site ${p.site} (seen in ${p.pages} of its ${p.pageCount} pages)`,
    vi: (p) => `Khung trang của ${p.site} (có trong ${p.pages} trên ${p.pageCount} trang của nó)`,
  },
  'user-phrase': { en: () => 'Matches one of your boilerplate phrases', vi: () => 'Khớp cụm từ rác bạn đã thêm' },
  'phrase-table': { en: (p) => p.text.en, vi: (p) => p.text.vi || p.text.en },
  'encoding': {
    en: (p) => `The text looks like ${p.encoding.en}; ${p.outcome.kind === 'converted' ? 'it can be converted exactly to Unicode' : p.outcome.kind === 'not-converted' ? `it is not converted: ${legacyProblem(p.outcome.problem).en}` : 'reopen the file with its original encoding'}`,
    vi: (p) => `Văn bản có vẻ là ${p.encoding.vi}; ${p.outcome.kind === 'converted' ? 'có thể chuyển chính xác sang Unicode' : p.outcome.kind === 'not-converted' ? `không chuyển đổi: ${legacyProblem(p.outcome.problem).vi}` : 'hãy mở lại tệp với bảng mã gốc'}`,
  },
  'unknown-reference': {
    en: (p, locale) => `Not in any catalog: ${p.text}${p.reason ? ` (${describeReason(p.reason, locale)})` : ''}`,
    vi: (p, locale) => `Chưa có trong danh mục: ${p.text}${p.reason ? ` (${describeReason(p.reason, locale)})` : ''}`,
  },
};

/** Renders a message for a locale. */
export function renderMessage(ref: MessageRef, locale: Locale): string {
  return render(ref, locale);
}

function render<K extends MessageId>(ref: { readonly id: K; readonly params: MessageParams[K] }, locale: Locale): string {
  const message: Message<MessageParams[K]> = MESSAGES[ref.id];
  return (locale === 'vi' ? message.vi : message.en)(ref.params, locale);
}

/** Short labels rules give fixes and related places, in both languages. */
export const LABELS = {
  'remove-line': { en: 'Remove this line', vi: 'Xóa dòng này' },
  'remove-lines': { en: 'Remove these lines', vi: 'Xóa các dòng này' },
  'remove-list': { en: 'Remove this list', vi: 'Xóa danh sách này' },
  'remove-menu': { en: 'Remove this menu', vi: 'Xóa trình đơn này' },
  'remove-repeat': { en: 'Remove the repeated text', vi: 'Xóa phần lặp lại' },
  'remove-credit': { en: 'Remove the photo credit', vi: 'Xóa nguồn ảnh' },
  'remove-caption': { en: 'Remove the whole caption', vi: 'Xóa cả dòng chú thích' },
  'empty-line': { en: 'Empty this line', vi: 'Làm trống dòng này' },
  'convert-legacy': { en: 'Convert to Unicode (NFC)', vi: 'Chuyển sang Unicode (NFC)' },
  'convert-utf8': { en: 'Convert the file to UTF-8 (NFC)', vi: 'Chuyển tệp sang UTF-8 (NFC)' },
  'also-here': { en: 'also here', vi: 'cũng có ở đây' },
} as const satisfies Readonly<Record<string, LocalizedText>>;

export type LabelId = keyof typeof LABELS;

/** A label for a locale. */
export function label(id: LabelId, locale: Locale): string {
  return locale === 'vi' ? LABELS[id].vi : LABELS[id].en;
}

/** Why a legacy text was not converted, in both languages (lines 1-based). */
function legacyProblem(problem: LegacyProblem): LocalizedText {
  switch (problem.reason) {
    case 'mixed': return { en: `line ${problem.line + 1} mixes Unicode Vietnamese ("${problem.char}") with the legacy encoding`, vi: `dòng ${problem.line + 1} lẫn chữ Unicode ("${problem.char}") với bảng mã cũ` };
    case 'unmapped': return { en: `"${problem.char}" on line ${problem.line + 1} has no meaning in that encoding`, vi: `ký tự "${problem.char}" ở dòng ${problem.line + 1} không có trong bảng mã đó` };
    case 'no-round-trip': return { en: `line ${problem.line + 1} does not convert back to the same text`, vi: `dòng ${problem.line + 1} không chuyển ngược lại được như cũ` };
    case 'not-vietnamese': return { en: `the converted text does not read as Vietnamese (${Math.round(100 * problem.share)}% well-formed words)`, vi: `văn bản sau khi chuyển không giống tiếng Việt (${Math.round(100 * problem.share)}% từ hợp lệ)` };
    case 'undecidable': return { en: 'it reads as Vietnamese in both TCVN3 and VNI, so the encoding cannot be decided', vi: 'đọc được theo cả TCVN3 lẫn VNI nên không xác định được bảng mã' };
  }
}
