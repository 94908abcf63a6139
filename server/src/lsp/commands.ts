import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChangeAnnotation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { fixAllEdits } from '../core/fix-all';
import { PROJECT_DIR } from '../node/workspace-files';
import { toTextEdit } from './convert';

/** Server commands, run through `workspace/executeCommand`. */
export const COMMANDS = {
  keepLine: 'vnCorpus.keepLine',
  cleanWorkspace: 'vnCorpus.cleanWorkspace',
} as const;

/** Adds a line to `.vn-corpus/allow.json` so no rule flags it again, in any file; returns the file written. */
export function keepLine(root: string, line: string): string {
  const file = path.join(root, PROJECT_DIR, 'allow.json');
  let lines: string[] = [];
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { lines?: unknown };
    if (Array.isArray(parsed.lines)) lines = parsed.lines.filter((l): l is string => typeof l === 'string');
  } catch {
    // A missing or broken file starts over; the broken one was reported when it was read.
  }
  const text = line.normalize('NFC').trim();
  if (!lines.includes(text)) lines.push(text);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ lines }, null, 2)}\n`);
  return file;
}

/** One workspace edit removing certain boilerplate from every file, each change needing confirmation (refactor preview). */
export function toCleanWorkspaceEdit(files: readonly { uri: string; version: number | null; analysis: Analysis }[], label: string): WorkspaceEdit | undefined {
  const annotationId = 'vn-corpus-clean';
  const documentChanges: TextDocumentEdit[] = [];
  for (const { uri, version, analysis } of files) {
    const edits = fixAllEdits(analysis);
    if (edits.length === 0) continue;
    documentChanges.push({
      textDocument: { uri, version },
      edits: edits.map((e) => ({ ...toTextEdit(analysis.doc.lines, e), annotationId })),
    });
  }
  if (documentChanges.length === 0) return undefined;
  const annotation: ChangeAnnotation = { label, needsConfirmation: true, description: `${documentChanges.length} files` };
  return { documentChanges, changeAnnotations: { [annotationId]: annotation } };
}
