import * as path from 'node:path';
import { describeReason } from '../../core/i18n/reasons';
import type { ResolvedMention } from '../../core/references/resolve';
import type { Locale } from '../../core/types';
import type { FindingsAnalysis } from '../../core/analyze';
import type { CommandRun } from '../run-context';

/** Prints every reference with its resolution; returns whether any reference was found. */
export async function printRefs(ctx: CommandRun<FindingsAnalysis>): Promise<boolean> {
  const { io, locale } = ctx;
  const analysed = await ctx.all();
  if (ctx.args.format === 'json') {
    io.out(`${JSON.stringify(analysed.map((r) => ({
      uri: r.uri,
      references: r.analysis.references.map((ref) => ({ text: ref.mention.text, type: ref.mention.type, range: r.analysis.doc.lines.toRange(ref.mention.span), resolution: ref.resolution.status, ...describe(ref, locale) })),
    })), null, 2)}\n`);
  } else {
    for (const r of analysed) {
      for (const ref of r.analysis.references) {
        const p = r.analysis.doc.lines.toPosition(ref.mention.span.start);
        const d = describe(ref, locale);
        io.out(`${path.relative(process.cwd(), r.file)}:${p.line + 1}:${p.character + 1}: ${ref.mention.text} → ${d.status}${d.id ? ` ${d.id}` : ''}${d.title ? ` (${d.title})` : ''}${d.status === 'ambiguous' && d.candidates ? ` candidates: ${d.candidates.map((c) => c.id).join(', ')}` : ''}${d.symbol ? ` [${d.symbol}, ${d.symbolBasis ?? ''}]` : ''} (confidence ${d.confidence})${d.reason ? ` (${d.reason})` : ''}\n`);
      }
    }
  }
  return analysed.some((r) => r.analysis.references.length > 0);
}

interface Described {
  status: string;
  confidence: number;
  id?: string;
  title?: string;
  date?: string;
  symbol?: string;
  symbolBasis?: string;
  candidates?: { id: string; title?: string; date?: string }[];
  reason?: string;
  reasonCode?: string;
}

function describe(ref: ResolvedMention, locale: Locale): Described {
  const res = ref.resolution;
  const confidence = Math.round(res.confidence * 100) / 100;
  if (res.status === 'resolved') {
    return { status: 'resolved', confidence, id: res.id, ...(res.entry ? { title: res.entry.title, ...(res.entry.date ? { date: res.entry.date } : {}) } : {}), candidates: [{ id: res.id }] };
  }
  if (res.status === 'ambiguous') {
    return { status: 'ambiguous', confidence, candidates: res.candidates.map((c) => ({ id: c.id, ...(c.entry ? { title: c.entry.title, ...(c.entry.date ? { date: c.entry.date } : {}) } : {}) })) };
  }
  return {
    status: 'unknown', confidence, reason: describeReason(res.reason, locale), reasonCode: res.reason.code, candidates: res.symbol ? [{ id: res.symbol.id }] : [],
    ...(res.symbol ? { symbol: res.symbol.id, symbolBasis: res.symbol.basis } : {}),
  };
}
