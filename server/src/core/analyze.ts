import { findArticleFacts, type ArticleFacts } from './article/facts';
import { Catalog } from './references/catalog';
import { articleFamily } from './references/context';
import { findMentions, type Mention } from './references/find';
import { ResolutionMemo, resolveMentionsSteps, type ResolvedMention } from './references/resolve';
import { findMeetingsSteps, MAX_MEETING_LINES, type Meeting } from './meetings/extract';
import { SentenceList } from './meetings/sentences';
import { plenumYearFrom, withYearHints, yearContextOf, type YearHints } from './dates/article-years';
import type { YearContext } from './dates/year';
import { REFERENCE_RULES, RULES } from './rules/registry';
import { renderMessage } from './rules/messages';
import type { RecurrenceThreshold, RuleContext, RuleFinding, RuleInfo } from './rules/rule';
import { ArticleText, unchangedLines } from './text/article-text';
import { runToEnd } from './steps';
import type { RecurrenceIndex } from './corpus/line-frequency';
import type { SiteChromeLookup } from './corpus/site-chrome-lookup';
import { compileUserPhrases } from './rules/boilerplate/user-patterns';
import { findArticleZone } from './rules/boilerplate/article-zone';
import { AnalysisCancelled, neverCancelled, silentLogger, type CancellationCheck, type Finding, type Locale, type Logger, type Severity, type Span, type Tier } from './types';

/** How many lines the slow phases handle between two yields: a few milliseconds' work on long lines. */
const LINES_PER_STEP = 2_000;

/** Everything analysis depends on besides the text. */
export interface AnalysisOptions {
  readonly locale: Locale;
  /** Severity per rule id; absent ids keep their default. */
  readonly severities: Readonly<Record<string, Severity>>;
  readonly extraPhrases: readonly string[];
  readonly allowedLines: ReadonlySet<string>;
  readonly catalog: Catalog;
  /** Line frequencies over the corpus, when indexed. */
  readonly recurrence?: RecurrenceIndex;
  readonly recurrenceThreshold?: RecurrenceThreshold;
  /** Site profiles of the corpus, for the site-chrome rule. */
  readonly siteChrome?: SiteChromeLookup;
  /** The document's path or URI, to leave it out of "also in" examples. */
  readonly path?: string;
  /** Evidence about the article's year from outside its text: the corpus period, neighbouring files. */
  readonly years?: YearHints;
}

/** Default options: English, built-in rules, empty catalog. */
export const defaultAnalysisOptions: AnalysisOptions = {
  locale: 'en', severities: {}, extraPhrases: [], allowedLines: new Set(), catalog: new Catalog(),
};

/** What the rules find in a document, and the article's facts (read outside the lines they mark as debris). */
export interface Findings {
  readonly doc: ArticleText;
  readonly findings: readonly Finding[];
  readonly article: ArticleFacts;
}

/**
 * What an analysis finds before it reads years and meetings: every finding, the article's facts and its references.
 * Nothing in it depends on the year hints, so an adapter can show the findings while the meetings are still read.
 */
export interface FindingsAnalysis extends Findings {
  readonly references: readonly ResolvedMention[];
  /**
   * Results the analysis of the next version may reuse when given this one as `previous`. Not enumerable: it refers to
   * the catalog, so it stays out of copies, JSON and messages between threads.
   */
  readonly reusable?: { readonly resolutions: ResolutionMemo };
}

/** The result of analysing one document. */
export interface Analysis extends FindingsAnalysis {
  readonly meetings: readonly Meeting[];
  /** What the text (and the year hints) say about the article's year. */
  readonly years: YearContext;
}

/**
 * Analyses a document in steps, yielding the name of each finished step so an adapter can interleave other work
 * and stop when the result is no longer wanted. Never throws on any text; a failing rule is logged and skipped.
 * `previous`, an earlier analysis of the same document (or only its `doc`), only saves work: its unchanged lines are
 * not split again, the per-line memos find them at once, and mentions it resolved in the same context keep their
 * resolution; the result is the same.
 */
export function* analyzeSteps(
  text: string, options: AnalysisOptions, cancel: CancellationCheck = neverCancelled, logger: Logger = silentLogger, previous?: ArticleText | FindingsAnalysis,
): Generator<string, Analysis> {
  const found = yield* findingsSteps(text, options, cancel, logger, previous);
  return yield* meetingsStepsAfter(found, options, cancel);
}

/** The first part of `analyzeSteps`: what it finds before years and meetings, the same as the full analysis holds. */
export function* findingsSteps(
  text: string, options: AnalysisOptions, cancel: CancellationCheck = neverCancelled, logger: Logger = silentLogger, previous?: ArticleText | FindingsAnalysis,
): Generator<string, FindingsAnalysis> {
  return yield* findSteps(text, options, cancel, logger, previous, 'all');
}

/**
 * The findings and facts `findingsSteps` gives, for a caller that reads nothing else: of the references, only the
 * mentions a reference rule reads are resolved (most of a document's are not), and none are returned.
 */
