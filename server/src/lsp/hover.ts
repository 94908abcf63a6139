import type { Hover } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { yearEvidenceLabel } from '../core/dates/describe';
import { describeReason } from '../core/i18n/reasons';
import { dateLabel } from '../core/meetings/dates';
import type { Meeting } from '../core/meetings/types';
import type { CatalogEntry } from '../core/references/catalog';
import { describeSymbol } from '../core/references/symbol';
import type { ResolvedMention } from '../core/references/resolve';
import type { Locale } from '../core/types';
import { toRange } from './convert';
import { t, type MessageKey } from './messages';

/** The reference under an offset, if any. */
export function referenceAt(analysis: Analysis, offset: number): ResolvedMention | undefined {
  return analysis.references.find((r) => r.mention.span.start <= offset && offset < r.mention.span.end);
}

/** The meeting whose mention (its kind and title) holds an offset, if any. */
export function meetingAt(analysis: Analysis, offset: number): Meeting | undefined {
  return analysis.meetings.find((m) => m.span.start <= offset && offset < m.span.end);
}

/** A Markdown hover for the reference under the cursor, else for the meeting whose mention it is on. */
export function toHover(analysis: Analysis, offset: number, locale: Locale, englishGloss: boolean): Hover | null {
  const found = referenceAt(analysis, offset);
  if (!found) {
    const meeting = meetingAt(analysis, offset);
    if (!meeting) return null;
    return { contents: { kind: 'markdown', value: meetingMarkdown(meeting, locale) }, range: toRange(analysis.doc.lines, meeting.span) };
  }
  return {
    contents: { kind: 'markdown', value: toMarkdown(found, locale, englishGloss) },
    range: toRange(analysis.doc.lines, found.mention.span),
  };
}

function toMarkdown(found: ResolvedMention, locale: Locale, englishGloss: boolean): string {
  const { mention, resolution } = found;
  if (resolution.status === 'ambiguous') {
    const names = resolution.candidates.map((c) => (c.entry ? headline(c.entry) : c.id));
    return [
      `**${escape(mention.text)}** — ${t(locale, 'ambiguous')} ${names.map(escape).join(` ${t(locale, 'or')} `)}`, '',
      ...resolution.candidates.map((c) => `- ${c.entry ? `${escape(headline(c.entry))}: ${escape(c.entry.title)}` : `${escape(c.id)} — ${t(locale, 'notCatalogued')}`}`),
    ].join('\n');
  }
  if (resolution.status === 'unknown') return unknownMarkdown(found, locale);
  if (resolution.entry) return entryMarkdown(resolution.entry, resolution.id, locale, englishGloss);
  const province = resolution.province ?? '';
  const ordinal = mention.ordinal ?? '';
  if (!resolution.province) return [`**${escape(mention.text)}**`, '', `\`${resolution.id}\` — ${t(locale, 'noDetails')}`].join('\n');
  if (mention.type === 'organization') return provinceBodyMarkdown(province, resolution.id, resolution.mirrors, locale, englishGloss);
  const key = mention.type === 'congress' ? 'provinceCongress' : 'provinceCongressResolution';
  return [`**${escape(t(locale, key, { province, ordinal }))}**`, '', `\`${resolution.id}\` — ${t(locale, 'noCatalogEntry')}`].join('\n');
}

