/** Reading people and groups as articles name them: "đồng chí Lò Minh Hùng, Phó Bí thư Thường trực Tỉnh ủy". */

const HONORIFIC = /^(?:đồng chí|ông|bà)\s+/iu;
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
// Lower-case words that belong inside titles ("Bí thư", "Ủy viên", "Thường trực", "Ban Thường vụ").
const TITLE_WORDS = new Set(['thư', 'viên', 'ủy', 'trực', 'vụ', 'tịch', 'đốc', 'lý', 'trưởng', 'phó', 'ban', 'tỉnh', 'huyện', 'thành', 'phố', 'đảng', 'chính', 'trị', 'hội', 'đồng', 'nhân', 'dân', 'tổ', 'chức', 'giáo', 'đạo', 'tuyên', 'kiểm', 'tra', 'của', 'và', 'các', 'ương', 'thường', 'quốc', 'phòng', 'an', 'ninh', 'mặt', 'trận', 'tư', 'pháp', 'sở', 'bộ', 'trung', 'hđnd', 'ubnd', 'btv', 'ký', 'nhiệm', 'văn', 'nước', 'tướng', 'kinh', 'tế', 'tài', 'ngân', 'sách', 'khoa', 'học', 'công', 'nghệ', 'môi', 'trường', 'dục', 'hóa', 'hoá', 'thể', 'thao', 'du', 'lịch', 'ngoại', 'giao', 'thông', 'vận', 'tải', 'xây', 'dựng', 'lao', 'động', 'thương', 'binh', 'xã', 'nội', 'vụ', 'cán', 'sự', 'đoàn']);

/** A person (or group) as read from the text: the name, the titles after it, and where it ends. */
export interface PersonPhrase {
  readonly name: string;
  readonly titles: readonly string[];
  /** Offset (in the text read) where the phrase starts and ends. */
  readonly start: number;
  readonly end: number;
}

/** The name and titles as one line, the way the article gives them. */
export function personLabel(p: PersonPhrase): string {
  return [p.name, ...p.titles].join(', ');
}

/** Reads "đồng chí A B C, title, title" starting at `from`; undefined when no capitalised name starts there. */
export function readPerson(text: string, from: number): PersonPhrase | undefined {
  let at = from;
  while (text[at] === ' ') at++;
  const honorific = HONORIFIC.exec(text.slice(at));
  if (honorific) at += honorific[0].length;
  const nameStart = at;
  let count = 0;
  let end = at;
  for (const w of wordsFrom(text, at)) {
    if (!NAME_WORD.test(w.word) || count >= 5) break;
    count++;
    end = w.end;
  }
  if (count < 2) return undefined;
  const nameEnd = end;
  const titles: string[] = [];
  let cursor = end;
  for (;;) {
    const comma = /^\s*,\s*/u.exec(text.slice(cursor));
    if (!comma) break;
    const title = readTitle(text, cursor + comma[0].length);
    if (!title) break;
    titles.push(title.text);
    cursor = title.end;
    end = title.end;
    if (title.truncated) break;
  }
  return { name: text.slice(nameStart, nameEnd), titles, start: from, end };
}

/** Reads a title ("Phó Bí thư Thường trực Tỉnh ủy"): it starts with a capital; lower-case words must be title words. */
function readTitle(text: string, from: number): { text: string; end: number; truncated: boolean } | undefined {
  let end = from;
  let count = 0;
  let truncated = false;
  for (const w of wordsFrom(text, from)) {
    const isCapital = /^[\p{Lu}\d(]/u.test(w.word);
    if (count === 0 && !isCapital) return undefined;
    if (!isCapital && !TITLE_WORDS.has(w.word.toLowerCase().replace(/[()]/gu, ''))) {
      truncated = true;
      break;
    }
    // A capitalised word after a lower-case run of the sentence means the title is over.
    count++;
    end = w.end;
    if (/[.;:]$/u.test(w.raw)) {
      truncated = true;
      break;
    }
  }
  if (count === 0) return undefined;
  const raw = text.slice(from, end).replace(/[.;:]$/u, '');
  return { text: raw.trim(), end: from + raw.trimEnd().length, truncated };
}

interface Word {
  readonly word: string;
  readonly raw: string;
  readonly end: number;
}

function* wordsFrom(text: string, from: number): Generator<Word> {
  const re = /[^\s,]+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const between = text.slice(from, m.index);
    if (/[,]/u.test(between) || /\n/u.test(between)) return;
    yield { word: m[0].replace(/[.;:!?"”“]+$/u, ''), raw: m[0], end: m.index + m[0].replace(/[!?"”“]+$/u, '').length };
    from = m.index + m[0].length;
  }
}

/** The person named right before `end` (e.g. before "chủ trì"), looking back to an honorific or the clause start. */
export function readPersonBefore(text: string, clauseStart: number, end: number): PersonPhrase | undefined {
  const window = text.slice(clauseStart, end);
  const honorifics = [...window.matchAll(/(?:^|[\s,])((?:đồng chí|ông|bà)\s+\p{Lu})/giu)];
  const last = honorifics[honorifics.length - 1];
  const starts = last ? [clauseStart + (last.index ?? 0) + last[0].indexOf(last[1] ?? '')] : [];
  const firstCapital = /\p{Lu}/u.exec(window);
  if (firstCapital) starts.push(clauseStart + firstCapital.index);
  for (const start of starts) {
    const person = readPerson(text.slice(0, end), start);
    if (person && person.end >= end - 2) return person;
  }
  return undefined;
}
