/**
 * What `vn-corpus clean` says about one article, as plain JSON-ready data: the cleaned text, every removed span
 * with the rule that removed it, every finding the editor would show, and the article's facts, meetings and
 * references. Offsets are UTF-16 code units into the text as received and lines count from 0, as in LSP.
 */
import type { Analysis } from '../analyze';
import { fixAllEdits } from '../fix-all';
import type { CatalogEntry } from '../references/catalog';
import type { Resolution } from '../references/resolve';
import { applyEdits, mergeEdits } from '../text/line-edits';
import type { Edit, Finding, Tier } from '../types';

/** The tiers removed when a clean run asks for `tier` and everything surer. */
export function tiersUpTo(tier: Tier): ReadonlySet<Tier> {
  return new Set<Tier>(tier === 'certain' ? ['certain'] : tier === 'probable' ? ['certain', 'probable'] : ['certain', 'probable', 'weak']);
}

/** One removed span of the original text and the finding that removed it. */
export interface RemovedSpan {
  readonly line: number;
  /** Whole lines the span takes away (a span inside a line takes none). */
  readonly lines: number;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly tier: Tier;
  readonly text: string;
  /** Present when the span was replaced rather than deleted. */
  readonly newText?: string;
}

/** A finding as the editor shows it: rule id (the diagnostic's code), severity, tier, place and message. */
export interface FindingRecord {
  readonly rule: string;
  readonly severity: Finding['severity'];
  readonly tier: Tier;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly unnecessary?: true;
  readonly related?: Finding['related'];
}

/** The cleaned article and its audit trail. */
export interface CleanRecord {
  readonly text: string;
  readonly removed: readonly RemovedSpan[];
  readonly findings: readonly FindingRecord[];
  readonly meta: CleanMeta;
}

/** The article's facts, meetings and references, as the outline and hovers show them. */
export interface CleanMeta {
  readonly title?: string;
  readonly titleLine?: number;
  readonly date?: string;
  /** The date line the date was read from: its number and its text. */
  readonly dateEvidence?: { readonly line: number; readonly text: string };
  readonly years: readonly number[];
  readonly province?: string;
  readonly provinceEvidence?: string;
  readonly meetings: Analysis['meetings'];
  readonly references: readonly unknown[];
}

/** Maps an analysis to its clean record, removing the preferred fixes of boilerplate findings of the given tiers. */
export function toCleanRecord(analysis: Analysis, tiers: ReadonlySet<Tier> = tiersUpTo('certain')): CleanRecord {
  const edits = tiers.size === 1 && tiers.has('certain') ? fixAllEdits(analysis) : editsOfTiers(analysis, tiers);
  return {
    text: applyEdits(analysis.doc.text, edits),
    removed: toRemovedSpans(analysis, edits, tiers),
    findings: analysis.findings.map((f) => toFindingRecord(analysis, f)),
    meta: toMeta(analysis),
  };
}

function editsOfTiers(analysis: Analysis, tiers: ReadonlySet<Tier>): Edit[] {
  return mergeEdits(contributions(analysis, tiers).map((c) => c.edit));
}

interface Contribution {
  readonly finding: Finding;
  readonly edit: Edit;
}

/** The preferred fix's edits of every boilerplate finding of the tiers, with the finding each comes from. */
function contributions(analysis: Analysis, tiers: ReadonlySet<Tier>): Contribution[] {
  return analysis.findings
    .filter((f) => tiers.has(f.tier) && f.ruleId.startsWith('boilerplate/'))
    .flatMap((finding) => ((finding.fixes.find((x) => x.preferred) ?? finding.fixes[0])?.edits ?? []).map((edit) => ({ finding, edit })));
}

/**
 * One entry per applied edit, named after the widest finding edit inside it, so the entries never overlap and
 * removing them from the original gives the cleaned text.
 */
