import { hashKey, type LineFrequencyIndex, type RecurrenceIndex } from '../core/corpus/line-frequency';

/** Sample files kept per line hash, as the line-frequency index keeps them. */
const SAMPLES_KEPT = 4;

/**
 * A line-frequency index packed into shared memory, so every analysis worker reads one copy: line hashes sorted,
 * their counts, up to four sample files each (as indices into the sample paths), and those paths as UTF-8.
 */
export interface PackedRecurrence {
  readonly fileCount: number;
  readonly hashes: Uint32Array;
  readonly counts: Uint32Array;
  /** Samples of hash i are `sampleIds[sampleStarts[i] .. sampleStarts[i + 1]]`. */
  readonly sampleStarts: Uint32Array;
  readonly sampleIds: Uint32Array;
  /** Path j is the UTF-8 bytes `paths[pathStarts[j] .. pathStarts[j + 1]]`. */
  readonly pathStarts: Uint32Array;
  readonly paths: Uint8Array;
}

function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

/**
 * Packs an index. Counts and samples are recounted from its files in the order they were indexed, which is the
 * order the index itself counted them in, so the samples come out the same.
 */
export function packRecurrence(index: LineFrequencyIndex): PackedRecurrence {
  const counts = new Map<number, number>();
  const samples = new Map<number, number[]>();
  const sampleFiles: string[] = [];
  const fileIds = new Map<string, number>();
  for (const [file, hashes] of index.entries()) {
    for (const h of hashes) {
      counts.set(h, (counts.get(h) ?? 0) + 1);
      let list = samples.get(h);
      if (!list) samples.set(h, (list = []));
      if (list.length >= SAMPLES_KEPT) continue;
      let id = fileIds.get(file);
      if (id === undefined) {
        id = sampleFiles.length;
        fileIds.set(file, id);
        sampleFiles.push(file);
      }
      list.push(id);
    }
  }
  const sorted = Uint32Array.from(counts.keys()).sort();
  const hashes = sharedUint32(sorted.length);
  hashes.set(sorted);
  const countArray = sharedUint32(sorted.length);
  const sampleStarts = sharedUint32(sorted.length + 1);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i] as number;
    countArray[i] = counts.get(h) ?? 0;
    sampleStarts[i] = total;
    total += samples.get(h)?.length ?? 0;
  }
  sampleStarts[sorted.length] = total;
  const sampleIds = sharedUint32(total);
  for (let i = 0; i < sorted.length; i++) sampleIds.set(samples.get(sorted[i] as number) ?? [], sampleStarts[i]);
  const encoded = sampleFiles.map((f) => Buffer.from(f, 'utf8'));
  const pathStarts = sharedUint32(encoded.length + 1);
  let bytes = 0;
  encoded.forEach((b, j) => {
    pathStarts[j] = bytes;
    bytes += b.length;
  });
  pathStarts[encoded.length] = bytes;
  const paths = new Uint8Array(new SharedArrayBuffer(Math.max(1, bytes)), 0, bytes);
  encoded.forEach((b, j) => paths.set(b, pathStarts[j]));
  return { fileCount: index.fileCount, hashes, counts: countArray, sampleStarts, sampleIds, pathStarts, paths };
}

/** The recurrence index a worker analyses with, read from a packed index. */
export class PackedRecurrenceIndex implements RecurrenceIndex {
  /** A packed index never changes. */
  readonly revision = 0;

  constructor(private readonly packed: PackedRecurrence) {}

  get fileCount(): number {
    return this.packed.fileCount;
  }

  filesWith(key: string): number {
    const i = this.find(hashKey(key));
    return i < 0 ? 0 : (this.packed.counts[i] ?? 0);
  }

  sampleFiles(key: string, except: string | undefined, limit: number): string[] {
    const i = this.find(hashKey(key));
    if (i < 0) return [];
    const { sampleStarts, sampleIds, pathStarts, paths } = this.packed;
    const files: string[] = [];
    for (let k = sampleStarts[i] ?? 0; k < (sampleStarts[i + 1] ?? 0); k++) {
      const id = sampleIds[k] ?? 0;
      const start = pathStarts[id] ?? 0;
      // Through Buffer: TextDecoder refuses views of shared memory.
      files.push(Buffer.from(paths.buffer, paths.byteOffset + start, (pathStarts[id + 1] ?? start) - start).toString('utf8'));
    }
    return files.filter((f) => f !== except).slice(0, limit);
  }

  private find(hash: number): number {
    const { hashes } = this.packed;
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = hashes[mid] ?? 0;
      if (h === hash) return mid;
      if (h < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