export function* ruleFindingsSteps(
  text: string, options: AnalysisOptions, cancel: CancellationCheck = neverCancelled, logger: Logger = silentLogger,
): Generator<string, Findings> {
  const { doc, findings, article } = yield* findSteps(text, options, cancel, logger, undefined, 'read by rules');
  return { doc, findings, article };
}

/** Which mentions an analysis resolves: all of them, or those a reference rule reads. */
type Resolving = 'all' | 'read by rules';

function* findSteps(
  text: string, options: AnalysisOptions, cancel: CancellationCheck, logger: Logger, previous: ArticleText | FindingsAnalysis | undefined, resolving: Resolving,
): Generator<string, FindingsAnalysis> {
  // An edited text often arrives as pieces joined together, which the engine copies into one string when it is first
  // read: on a large document that copy is a step's worth of work of its own, before the text is compared and split.
  text.charCodeAt(0);
  yield 'text joined';
  const previousDoc = previous instanceof ArticleText ? previous : previous?.doc;
  // Comparing a large text with its previous version is a step of its own, before its lines are carried over.
  const unchanged = previousDoc ? unchangedLines(previousDoc, text) : undefined;
  if (previousDoc) yield 'text compared';
  const doc = new ArticleText(text, previousDoc, unchanged);
  yield 'text';
  const user = compileUserPhrases(options.extraPhrases);
  const ctx: RuleContext = {
    doc, locale: options.locale, allowedLines: options.allowedLines,
    extraPhrases: user.literals, extraPatterns: user.patterns,
    ...(options.recurrence ? { recurrence: options.recurrence } : {}),
    recurrenceThreshold: options.recurrenceThreshold ?? { minFiles: 3, minShare: 0.01 },
    ...(options.path ? { path: options.path } : {}),
    ...(options.siteChrome ? { siteChrome: options.siteChrome } : {}),
    isCancelled: () => cancel.isCancelled(),
  };
  // Several rules read where the article is; found once per document, as a step of its own.
  findArticleZone(doc);
  yield 'article zone';
  const findings: Finding[] = [];
  for (const rule of RULES) {
    runRule(rule, options, findings, logger, () => rule.check(ctx));
    if (cancel.isCancelled()) throw new AnalysisCancelled();
    yield rule.id;
  }
  dropFindingsInsideCertainBlocks(findings);
  const debrisLines = debrisLinesOf(doc, findings);
  const article = findArticleFacts(doc, (line) => debrisLines.has(line));
  yield 'article facts';
  const mentions: Mention[] = [];
  for (let from = 0; from < doc.lineCount; from += LINES_PER_STEP) {
    mentions.push(...findMentions(doc, cancel, from, from + LINES_PER_STEP));
    if (cancel.isCancelled()) throw new AnalysisCancelled();
    yield `references from line ${from}`;
  }
  const resolved = resolving === 'all' ? mentions : mentions.filter((m) => REFERENCE_RULES.some((rule) => rule.reads(m)));
  const resolveContext = {
    catalog: options.catalog,
    ...(article.province ? { province: article.province } : {}),
    ...(article.date ? { articleDate: article.date } : {}),
    ...(article.years[0] !== undefined ? { latestYear: article.years[0] } : {}),
    // Read only to resolve: an analysis that resolves no mention does without it.
    ...(resolved.length > 0 || resolving === 'all' ? familyOf(doc) : {}),
    text,
  };
  const resolutions = ResolutionMemo.after(resolveContext, previous instanceof ArticleText ? undefined : previous?.reusable?.resolutions, doc.sameAsPrevious);
  const references = yield* resolveMentionsSteps(resolved, resolveContext, resolutions);
  for (const rule of REFERENCE_RULES) runRule(rule, options, findings, logger, () => rule.check(references));
  if (cancel.isCancelled()) throw new AnalysisCancelled();
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  yield 'resolution';
  return withReusable({ doc, findings, article, references }, { resolutions });
}

/**
 * The second part of `analyzeSteps`: the year context and the meetings of what `findingsSteps` found, read outside
 * the lines its findings mark as debris.
 */
export function* meetingsStepsAfter(found: FindingsAnalysis, options: AnalysisOptions, cancel: CancellationCheck = neverCancelled): Generator<string, Analysis> {
  const { doc, article, references } = found;
  const years = yearContextOf(doc, references, article, options.years);
  yield 'years';
  const meetings = yield* meetingSteps(doc, debrisLinesOf(doc, found.findings), article, years, options, cancel);
  yield 'meetings';
  return withReusable({ doc, findings: found.findings, article, references, meetings, years }, found.reusable);
}

function withReusable<T extends FindingsAnalysis>(analysis: T, reusable: FindingsAnalysis['reusable']): T {
  return reusable ? Object.defineProperty(analysis, 'reusable', { value: reusable, enumerable: false }) : analysis;
}

/**
 * The analysis `analyze(text, options)` gives, from the one made of the same text with the same options but no year
 * hints: only the year context and the meetings read the hints, so rules, facts and references are kept as they are.
 */
