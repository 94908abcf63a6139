/**
 * A number of its own, under which a document keeps values by line (`ArticleText.lineValue` and the like): given on
 * first use, so the few memos documents use number their slots densely.
 */
export class LineSlot {
  private slotIndex: number | undefined;

  get slot(): number {
    this.slotIndex ??= nextSlot++;
    return this.slotIndex;
  }
}

let nextSlot = 0;

/**
 * A bounded memo of a pure function of one line's text. Editing a large document changes few lines, so
 * per-line results (line keys, mentions, credits) are reused across versions; the memo empties itself when full.
 */
export class LineMemo<T> extends LineSlot {
  private readonly values = new Map<string, T>();

  constructor(private readonly compute: (line: string) => T, private readonly capacity = 200_000) {
    super();
  }

  /** The value for a line, computed once while it stays in the memo. */
  get(line: string): T {
    return remembered(this.values, line, this.capacity, this.compute);
  }
}

/**
 * A line's value placed in the document (its spans moved to where the line starts), which a document keeps with the
 * line while the line starts at the same offset (`ArticleText.placedValue`): an edit leaves the lines before it where
 * they were, and their placed values the very same objects.
 */
export class PlacedSlot extends LineSlot {}

/**
 * A bounded memo of a function of one line's key and of what the line does not show (the corpus index, the
 * document's path): `owner` and `stamp` name that context and must change whenever the function may answer
 * otherwise. Values of one context only are kept; a document keeps each line's value with the context it was found
 * in (`ArticleText.contextValue`).
 */
export class ContextMemo<T> extends LineSlot {
  private readonly values = new Map<string, T>();
  private owner: object | undefined;
  private stamp: string | undefined;

  constructor(private readonly capacity = 200_000) {
    super();
  }

  /** The value for a key in this context, computed once while the context lasts and the key stays in the memo. */
  get(key: string, owner: object, stamp: string, compute: (key: string) => T): T {
    if (owner !== this.owner || stamp !== this.stamp) {
      this.values.clear();
      this.owner = owner;
      this.stamp = stamp;
    }
    return remembered(this.values, key, this.capacity, compute);
  }
}

/** The value `values` holds for a line, else computed and kept; the map empties itself when full. */
function remembered<T>(values: Map<string, T>, line: string, capacity: number, compute: (line: string) => T): T {
  let value = values.get(line);
  if (value === undefined && !values.has(line)) {
    // A line sliced from a document keeps the whole document alive; the memo keeps its own copy instead.
    const own = intern(line);
    value = compute(own);
    if (values.size >= Math.min(capacity, linesKept)) values.clear();
    values.set(own, value);
  }
  return value as T;
}

let linesKept = Number.POSITIVE_INFINITY;

/**
 * Caps every memo, and the table of shared lines, at this many lines. An editor re-reads a large document's lines
 * edit after edit and keeps the defaults; a run over many small files meets most lines once, where a small memo
 * keeps the lines that recur (site chrome) at a fraction of the memory.
 */
export function limitLineMemos(lines: number): void {
  linesKept = lines;
}

const interned = new Map<string, string>();
const INTERNED_LINES = 200_000;

/**
 * One shared copy of each line text, owning its memory. Documents hold their lines as these copies and the memos
 * key on them, so a lookup finds its key by identity instead of comparing the whole line.
 */
export function intern(line: string): string {
  return shared(line, ownCopy);
}

/**
 * `intern` of a string made from one line (folded, trimmed): it may share memory with that line's own copies, never
 * with a whole document, so it is kept as it is rather than copied.
 */
export function internMadeFromLine(text: string): string {
  return shared(text, (own) => own);
}

/** The table's copy of `text`, else `own(text)`, added to the table, which empties itself when full. */
function shared(text: string, own: (text: string) => string): string {
  let copy = interned.get(text);
  if (copy === undefined) {
    copy = own(text);
    if (interned.size >= Math.min(INTERNED_LINES, linesKept)) interned.clear();
    interned.set(copy, copy);
  }
  return copy;
}

/** A copy of a string that shares no memory with the text it was cut from. */
function ownCopy(text: string): string {
  // Concatenating then slicing makes the engine flatten into a fresh string; the result refers only to that.
  return ` ${text}`.slice(1);
}