/** A mention the catalog lacks: what its symbol says (kind, number, year, issuer, term), then why it stayed unknown. */
function unknownMarkdown(found: ResolvedMention, locale: Locale): string {
  const { mention, resolution } = found;
  if (resolution.status !== 'unknown') return '';
  // The Vietnamese hover says the same through its own lines.
  const reason = locale === 'en' ? `: ${describeReason(resolution.reason, locale)}` : '';
  const kindWritten = mention.kindWord ?? mention.kind;
  const symbol = resolution.symbol;
  if (!symbol) {
    const said = kindWritten && mention.number ? [`${capitalize(kindWritten)} số ${mention.number}`, ...(mention.issuer ? [`${t(locale, 'issuerInText')}: ${mention.issuer}`] : []), ...(mention.term ? [`khóa ${mention.term}`] : [])] : [];
    const lines = [`**${escape(mention.text)}** — ${t(locale, 'unknown')}${escape(reason)}`];
    if (said.length > 0) lines.push('', escape(said.join(' · ')));
    if (mention.date) lines.push('', `${t(locale, 'date')}: ${mention.date}`);
    return lines.join('\n');
  }
  const info = symbol.info;
  // The kind the text writes ("Quyết định 935") is more precise than the symbol's reading ("quyết định hoặc quy định").
  const kind = kindWritten ?? info?.kindName ?? '';
  const lines = [`**${escape(`${capitalize(kind)} ${symbol.id}`.trim())}**`, ''];
  if (info) lines.push(escape(capitalize(describeSymbol(kindWritten ? { ...info, kindName: kindWritten } : info))), '');
  if (mention.issuer) lines.push(escape(`${t(locale, 'issuerInText')}: ${mention.issuer}${mention.term ? ` khóa ${mention.term}` : ''}`), '');
  if (symbol.basis === 'rule') lines.push(t(locale, 'derivedSymbol', { symbol: symbol.id }), '');
  if (symbol.basis === 'article') lines.push(t(locale, 'articleSymbol', { symbol: symbol.id }), '');
  if (symbol.basis !== 'rule') lines.push(t(locale, 'symbolSays'), '');
  const otherDate = resolution.reason.code === 'other-issue-date' ? resolution.reason.stated : undefined;
  lines.push(otherDate ? t(locale, 'notInCatalogOn', { symbol: symbol.id, date: otherDate }) : t(locale, 'notInCatalog', { symbol: symbol.id }));
  if (mention.date) lines.push('', `${t(locale, 'date')}: ${mention.date}`);
  return lines.join('\n');
}

/** A meeting: kind and title, date with what fixed its year, status, organizer, chair and place. */
function meetingMarkdown(meeting: Meeting, locale: Locale): string {
  const title = meeting.title || meeting.kind;
  // The title usually starts with the kind ("hội nghị tổng kết…"); otherwise the kind follows it.
  const kind = title.toLocaleLowerCase('vi').startsWith(meeting.kind.toLocaleLowerCase('vi')) ? '' : ` — ${meeting.kind}`;
  const lines = [`**${escape(capitalize(title))}**${escape(kind)}`, ''];
  const date = meeting.date;
  if (date?.iso) {
    const evidence = date.yearInferred ? yearEvidenceLabel(date, locale) : t(locale, 'yearWritten');
    lines.push(`${t(locale, 'date')}: ${date.iso}${date.endIso ? ` – ${date.endIso}` : ''}`, '', escape(evidence), '');
  } else if (date) {
    // No evidence fixed the year: the label says "year unknown", with the years it lies in when known.
    lines.push(`${t(locale, 'date')}: ${dateLabel(date)} (${escape(yearEvidenceLabel(date, locale))})`, '');
  } else if (meeting.year !== undefined) {
    lines.push(`${t(locale, 'year')}: ${meeting.year}`, '');
  }
  const status = [t(locale, meeting.status), ...(meeting.primary ? [t(locale, 'primary')] : [])].join(' · ');
  lines.push(`${t(locale, 'status')}: ${escape(status)}`);
  const roles: [MessageKey, string | undefined][] = [['organizer', meeting.organizer?.name], ['chair', meeting.chair?.name], ['place', meeting.place?.name]];
  for (const [key, name] of roles) if (name) lines.push('', `${t(locale, key)}: ${escape(name)}`);
  return lines.join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A province's own Steering Committee 35: the Vietnamese name first, a link to the central body, the English gloss after. */
function provinceBodyMarkdown(province: string, id: string, central: CatalogEntry | undefined, locale: Locale, englishGloss: boolean): string {
  const lines = [`**${escape(t('vi', 'provinceSteering35', { province }))}**`, ''];
  if (central) {
    const related = central.kind === 'cơ quan' ? '' : ` (${t(locale, 'related')}: ${escape(headline(central))})`;
    lines.push(`${t(locale, 'mirrors')}: [Ban Chỉ đạo 35 Trung ương](${central.source.url})${related}`, '');
  }
  if (englishGloss || locale === 'en') lines.push(`_${escape(t('en', 'provinceSteering35', { province }))}_`, '');
  lines.push(`\`${id}\` — ${t(locale, 'noCatalogEntry')}`);
  return lines.join('\n');
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
