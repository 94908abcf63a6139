/**
 * The bundled CLI's output into a file: written in chunks, it is still whole, and what it says on stderr about a
 * file stays in its place among the findings when both go to the same file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { readSeed, REPO_ROOT } from './text';

test('lint into one file for stdout and stderr keeps every finding and a skipped file between its neighbours', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-corpus-output-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.txt'), readSeed('002_cc6c1fb2d5522765.txt'));
    fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'c.txt'), readSeed('003_9988729691b86d37.txt'));
    const outFile = path.join(dir, 'out.log');
    const fd = fs.openSync(outFile, 'w');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'lint', '.'], { cwd: dir, stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    assert.equal(run.status, 2, fs.readFileSync(outFile, 'utf8'));
    const lines = fs.readFileSync(outFile, 'utf8').split('\n').filter((l) => l !== '');
    const skipped = lines.findIndex((l) => l.includes('b.txt') && l.includes('skipped'));
    assert.ok(skipped > 0, 'the skipped file comes after the first file\'s findings');
    assert.ok(lines.slice(0, skipped).every((l) => l.startsWith('a.txt:')), 'only a.txt\'s findings come before it');
    const after = lines.slice(skipped + 1);
    assert.ok(after.length > 1 && after.slice(0, -1).every((l) => l.startsWith('c.txt:')), 'c.txt\'s findings come after it');
    const total = Number(/^(\d+) findings in 2 files$/u.exec(after[after.length - 1] ?? '')?.[1]);
    assert.equal(total, lines.length - 2, 'the closing count matches the findings printed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