function toRemovedSpans(analysis: Analysis, edits: readonly Edit[], tiers: ReadonlySet<Tier>): RemovedSpan[] {
  const parts = contributions(analysis, tiers);
  const doc = analysis.doc;
  return edits.map((edit) => {
    const inside = parts.filter((p) => p.edit.span.start >= edit.span.start && p.edit.span.end <= edit.span.end);
    const widest = inside.reduce<Contribution | undefined>((best, p) => (!best || p.edit.span.end - p.edit.span.start > best.edit.span.end - best.edit.span.start ? p : best), undefined);
    const finding = widest?.finding;
    return {
      line: doc.lines.lineAt(finding ? finding.span.start : edit.span.start),
      lines: wholeLinesIn(analysis, edit),
      start: edit.span.start,
      end: edit.span.end,
      rule: finding?.ruleId ?? 'boilerplate/unknown',
      tier: finding?.tier ?? 'certain',
      text: doc.text.slice(edit.span.start, edit.span.end),
      ...(edit.newText !== '' ? { newText: edit.newText } : {}),
    };
  });
}

/** How many lines lie wholly inside a deletion (with their break, or the last line with the break before it). */
function wholeLinesIn(analysis: Analysis, edit: Edit): number {
  if (edit.newText !== '') return 0;
  const lines = analysis.doc.lines;
  let count = 0;
  for (let line = lines.lineAt(edit.span.start); line < lines.lineCount; line++) {
    const info = lines.line(line);
    if (info.start >= edit.span.end) break;
    if (info.start >= edit.span.start && info.endWithBreak <= edit.span.end) count++;
  }
  return count;
}

function toFindingRecord(analysis: Analysis, f: Finding): FindingRecord {
  return {
    rule: f.ruleId, severity: f.severity, tier: f.tier,
    line: analysis.doc.lines.lineAt(f.span.start), start: f.span.start, end: f.span.end, message: f.message,
    ...(f.unnecessary ? { unnecessary: true as const } : {}),
    ...(f.related && f.related.length > 0 ? { related: f.related } : {}),
  };
}

function toMeta(analysis: Analysis): CleanMeta {
  const a = analysis.article;
  return {
    ...(a.title !== undefined ? { title: a.title, ...(a.titleLine !== undefined ? { titleLine: a.titleLine } : {}) } : {}),
    ...(a.date !== undefined ? { date: a.date } : {}),
    ...(a.dateLine !== undefined ? { dateEvidence: { line: a.dateLine, text: analysis.doc.lineText(a.dateLine).trim() } } : {}),
    years: a.years,
    ...(a.province !== undefined ? { province: a.province, ...(a.provinceEvidence !== undefined ? { provinceEvidence: a.provinceEvidence } : {}) } : {}),
    meetings: analysis.meetings,
    references: analysis.references.map((r) => ({ ...r.mention, line: analysis.doc.lines.lineAt(r.mention.span.start), resolution: toResolutionRecord(r.resolution) })),
  };
}

/** A resolution with catalog entries cut to what a hover shows; the full entry is in the catalog under `id`. */
function toResolutionRecord(resolution: Resolution): unknown {
  if (resolution.status === 'resolved') {
    return { status: 'resolved', id: resolution.id, confidence: resolution.confidence, ...(resolution.province ? { province: resolution.province } : {}), ...(resolution.entry ? { entry: toEntrySummary(resolution.entry) } : {}) };
  }
  if (resolution.status === 'ambiguous') {
    return { status: 'ambiguous', confidence: resolution.confidence, candidates: resolution.candidates.map((c) => (c.entry ? toEntrySummary(c.entry) : { id: c.id })) };
  }
  return { status: 'unknown', reason: resolution.reason, confidence: resolution.confidence };
}

function toEntrySummary(e: CatalogEntry): Readonly<Record<string, unknown>> {
  return {
    id: e.id, kind: e.kind, title: e.title,
    ...(e.symbol !== undefined ? { symbol: e.symbol } : {}),
    ...(e.date !== undefined ? { date: e.date } : {}),
    ...(e.issuer !== undefined ? { issuer: e.issuer } : {}),
    source: e.source.url,
  };
}
