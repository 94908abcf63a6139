import type { Locale, LocalizedText } from '../types';

/** Picks the text for a locale, falling back to English. */
export function localize(text: LocalizedText, locale: Locale): string {
  return (locale === 'vi' ? text.vi : text.en) || text.en;
}

/** Maps any BCP 47 tag to an interface language we speak, English by default. */
export function toLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
