import type { Hover } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { describeReason } from '../core/i18n/reasons';
import type { CatalogEntry } from '../core/references/catalog';
import type { ResolvedMention } from '../core/references/resolve';
import type { Locale } from '../core/types';
import { toRange } from './convert';
import { t } from './messages';

/** The reference under an offset, if any. */
export function referenceAt(analysis: Analysis, offset: number): ResolvedMention | undefined {
  return analysis.references.find((r) => r.mention.span.start <= offset && offset < r.mention.span.end);
}

/** A Markdown hover for the reference under the cursor. */
export function toHover(analysis: Analysis, offset: number, locale: Locale, englishGloss: boolean): Hover | null {
  const found = referenceAt(analysis, offset);
  if (!found) return null;
  return {
    contents: { kind: 'markdown', value: toMarkdown(found, locale, englishGloss) },
    range: toRange(analysis.doc.lines, found.mention.span),
  };
}

function toMarkdown(found: ResolvedMention, locale: Locale, englishGloss: boolean): string {
  const { mention, resolution } = found;
  if (resolution.status === 'ambiguous') {
    return [`**${escape(mention.text)}** — ${t(locale, 'ambiguous')}`, '', ...resolution.candidates.map((c) => `- ${headline(c)}: ${escape(c.title)}`)].join('\n');
  }
  if (resolution.status === 'unknown') return `**${escape(mention.text)}** — ${t(locale, 'unknown')} (${escape(describeReason(resolution.reason, locale))})`;
  if (resolution.entry) return entryMarkdown(resolution.entry, resolution.id, locale, englishGloss);
  const province = resolution.province ?? '';
  const ordinal = mention.ordinal ?? '';
  if (!resolution.province) return [`**${escape(mention.text)}**`, '', `\`${resolution.id}\` — ${t(locale, 'noDetails')}`].join('\n');
  const key = mention.type === 'organization' ? 'provinceSteering35' : mention.type === 'congress' ? 'provinceCongress' : 'provinceCongressResolution';
  return [`**${escape(t(locale, key, { province, ordinal }))}**`, '', `\`${resolution.id}\` — ${t(locale, 'noCatalogEntry')}`].join('\n');
}

function entryMarkdown(entry: CatalogEntry, id: string, locale: Locale, englishGloss: boolean): string {
  const lines = [`**${headline(entry)}**`, '', `*${escape(entry.title)}*`, '', escape(entry.description)];
  if (englishGloss) lines.push('', `_${escape(entry.gloss)}_`);
  if (id !== entry.id) lines.push('', `\`${id}\``);
  if (entry.citedAs.length > 0) lines.push('', `${t(locale, 'alsoCited')}: ${entry.citedAs.map(escape).join('; ')}`);
  if (entry.replaces.length > 0) lines.push('', `${t(locale, 'replaces')}: ${entry.replaces.join(', ')}`);
  if (entry.replacedBy.length > 0) lines.push('', `${t(locale, 'replacedBy')}: ${entry.replacedBy.join(', ')}`);
  lines.push('', `${t(locale, 'source')}: [${escape(entry.source.title)}](${entry.source.url})`);
  return lines.join('\n');
}

/** Kind, id, date and issuer: the first line of a hover. */
function headline(entry: CatalogEntry): string {
  const kind = entry.kind.charAt(0).toUpperCase() + entry.kind.slice(1);
  const parts = [`${kind} ${entry.symbol ?? entry.id}`];
  if (entry.symbol && entry.symbol !== entry.id) parts.push(`(\`${entry.id}\`)`);
  if (entry.date) parts.push(`· ${entry.date}`);
  if (entry.issuer) parts.push(`· ${entry.issuer}${entry.term ? ` khóa ${entry.term}` : ''}`);
  return parts.join(' ');
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>])/gu, '\\$1');
}
