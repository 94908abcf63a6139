/** The report page's strings in English and Vietnamese; the page's language is its `<html lang>`. */
const VI: Readonly<Record<string, string>> = {
  'Corpus report': 'Báo cáo kho bài',
  'Summarising the corpus…': 'Đang tổng hợp kho bài…',
  'Summarising {0} of {1} files…': 'Đang tổng hợp {0}/{1} tệp…',
  '{0} files · {1} lines · {2} of lines flagged certain or probable': '{0} tệp · {1} dòng · {2} số dòng bị đánh dấu chắc chắn hoặc có thể là rác',
  'files': 'tệp',
  'non-blank lines': 'dòng không trống',
  'lines flagged certain': 'dòng rác chắc chắn',
  'lines flagged probable': 'dòng có thể là rác',
  'lines flagged weak': 'dòng nghi là rác',
  'meetings ({0} dated)': 'cuộc họp ({0} có ngày)',
  'references': 'trích dẫn',
  'unknown references': 'trích dẫn chưa rõ',
  'Sites and folders': 'Trang và thư mục',
  'site or folder': 'trang hoặc thư mục',
  'lines': 'dòng',
  'certain': 'chắc chắn',
  'probable': 'có thể',
  'weak': 'nghi ngờ',
  'flagged share': 'tỉ lệ bị đánh dấu',
  '{0} (% of lines)': '{0} (% số dòng)',
  'Most recurring lines in {0}': 'Các dòng lặp lại nhiều nhất trong {0}',
  'line': 'dòng',
  'first seen': 'gặp đầu tiên',
  'No line recurs in two or more files.': 'Không dòng nào lặp lại trong từ hai tệp trở lên.',
  'Meetings': 'Cuộc họp',
  'Per month': 'Theo tháng',
  'By province': 'Theo tỉnh',
  'No dated meetings.': 'Không có cuộc họp nào có ngày.',
  'No province recognised.': 'Không nhận ra tỉnh nào.',
  '{0} meetings with a date to the month, {1} without.': '{0} cuộc họp có ngày đến tháng, {1} cuộc họp không có.',
  'Click a bar to list that month’s meetings; click a province to open its first meeting.': 'Bấm vào một cột để xem các cuộc họp của tháng đó; bấm vào một tỉnh để mở cuộc họp đầu tiên.',
  'Meetings in {0}': 'Các cuộc họp tháng {0}',
  'reported': 'đã diễn ra',
  'planned': 'dự kiến',
  'mentioned': 'được nhắc đến',
  'meetings': 'cuộc họp',
  'Most cited documents': 'Các văn bản được trích dẫn nhiều nhất',
  'document': 'văn bản',
  'catalog id': 'mã trong danh mục',
  'mentions': 'lần nhắc',
  'No document of the catalog is cited.': 'Không văn bản nào trong danh mục được trích dẫn.',
  'Unknown references to add to the catalog': 'Trích dẫn chưa rõ, cần thêm vào danh mục',
  'as written': 'nguyên văn',
  'why not resolved': 'vì sao chưa xác định',
  'Every reference resolved: nothing to add.': 'Mọi trích dẫn đều đã xác định: không có gì cần thêm.',
  'Files that could not be read': 'Các tệp không đọc được',
  'file': 'tệp',
  'problem': 'vấn đề',
  'Nothing to show.': 'Không có gì để hiển thị.',
  '{0}, line {1}': '{0}, dòng {1}',
};

/** The page's text for `english`, with `{0}`, `{1}`… replaced by the arguments. */
export function t(english: string, ...args: readonly (string | number)[]): string {
  const text = document.documentElement.lang === 'vi' ? VI[english] ?? english : english;
  return text.replace(/\{(\d+)\}/gu, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** Every English string the page can show, for the test that each has a translation. */
export const TRANSLATED: readonly string[] = Object.keys(VI);
