import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { convertLegacy, decodeLegacy, encodeLegacy, LEGACY_TABLES } from '../src/core/text/legacy-encoding';

const ROOT = path.join(__dirname, '..', '..', '..');
// Order of the tones in the xvnkb rows: none, acute, grave, hook above, tilde, dot below.
const XVNKB_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** GNU iconv's TCVN5712-1 reading of each byte, or undefined when this system's iconv lacks the charset. */
function iconvTcvn(bytes: readonly number[]): string[] | undefined {
  try {
    const input = Buffer.from(bytes.flatMap((b) => [b, 0x0a]));
    return execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input, stdio: ['pipe', 'pipe', 'ignore'] }).toString('utf8').split('\n');
  } catch {
    return undefined;
  }
}

test('every TCVN3 letter of the table is what the GNU C library reads for that byte, and none of its letters is missing', (t) => {
  const table = LEGACY_TABLES.tcvn3;
  const bytes = Array.from({ length: 0x5f }, (_, i) => 0xa1 + i);
  const read = iconvTcvn(bytes);
  if (!read) {
    t.skip('iconv with the TCVN5712-1 charset is not installed here, so the TCVN3 table is not checked against it');
    console.log('# skipped: iconv -f TCVN5712-1 is not available');
    return;
  }
  let checked = 0;
  bytes.forEach((byte, i) => {
    const legacy = String.fromCharCode(byte);
    const letter = table.decode.get(legacy);
    const glibc = (read[i] ?? '').normalize('NFC');
    if (letter !== undefined) {
      assert.equal(letter, glibc, `byte 0x${byte.toString(16)}: table ${letter}, iconv ${glibc}`);
      checked++;
    } else {
      // Left out on purpose (see the data's description): combining marks, and capitals with a tone (VN1 only).
      const capitalWithTone = glibc !== glibc.toLowerCase() && glibc.normalize('NFD').length > 1 && !/^[ĂÂÊÔƠƯ]$/u.test(glibc);
      assert.ok(/^[\u0300-\u036f\u00a0]$/u.test(glibc) || capitalWithTone, `byte 0x${byte.toString(16)} (${glibc}) is missing from the table`);
    }
  });
  assert.equal(checked, 12 * 6 - 6 + 8, 'vowel grid without the six ASCII vowels, and the eight other letters');
});

test('every VNI spelling that xvnkb lists decodes to its letter, and the table holds nothing else', () => {
  const rows = fs.readFileSync(path.join(ROOT, 'server', 'test', 'data', 'vni-xvnkb.tsv'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const table = LEGACY_TABLES.vni;
  const expected = new Map<string, string>();
  for (const row of rows) {
    const [base = '', spellings = ''] = row.split('\t');
    spellings.split(' ').forEach((seq, i) => expected.set(seq, (base + (XVNKB_MARKS[i] ?? '')).normalize('NFC')));
  }
  assert.equal(expected.size, 2 * (12 * 6 + 1));
  for (const [seq, letter] of expected) {
    assert.equal(table.decode.get(seq), letter, `${seq} should read ${letter}`);
    assert.equal(table.encode.get(letter), seq, `${letter} should be written ${seq}`);
  }
  assert.deepEqual([...table.decode.keys()].filter((k) => !expected.has(k)), []);
});

test('legacy text converts and maps back exactly', () => {
  const unicode = 'Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị, nhấn mạnh việc học tập và làm theo tư tưởng Hồ Chí Minh.';
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const legacy = encodeLegacy(unicode, encoding);
    assert.ok(legacy !== undefined && legacy !== unicode);
    assert.deepEqual(convertLegacy(legacy, encoding), { text: unicode });
    assert.deepEqual(decodeLegacy(legacy, encoding), { text: unicode });
  }
});

test('mixed, unmapped and non-Vietnamese text is reported, not converted', () => {
  const tcvn = encodeLegacy('tổ chức hội nghị tổng kết công tác tuyên giáo', 'tcvn3') ?? '';
  assert.deepEqual(convertLegacy(`Tỉnh ủy\n${tcvn}`, 'tcvn3'), { problem: { reason: 'mixed', line: 0, char: 'ỉ' } });
  assert.deepEqual(convertLegacy(`${tcvn}\n30°C`, 'tcvn3'), { problem: { reason: 'unmapped', line: 1, char: '°' } });
  // Plain Unicode Vietnamese read as VNI: "á" alone is no VNI spelling.
  assert.equal('problem' in convertLegacy('các đại biểu', 'vni') ? 'reported' : 'converted', 'reported');
  // "cô tô mô lô" is "cơ tơ mơ lơ" in VNI and "cụ tụ mụ lụ" in TCVN3: both read as Vietnamese, so neither is chosen.
  assert.deepEqual(convertLegacy('cô tô mô lô', 'vni'), { problem: { reason: 'undecidable' } });
  assert.deepEqual(convertLegacy('cô tô mô lô', 'tcvn3'), { problem: { reason: 'undecidable' } });
  // Latin-1 text that maps character by character but reads as no Vietnamese.
  const r = convertLegacy('Café déjà vu, très été à Noël.', 'tcvn3');
  assert.ok('problem' in r && (r.problem.reason === 'not-vietnamese' || r.problem.reason === 'unmapped'), JSON.stringify(r));
});
