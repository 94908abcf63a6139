/**
 * A count per 32-bit line hash, with the first file id that holds it, in flat typed arrays (open addressing, linear
 * probing): a few bytes per distinct line, where a `Map` entry takes tens, so a million files' lines stay small.
 */
export class HashCounts {
  private keys = new Uint32Array(INITIAL_SLOTS);
  /** Zero marks an empty slot: a hash that is counted is held by one file at least. */
  private counts = new Uint32Array(INITIAL_SLOTS);
  private firsts = new Int32Array(INITIAL_SLOTS);
  private used = 0;

  /** Number of distinct hashes counted. */
  get size(): number {
    return this.used;
  }

  /** How many files hold the hash. */
  countOf(hash: number): number {
    const slot = this.slotOf(hash);
    return slot < 0 ? 0 : (this.counts[slot] ?? 0);
  }

  /** The file id kept for the hash, or -1. */
  firstOf(hash: number): number {
    const slot = this.slotOf(hash);
    return slot < 0 ? -1 : (this.firsts[slot] ?? -1);
  }

  /** Sets the file id kept for a counted hash (-1 for none). */
  setFirst(hash: number, file: number): void {
    const slot = this.slotOf(hash);
    if (slot >= 0) this.firsts[slot] = file;
  }

  /** Counts one more file holding the hash; returns the new count. A new hash keeps `file` as its first. */
  increment(hash: number, file: number): number {
    if ((this.used + 1) * 10 > this.keys.length * 7) this.grow();
    const mask = this.keys.length - 1;
    let slot = mix(hash) & mask;
    for (;;) {
      const count = this.counts[slot] ?? 0;
      if (count === 0) {
        this.keys[slot] = hash;
        this.counts[slot] = 1;
        this.firsts[slot] = file;
        this.used++;
        return 1;
      }
      if (this.keys[slot] === hash) {
        this.counts[slot] = count + 1;
        return count + 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Counts one file fewer holding the hash, forgetting it at zero; returns the new count. */
  decrement(hash: number): number {
    const slot = this.slotOf(hash);
    if (slot < 0) return 0;
    const count = (this.counts[slot] ?? 1) - 1;
    if (count > 0) {
      this.counts[slot] = count;
      return count;
    }
    this.remove(slot);
    return 0;
  }

  private slotOf(hash: number): number {
    const mask = this.keys.length - 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      if ((this.counts[slot] ?? 0) === 0) return -1;
      if (this.keys[slot] === hash) return slot;
    }
  }

  /** Empties a slot and moves later entries of its probe run back, so every lookup still finds its hash. */
  private remove(slot: number): void {
    const mask = this.keys.length - 1;
    let hole = slot;
    for (let next = (hole + 1) & mask; (this.counts[next] ?? 0) !== 0; next = (next + 1) & mask) {
      const home = mix(this.keys[next] ?? 0) & mask;
      // The entry at `next` may fill the hole only if its home is not between the hole and it (cyclically).
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        this.keys[hole] = this.keys[next] ?? 0;
        this.counts[hole] = this.counts[next] ?? 0;
        this.firsts[hole] = this.firsts[next] ?? -1;
        hole = next;
      }
    }
    this.counts[hole] = 0;
    this.used--;
  }

  private grow(): void {
    const { keys, counts, firsts } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.firsts = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const count = counts[i] ?? 0;
      if (count === 0) continue;
      const hash = keys[i] ?? 0;
      let slot = mix(hash) & mask;
      while ((this.counts[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = hash;
      this.counts[slot] = count;
      this.firsts[slot] = firsts[i] ?? -1;
    }
  }
}

const INITIAL_SLOTS = 1024;

/** Spreads a hash's bits over the low ones the table's slots are taken from. */
function mix(hash: number): number {
  const h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
