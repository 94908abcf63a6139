import { localize } from '../i18n/localize';
import type { Locale, LocalizedText } from '../types';
import type { YearEvidenceKind, YearRange } from './year';

const KIND: Readonly<Record<YearEvidenceKind, LocalizedText>> = {
  'written': { en: 'year written', vi: 'năm ghi rõ' },
  'same-date': { en: 'year from the same date written in full', vi: 'năm theo ngày viết đủ' },
  'current-year': { en: 'year the text states', vi: 'năm bài viết nêu' },
  'anniversary': { en: 'year from an anniversary of a cited document', vi: 'năm theo số năm thực hiện văn bản' },
  'meeting-name': { en: "year from the meeting's name", vi: 'năm theo tên hội nghị' },
  'session': { en: 'year of the Assembly session', vi: 'năm của kỳ họp Quốc hội' },
  'plenum': { en: 'year of the plenum, from the documents it adopted', vi: 'năm của hội nghị Trung ương, theo văn bản được thông qua' },
  'weekday': { en: 'year from the weekday within the term', vi: 'năm theo thứ trong tuần và nhiệm kỳ' },
  'announced': { en: 'year of a document announced at the meeting', vi: 'năm của văn bản được công bố tại hội nghị' },
  'neighbours': { en: 'year from neighbouring files', vi: 'năm theo các tệp bên cạnh' },
  'period': { en: 'year from the corpus period setting', vi: 'năm theo thiết lập giai đoạn của kho' },
  'not-before': { en: 'the only year of the range on or after a cited document', vi: 'năm duy nhất của khoảng sau văn bản được dẫn' },
};
const UNKNOWN: LocalizedText = { en: 'year unknown', vi: 'chưa rõ năm' };

/** Which evidence fixed a date's year, as one line: "year from neighbouring files: a.txt, b.txt". */
export function yearEvidenceLabel(date: { readonly evidence?: { readonly kind: YearEvidenceKind; readonly text: string }; readonly range?: YearRange }, locale: Locale): string {
  if (date.evidence) return `${localize(KIND[date.evidence.kind], locale)}: ${date.evidence.text}`;
  return date.range ? `${localize(UNKNOWN, locale)} (${date.range.from}–${date.range.to}: ${date.range.text})` : localize(UNKNOWN, locale);
}
