import type { UnknownReason } from '../references/resolve';
import type { Locale } from '../types';

/** Why a reference stayed unknown, in the interface language. */
export function describeReason(reason: UnknownReason, locale: Locale): string {
  const vi = locale === 'vi';
  switch (reason.code) {
    case 'no-number':
      return vi ? 'không có số hiệu' : 'no number';
    case 'no-province':
      return vi ? 'bài viết không nêu tỉnh' : 'the article names no province';
    case 'symbol-not-catalogued':
      return vi ? `${reason.symbol} chưa có trong danh mục` : `${reason.symbol} is not in the catalog`;
    case 'number-not-catalogued':
      return vi ? `danh mục không có ${reason.kind} số ${reason.number}` : `no catalogued ${reason.kind} numbered ${reason.number}`;
    case 'plenum-not-catalogued': {
      const term = reason.term ? ` (khóa ${reason.term})` : '';
      return vi ? `danh mục không có nghị quyết Hội nghị Trung ương ${reason.plenum}${term}` : `no catalogued resolution of plenum ${reason.plenum}${term}`;
    }
    case 'other-issue-date': {
      const what = subject(reason.otherwise, vi);
      return vi ? `danh mục không có ${what} ban hành ngày ${reason.stated}` : `the catalog has no ${what} issued on ${reason.stated}`;
    }
    case 'number-partly-catalogued':
      return vi
        ? `có thể là ${reason.likely}, nhưng danh mục không có mọi ${reason.kind} số ${reason.number} và bài viết không nêu năm hay ngày`
        : `${reason.kind} ${reason.number} may be ${reason.likely}, but the catalog does not hold every document of that number and the article gives no year or date`;
  }
}

/** What a reason says the catalog lacks, as the object of "the catalog has no …". */
function subject(reason: UnknownReason, vi: boolean): string {
  if (reason.code === 'symbol-not-catalogued') return reason.symbol;
  if (reason.code === 'number-not-catalogued') return vi ? `${reason.kind} số ${reason.number}` : `${reason.kind} ${reason.number}`;
  if (reason.code === 'plenum-not-catalogued') return vi ? `nghị quyết Hội nghị Trung ương ${reason.plenum}` : `resolution of plenum ${reason.plenum}`;
  return vi ? 'văn bản số này' : 'document of that number';
}
