/**
 * Flags later verbatim copies of a line in the same file; the first copy is kept.
 * Scrapers repeat sapos, captions and widget lines. A repeated paragraph may still be the writer's,
 * so this is probable: each copy (or run of copied lines) has its own fix, and fix-all leaves it alone.
 * Inside the article (`article-zone.ts`) a copy is only a hint: a caption label used twice or a sapo quoted
 * again in the body is text, so it is never flagged as debris there.
 */
import { label, msg } from '../messages';
import type { Tier } from '../../types';
import type { Rule, RuleContext, RuleFinding } from '../rule';
import { findArticleZone } from './article-zone';
import { isBylineLine } from './line-shapes';
import { blockFinding } from './whole-line';

const MAX_COMPARED = 2000;

/** Later copies of lines that already appeared in the file; consecutive copies form one finding. */
export const duplicateLineRule: Rule = {
  id: 'boilerplate/duplicate-line',
  description: { en: 'A later verbatim copy of a line that already appeared in the file.', vi: 'Bản lặp nguyên văn của một dòng đã xuất hiện trước đó trong tệp.' },
  tier: 'probable',
  defaultSeverity: 'info',
  messages: ['duplicate-line'],
  check(ctx: RuleContext): RuleFinding[] {
    const runs = findRepeatedRuns(ctx);
    const title = label('remove-repeat', ctx.locale);
    const zone = findArticleZone(ctx.doc);
    // Inside the article a repeat may be the writer's (a label used twice, the sapo quoted again): a hint only.
    const tierOf = (run: Run): Tier => (zone && run.first >= zone.first && run.last <= zone.last ? 'weak' : 'probable');
    return runs.map((run) => {
      const tier = tierOf(run);
      const message = msg('duplicate-line', { lines: run.first === run.last ? 1 : run.count, original: run.original + 1, insideArticle: tier === 'weak' });
      return blockFinding(ctx, this.id, tier, run, message, title);
    });
  },
};

interface Run {
  first: number;
  last: number;
  count: number;
  readonly original: number;
}

/** Runs of repeated non-blank lines (blank lines inside a run are allowed), each with where its first line appeared. */
function findRepeatedRuns(ctx: RuleContext): Run[] {
  const firstSeen = new Map<string, number>();
  const runs: Run[] = [];
  let current: Run | undefined;
  for (let line = 0; line < ctx.doc.lineCount; line++) {
    if ((line & 4095) === 4095 && ctx.isCancelled()) break;
    if (ctx.doc.isBlank(line)) continue;
    const info = ctx.doc.line(line);
    // Very long lines are paragraphs of their own; comparing them costs more than the rare repeat is worth.
    const raw = info.end - info.start > MAX_COMPARED ? '' : ctx.doc.lineText(line);
    const first = raw.indexOf(' ') < 0 ? undefined : firstSeen.get(raw);
    if (first === undefined) {
      if (raw.indexOf(' ') >= 0) firstSeen.set(raw, line);
      current = undefined;
      continue;
    }
    // Verbatim means the raw line; the folded key is only needed once a repeat is found.
    if (ctx.allowedLines.has(ctx.doc.lineKey(line)) || isBylineLine(ctx.doc, line)) {
      current = undefined;
      continue;
    }
    if (current) {
      current.last = line;
      current.count++;
    } else {
      current = { first: line, last: line, count: 1, original: first };
      runs.push(current);
    }
  }
  return runs;
}
