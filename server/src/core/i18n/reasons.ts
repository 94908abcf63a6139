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
      if (reason.numberKnown) return vi ? `danh mục không có văn bản số này ban hành ngày ${reason.stated}` : `no catalogued document of that number issued on ${reason.stated}`;
      return `${describeReason(reason.otherwise, locale)}${vi ? `, ban hành ngày ${reason.stated}` : ` issued on ${reason.stated}`}`;
    }
  }
}
