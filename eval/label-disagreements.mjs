/**
 * Reads eval/label-disagreements.md: one list item per disputed line, written
 * "- `page.txt` line N (`text`): gold body → boilerplate. Reason…" (0-based line, as in the dev set's labels).
 * The evaluation prints its figures with the labels as given and, separately, with these corrections applied.
 */
import * as fs from 'node:fs';

const ITEM = /^- `([^`]+)` line (\d+) \(`([^`]*)`\): gold (body|boilerplate) → (body|boilerplate)\./u;

/** The disagreements listed in the markdown file, or none when it is missing. */
export function readDisagreements(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => ITEM.exec(l)).filter(Boolean)
    .map((m) => ({ page: m[1], line: Number(m[2]), text: m[3], from: m[4], to: m[5] }));
}

/** Pages with the disputed lines moved to the class the list argues for; a line whose text no longer matches is left alone. */
export function applyDisagreements(pages, disagreements, linesOf) {
  return pages.map((page) => {
    const mine = disagreements.filter((d) => d.page === page.name);
    if (mine.length === 0) return page;
    const lines = linesOf(page);
    const valid = mine.filter((d) => (lines[d.line] ?? '').trim().startsWith(d.text.slice(0, 40)));
    const toBody = new Set(valid.filter((d) => d.to === 'body').map((d) => d.line));
    const toBp = new Set(valid.filter((d) => d.to === 'boilerplate').map((d) => d.line));
    return {
      ...page,
      boilerplate: [...page.boilerplate.filter((l) => !toBody.has(l)), ...toBp].sort((a, b) => a - b),
      body: [...page.body.filter((l) => !toBp.has(l)), ...toBody].sort((a, b) => a - b),
    };
  });
}
