const VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** Reads a Roman (`xiii`) or Arabic (`13`) ordinal; undefined when it is neither. */
export function toOrdinal(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}$/u.test(t)) return Number(t);
  if (!/^[ivxlc]+$/u.test(t)) return undefined;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = VALUES[t[i] ?? ''] ?? 0;
    const next = VALUES[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : undefined;
}

/** Writes an ordinal in upper-case Roman numerals (1–399). */
export function toRoman(n: number): string {
  const parts: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = n;
  let out = '';
  for (const [value, letters] of parts) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
