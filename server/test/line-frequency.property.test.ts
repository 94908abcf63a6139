import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { HashCounts } from '../src/core/corpus/hash-counts';
import { hashKey, LineFrequencyIndex } from '../src/core/corpus/line-frequency';

const KEYS = Array.from({ length: 12 }, (_, i) => `dòng ${i}`);
const FILES = Array.from({ length: 8 }, (_, i) => `/c/ấp-${i}.txt`);

/** The index as it was kept in maps: counts, up to four samples in the order files came, files in order of their last setting. */
class ModelIndex {
  readonly counts = new Map<number, number>();
  readonly samples = new Map<number, string[]>();
  readonly byFile = new Map<string, Uint32Array>();

  setFile(file: string, hashes: Uint32Array): void {
    this.removeFile(file);
    this.byFile.set(file, hashes);
    for (const h of hashes) {
      this.counts.set(h, (this.counts.get(h) ?? 0) + 1);
      const list = this.samples.get(h);
      if (!list) this.samples.set(h, [file]);
      else if (list.length < 4) list.push(file);
    }
  }

  removeFile(file: string): void {
    const old = this.byFile.get(file);
    if (!old) return;
    this.byFile.delete(file);
    for (const h of old) {
      const n = (this.counts.get(h) ?? 1) - 1;
      if (n <= 0) {
        this.counts.delete(h);
        this.samples.delete(h);
      } else {
        this.counts.set(h, n);
        const list = this.samples.get(h);
        if (list?.includes(file)) list.splice(list.indexOf(file), 1);
      }
    }
  }
}

const operation = fc.oneof(
  fc.record({ file: fc.constantFrom(...FILES), keys: fc.subarray(KEYS) }),
  fc.record({ remove: fc.constantFrom(...FILES) }),
);

test('the compact index counts, samples and lists files as maps of every file would', () => {
  fc.assert(fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
    const index = new LineFrequencyIndex();
    const model = new ModelIndex();
    for (const op of operations) {
      if ('remove' in op) {
        index.removeFile(op.remove);
        model.removeFile(op.remove);
      } else {
        const hashes = Uint32Array.from(op.keys.map(hashKey));
        index.setFile(op.file, hashes);
        model.setFile(op.file, hashes);
      }
    }
    assert.equal(index.fileCount, model.byFile.size);
    assert.deepEqual([...index.entries()].map(([f, h]) => [f, [...h]]), [...model.byFile].map(([f, h]) => [f, [...h]]));
    for (const key of KEYS) {
      assert.equal(index.filesWith(key), model.counts.get(hashKey(key)) ?? 0, key);
      assert.deepEqual(index.sampleFiles(key, FILES[0], 4), (model.samples.get(hashKey(key)) ?? []).filter((f) => f !== FILES[0]).slice(0, 4), key);
    }
    for (const file of FILES) assert.equal(index.has(file), model.byFile.has(file));
  }), { numRuns: 300 });
});

test('hash counts match a map through growing and many removals', () => {
  fc.assert(fc.property(fc.array(fc.record({ hash: fc.integer({ min: 0, max: 3000 }).map((h) => (h * 2654435761) >>> 0), add: fc.boolean() }), { maxLength: 4000 }), (operations) => {
    const counts = new HashCounts();
    const model = new Map<number, number>();
    for (const { hash, add } of operations) {
      const n = model.get(hash) ?? 0;
      if (add) model.set(hash, n + 1);
      else if (n > 1) model.set(hash, n - 1);
      else model.delete(hash);
      if (add) counts.increment(hash, 0);
      else if (n > 0) counts.decrement(hash);
    }
    assert.equal(counts.size, model.size);
    for (const { hash } of operations) assert.equal(counts.countOf(hash), model.get(hash) ?? 0);
  }), { numRuns: 100 });
});
