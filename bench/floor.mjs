/**
 * The throughput floor for `vn-corpus lint`: walk the folder, read every .txt file,
 * decode UTF-8, normalize to NFC and split into lines, and nothing else.
 * Run as a child process so it pays the same Node start-up as the CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function walk(folder, out) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && entry.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

let files = 0;
let lines = 0;
let chars = 0;
for (const file of walk(process.argv[2], []).sort()) {
  const text = fs.readFileSync(file).toString('utf8').normalize('NFC');
  const split = text.split(/\r\n|\r|\n/u);
  files++;
  lines += split.length;
  chars += text.length;
}
// Printing the counts keeps the work observable, so none of it can be skipped.
process.stdout.write(`${JSON.stringify({ files, lines, chars })}\n`);
