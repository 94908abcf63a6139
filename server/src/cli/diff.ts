/** A unified diff of two texts, line by line, with three lines of context. */
export function unifiedDiff(name: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = diffLines(a, b);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  const CONTEXT = 3;
  let i = 0;
  while (i < ops.length) {
    if (ops[i]?.op === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next]?.op === ' ') next++;
      if (next >= ops.length || next - end > CONTEXT * 2) break;
      end = next + 1;
      while (end < ops.length && ops[end]?.op !== ' ') end++;
    }
    end = Math.min(ops.length, end + CONTEXT);
    const hunk = ops.slice(start, end);
    const first = hunk[0];
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${(first?.a ?? 0) + 1},${aLen} +${(first?.b ?? 0) + 1},${bLen} @@`);
    for (const o of hunk) out.push(`${o.op}${o.text}`);
    i = end;
    start = end;
  }
  return `${out.join('\n')}\n`;
}

interface Op {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
  readonly a: number;
  readonly b: number;
}

/** Line diff for deletions-mostly edits: walks both sides, treating lines missing from `b` as removed. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ op: ' ', text: a[i] ?? '', a: i, b: j });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || b.indexOf(a[i] ?? '', j) === -1 || a.indexOf(b[j] ?? '', i) !== -1)) {
      ops.push({ op: '-', text: a[i] ?? '', a: i, b: j });
      i++;
    } else {
      ops.push({ op: '+', text: b[j] ?? '', a: i, b: j });
      j++;
    }
  }
  return ops;
}
