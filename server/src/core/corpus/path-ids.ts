/**
 * The number of each path of a list, found through a table of numbers in a typed array (open addressing over a
 * hash of the path): four bytes a slot, where a `Map` from path strings takes tens of bytes an entry.
 */
export class PathIds {
  private slots = new Int32Array(INITIAL_SLOTS).fill(-1);
  private used = 0;

  /** `pathOf(id)` gives the path numbered `id` while it is in the table. */
  constructor(private readonly pathOf: (id: number) => string | undefined) {}

  /** Number of paths in the table. */
  get size(): number {
    return this.used;
  }

  /** The number of the path, or -1. */
  get(path: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashPath(path) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] ?? -1;
      if (id < 0 || this.pathOf(id) === path) return id;
    }
  }

  /** Adds a path not in the table, numbered `id` (which `pathOf` already answers). */
  add(path: string, id: number): void {
    if ((this.used + 1) * 10 > this.slots.length * 7) this.grow();
    const mask = this.slots.length - 1;
    let slot = hashPath(path) & mask;
    while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
    this.used++;
  }

  /** Removes a path (while `pathOf` still answers for it); moves later entries of its probe run back. */
  delete(path: string): void {
    const mask = this.slots.length - 1;
    let hole = hashPath(path) & mask;
    for (; ; hole = (hole + 1) & mask) {
      const id = this.slots[hole] ?? -1;
      if (id < 0) return;
      if (this.pathOf(id) === path) break;
    }
    for (let next = (hole + 1) & mask; (this.slots[next] ?? -1) >= 0; next = (next + 1) & mask) {
      const id = this.slots[next] ?? -1;
      const home = hashPath(this.pathOf(id) ?? '') & mask;
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        this.slots[hole] = id;
        hole = next;
      }
    }
    this.slots[hole] = -1;
    this.used--;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (const id of old) {
      if (id < 0) continue;
      let slot = hashPath(this.pathOf(id) ?? '') & mask;
      while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

const INITIAL_SLOTS = 64;

/** 32-bit FNV-1a over the path's UTF-16 code units. */
function hashPath(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
