import { label, type MessageRef } from '../messages';
import { deleteLines, lineSpan } from '../../text/line-edits';
import type { RelatedPlace, Tier } from '../../types';
import type { RuleContext, RuleFinding } from '../rule';

/** Boilerplate lines are short; longer lines are article text and are never matched whole. */
export const MAX_BOILERPLATE_LINE = 200;

/** A finding that covers a whole line, with a fix that deletes it. */
export function wholeLineFinding(
  ctx: RuleContext,
  ruleId: string,
  tier: Tier,
  line: number,
  message: MessageRef,
  related?: readonly RelatedPlace[],
): RuleFinding {
  return blockFinding(ctx, ruleId, tier, { first: line, last: line }, message, label('remove-line', ctx.locale), related);
}

/** A finding that covers lines `first` to `last` whole, with a fix that deletes them; certain ones are dimmed. */
export function blockFinding(
  ctx: RuleContext,
  ruleId: string,
  tier: Tier,
  lines: { readonly first: number; readonly last: number },
  message: MessageRef,
  fixTitle: string,
  related?: readonly RelatedPlace[],
): RuleFinding {
  const finding: { -readonly [K in keyof RuleFinding]: RuleFinding[K] } = {
    ruleId,
    span: { start: lineSpan(ctx.doc, lines.first).start, end: lineSpan(ctx.doc, lines.last).end },
    message,
    tier,
    unnecessary: tier === 'certain',
    fixes: [{ title: fixTitle, edits: [deleteLines(ctx.doc, lines.first, lines.last)], preferred: true }],
  };
  if (related) finding.related = related;
  return finding;
}

/** Calls `visit` for each non-blank line short enough to be boilerplate and not kept by the user. */
export function forEachCandidateLine(ctx: RuleContext, visit: (line: number, key: string) => void): void {
  const candidates = candidateLines(ctx);
  if (!candidates) return;
  for (let i = 0; i < candidates.lines.length; i++) visit(candidates.lines[i] as number, candidates.keys[i] as string);
}

interface CandidateLines {
  readonly lines: readonly number[];
  readonly keys: readonly string[];
}

/** Every whole-line rule of one analysis reads the same candidates: they are found once per rule context. */
const candidatesByContext = new WeakMap<RuleContext, CandidateLines>();

/** The candidate lines of the context's document with their keys, or undefined when the analysis was cancelled. */
function candidateLines(ctx: RuleContext): CandidateLines | undefined {
  const known = candidatesByContext.get(ctx);
  if (known) return known;
  const lines: number[] = [];
  const keys: string[] = [];
  for (let line = 0; line < ctx.doc.lineCount; line++) {
    if ((line & 4095) === 4095 && ctx.isCancelled()) return undefined;
    const info = ctx.doc.line(line);
    if (info.end - info.start > MAX_BOILERPLATE_LINE * 2) continue;
    const key = ctx.doc.lineKey(line);
    if (key === '' || key.length > MAX_BOILERPLATE_LINE || ctx.allowedLines.has(key)) continue;
    lines.push(line);
    keys.push(key);
  }
  const found = { lines, keys };
  candidatesByContext.set(ctx, found);
  return found;
}