export function addYearHints(unhinted: Analysis, options: AnalysisOptions): Analysis {
  const { doc, article } = unhinted;
  const years = withYearHints(unhinted.years, options.years);
  const meetings = runToEnd(meetingSteps(doc, debrisLinesOf(doc, unhinted.findings), article, years, options, neverCancelled));
  return { ...unhinted, years, meetings };
}

const REFERENCE_RULE_IDS: ReadonlySet<string> = new Set(REFERENCE_RULES.map((r) => r.id));

/** The lines a finding above weak of a text rule (not a reference rule) marks as page debris: facts and meetings are not read there. */
function debrisLinesOf(doc: ArticleText, findings: readonly Finding[]): ReadonlySet<number> {
  return new Set(findings.filter((f) => f.tier !== 'weak' && !REFERENCE_RULE_IDS.has(f.ruleId)).map((f) => doc.lines.lineAt(f.span.start)));
}

function* meetingSteps(doc: ArticleText, debrisLines: ReadonlySet<number>, article: ArticleFacts, years: YearContext, options: AnalysisOptions, cancel: CancellationCheck): Generator<string, Meeting[]> {
  const sentences = new SentenceList(doc);
  for (let from = 0; from < Math.min(doc.lineCount, MAX_MEETING_LINES); from += LINES_PER_STEP) {
    sentences.addLines((line) => debrisLines.has(line), from, Math.min(from + LINES_PER_STEP, MAX_MEETING_LINES));
    yield `sentences from line ${from}`;
  }
  return yield* findMeetingsSteps(doc, sentences, { years, plenumYear: plenumYearFrom(options.catalog), ...(article.date ? { articleDate: article.date } : {}) }, cancel);
}

function familyOf(doc: ArticleText): { family?: 'party' | 'state' } {
  const family = articleFamily(doc);
  return family ? { family } : {};
}

/** A test of whether a span lies inside one of the given spans, in O(log n) per test. */
function coveredBy(spans: readonly Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(reach[reach.length - 1] ?? -1, s.end));
  return (span) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? Infinity) <= span.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && (reach[found] ?? -1) >= span.end;
  };
}

/** Runs `analyzeSteps` to the end in one go. */
export function analyze(text: string, options: AnalysisOptions = defaultAnalysisOptions, cancel: CancellationCheck = neverCancelled, logger: Logger = silentLogger): Analysis {
  return runToEnd(analyzeSteps(text, options, cancel, logger));
}

const TIER_RANK: Readonly<Record<Tier, number>> = { weak: 0, probable: 1, certain: 2 };

/**
 * Runs one rule unless the user turned it off, giving its findings the severity in force and never a tier above
 * the rule's own; a rule that throws is logged and skipped.
 */
function runRule(rule: RuleInfo, options: AnalysisOptions, out: Finding[], logger: Logger, check: () => readonly RuleFinding[]): void {
  const severity = options.severities[rule.id] ?? rule.defaultSeverity;
  if (severity === 'off') return;
  try {
    for (const f of check()) {
      if (!rule.messages.includes(f.message.id)) logger.log('warn', `rule ${rule.id} reported message ${f.message.id}, which it does not list`);
      const message = renderMessage(f.message, options.locale);
      if (TIER_RANK[f.tier] <= TIER_RANK[rule.tier]) out.push(toFinding(f, message, severity, f.tier));
      else {
        logger.log('warn', `rule ${rule.id} reported a ${f.tier} finding above its tier ${rule.tier}; lowered`);
        out.push(toFinding(f, message, severity, rule.tier));
      }
    }
  } catch (error) {
    logger.log('error', `rule ${rule.id} failed`, error instanceof Error ? error.stack : error);
  }
}

/** A rule's finding with its message rendered, the severity in force and its tier; built field by field, in one shape. */
function toFinding(f: RuleFinding, message: string, severity: Finding['severity'], tier: Tier): Finding {
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = { ruleId: f.ruleId, span: f.span, message, severity, tier, fixes: f.fixes };
  if (f.unnecessary !== undefined) finding.unnecessary = f.unnecessary;
  if (f.related !== undefined) finding.related = f.related;
  return finding;
}

/**
 * Drops findings that add nothing: a probable or weak finding inside a certain one,
 * and a recurrence finding on a line another rule already explains.
 */
function dropFindingsInsideCertainBlocks(findings: Finding[]): void {
  const covers = coveredBy(findings.filter((f) => f.tier === 'certain').map((f) => f.span));
  const explained = new Set(findings.filter((f) => f.ruleId !== 'boilerplate/recurring-line' && f.tier !== 'weak').map((f) => f.span.start));
  const redundant = (f: Finding): boolean =>
    (f.tier !== 'certain' && covers(f.span)) || (f.ruleId === 'boilerplate/recurring-line' && explained.has(f.span.start));
  const kept = findings.filter((f) => !redundant(f));
  findings.splice(0, findings.length, ...kept);
}
