import * as path from 'node:path';
import { yearEvidenceLabel } from '../../core/dates/describe';
import { dateLabel } from '../../core/meetings/dates';
import type { Meeting, Participant } from '../../core/meetings/extract';
import type { LineIndex } from '../../core/text/line-index';
import type { Span } from '../../core/types';
import type { CommandRun } from '../run-context';

/** Prints the article facts and meetings of each file; returns whether any meeting was found. */
export async function printOutline(ctx: CommandRun): Promise<boolean> {
  const { io } = ctx;
  const analysed = await ctx.all();
  if (ctx.args.format === 'json') {
    io.out(`${JSON.stringify(analysed.map((r) => ({
      uri: r.uri,
      article: r.analysis.article,
      meetings: r.analysis.meetings.map((m) => toJson(r.analysis.doc.lines, m)),
    })), null, 2)}\n`);
  } else {
    for (const r of analysed) {
      const a = r.analysis.article;
      io.out(`${path.relative(process.cwd(), r.file)}: ${a.title ?? '(no title)'}${a.date ? ` · ${a.date}` : ''}${a.province ? ` · ${a.province}` : ''}\n`);
      for (const m of r.analysis.meetings) {
        const line = r.analysis.doc.lines.toPosition(m.span.start).line + 1;
        io.out(`  ${m.date ? dateLabel(m.date) : m.year ?? '????'}${m.date?.yearInferred ? '*' : ' '} [${m.status}${m.primary ? ', primary' : ''}] ${m.title} (line ${line})\n`);
        if (m.date?.yearInferred) io.out(`      year: ${yearEvidenceLabel(m.date, 'en')}\n`);
        if (m.organizer) io.out(`      organizer: ${m.organizer.name}\n`);
        if (m.chair) io.out(`      chair: ${m.chair.name}\n`);
        for (const d of m.directedBy) io.out(`      directed by: ${d.name}\n`);
        for (const p of m.attendees) io.out(`      attendee: ${p.name}\n`);
        if (m.place) io.out(`      place: ${m.place.name}\n`);
        if (m.hosts) io.out(`      hosts: ${m.hosts.name}\n`);
      }
    }
  }
  return analysed.some((r) => r.analysis.meetings.length > 0);
}

function toJson(lines: LineIndex, m: Meeting): unknown {
  const range = (span: Span) => lines.toRange(span);
  const person = (p: Participant) => ({ name: p.name, range: range(p.span) });
  return {
    kind: m.kind, title: m.title, status: m.status, range: range(m.span),
    date: m.date ? {
      iso: m.date.iso ?? null, day: m.date.day, month: m.date.month, end: m.date.endIso ?? null, yearInferred: m.date.yearInferred,
      yearEvidence: m.date.evidence ?? null, yearRange: m.date.range ?? null, timeOfDay: m.date.timeOfDay ?? null, range: range(m.date.span),
    } : null,
    organizer: m.organizer ? person(m.organizer) : null,
    chair: m.chair ? person(m.chair) : null,
    directedBy: m.directedBy.map(person),
    attendees: m.attendees.map(person),
    place: m.place ? person(m.place) : null,
    hosts: m.hosts ? person(m.hosts) : null,
    year: m.year ?? null,
    primary: m.primary,
  };
}
