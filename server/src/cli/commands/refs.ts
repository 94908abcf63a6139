import * as path from 'node:path';
import { describeReason } from '../../core/i18n/reasons';
import type { ResolvedMention } from '../../core/references/resolve';
import type { Locale } from '../../core/types';
import type { CommandRun } from '../run-context';

/** Prints every reference with its resolution; returns whether any reference was found. */
export async function printRefs(ctx: CommandRun): Promise<boolean> {
  const { io, locale } = ctx;
  const analysed = await ctx.all();
  if (ctx.args.format === 'json') {
    io.out(`${JSON.stringify(analysed.map((r) => ({
      uri: r.uri,
      references: r.analysis.references.map((ref) => ({ text: ref.mention.text, type: ref.mention.type, range: r.analysis.doc.lines.toRange(ref.mention.span), ...describe(ref, locale) })),
    })), null, 2)}\n`);
  } else {
    for (const r of analysed) {
      for (const ref of r.analysis.references) {
        const p = r.analysis.doc.lines.toPosition(ref.mention.span.start);
        const d = describe(ref, locale);
        io.out(`${path.relative(process.cwd(), r.file)}:${p.line + 1}:${p.character + 1}: ${ref.mention.text} → ${d.status}${d.id ? ` ${d.id}` : ''}${d.title ? ` (${d.title})` : ''}${d.candidates ? ` candidates: ${d.candidates.join(', ')}` : ''}${d.reason ? ` (${d.reason})` : ''}\n`);
      }
    }
  }
  return analysed.some((r) => r.analysis.references.length > 0);
}

function describe(ref: ResolvedMention, locale: Locale): { status: string; id?: string; title?: string; date?: string; candidates?: string[]; reason?: string; reasonCode?: string } {
  const res = ref.resolution;
  if (res.status === 'resolved') return { status: 'resolved', id: res.id, ...(res.entry ? { title: res.entry.title, ...(res.entry.date ? { date: res.entry.date } : {}) } : {}) };
  if (res.status === 'ambiguous') return { status: 'ambiguous', candidates: res.candidates.map((c) => c.id) };
  return { status: 'unknown', reason: describeReason(res.reason, locale), reasonCode: res.reason.code };
}
