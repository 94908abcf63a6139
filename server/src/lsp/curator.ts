import { TextDocumentContentChangeEvent, type ChangeAnnotation, type TextDocumentEdit, type TextDocumentsConfiguration, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FindingsAnalysis } from '../core/analyze';
import { isOfferableLine, lineRemovalEdits, removedWholeLines } from '../core/corpus/curator';
import { hashKey } from '../core/corpus/line-frequency';
import { localize } from '../core/i18n/localize';
import { LineIndex } from '../core/text/line-index';
import { toLineKey } from '../core/text/article-text';
import { addUserPhrase, readOfferedLines, writeOfferedLines } from '../node/curator-files';
import { readText } from '../node/read-text';
import { toPath, toUri } from '../node/corpus';
import { toTextEdit } from './convert';
import type { ServerState } from './state';

/** Where the offered lines are remembered: next to the index cache, in the editor's storage for the workspace. */
export function offeredLinesFile(indexCacheFile: string | undefined): string | undefined {
  return indexCacheFile ? indexCacheFile.replace(/(\.json)?$/u, '.offered.json') : undefined;
}

/** Edits deleting more lines than this at once bring no offer. */
const MAX_LINES_PER_OFFER = 3;

/**
 * Text documents as `TextDocuments` keeps them, plus a look at each single edit before it is applied:
 * when it deletes whole lines, `onDeleted` gets the document as it was and the lines.
 */
export function trackingLineDeletions(onDeleted: (before: TextDocument, lines: string[]) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update(doc, changes, version) {
      const change = changes.length === 1 ? changes[0] : undefined;
      if (change && TextDocumentContentChangeEvent.isIncremental(change)) {
        const lines = removedWholeLines(doc.getText(), doc.offsetAt(change.range.start), doc.offsetAt(change.range.end), change.text);
        // The offer must never get in the way of keeping the document in sync.
        if (lines.length > 0) {
          try {
            onDeleted(doc, lines);
          } catch {
            // Ignored on purpose: see above.
          }
        }
      }
      return TextDocument.update(doc, changes, version);
    },
  };
}

/**
 * Offers, once per line, to remove a line the curator deleted by hand from the other corpus files that hold it,
 * and to keep it as a user phrase in `.vn-corpus/config.json`; the removal is shown as a preview first.
 */
export class CuratorOffers {
  private offered: Set<string> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: ServerState,
    private readonly offeredFile: string | undefined,
    private readonly trusted: boolean,
  ) {}

  /** Called with the document before a hand edit that deleted `lines`. */
  onDeleted(before: TextDocument, lines: readonly string[]): void {
    const state = this.state;
    const index = state.corpus.recurrence;
    // A hand deletion of a line or two; a block deleted at once is editing, not a verdict on each of its lines.
    if (!state.root || !this.trusted || !index || lines.length > MAX_LINES_PER_OFFER) return;
    const flagged = certainKeys(state.corpus.cachedFindings(before));
    const self = before.uri.startsWith('file:') ? toPath(before.uri) : undefined;
    const offered = this.offeredSet();
    for (const line of lines) {
      const key = toLineKey(line);
      if (!isOfferableLine(line) || flagged.has(key) || offered.has(key)) continue;
      if (index.filesWith(key) === 0) continue;
      const hash = hashKey(key);
      const others: string[] = [];
      for (const [file, hashes] of index.entries()) if (file !== self && hashes.includes(hash)) others.push(file);
      if (others.length === 0) continue;
      offered.add(key);
      writeOfferedLines(this.offeredFile, offered);
      this.queue = this.queue.then(() => this.offer(state, line.trim(), key, others)).catch((error: unknown) => {
        state.logger.log('error', 'curator offer failed', error instanceof Error ? error.stack : error);
      });
      // One offer per edit.
      return;
    }
  }

  private offeredSet(): Set<string> {
    this.offered ??= readOfferedLines(this.offeredFile);
    return this.offered;
  }

  private async offer(state: ServerState, line: string, key: string, others: readonly string[]): Promise<void> {
    const shown = line.length > 80 ? `${line.slice(0, 79)}…` : line;
    const n = others.length;
    const preview = localize({ en: `Preview removal in ${n} files`, vi: `Xem trước việc xóa trong ${n} tệp` }, state.locale);
    const choice = await state.connection.window.showInformationMessage(localize({
      en: `“${shown}” is also in ${n} other files of the corpus. Remove it there too, and flag it from now on as one of your boilerplate phrases (.vn-corpus/config.json)?`,
      vi: `“${shown}” còn có trong ${n} tệp khác của kho. Xóa cả ở đó và từ nay đánh dấu nó là cụm từ rác của bạn (.vn-corpus/config.json)?`,
    }, state.locale), { title: preview });
    if (choice?.title !== preview || !state.root) return;
    const label = localize({ en: `Remove “${shown}” from ${n} files`, vi: `Xóa “${shown}” khỏi ${n} tệp` }, state.locale);
    const edit = removalEdit(state, key, others, label);
    if (edit) {
      const result = await state.connection.workspace.applyEdit({ label, edit });
      if (!result.applied) return;
    }
    const written = addUserPhrase(state.root, line);
    if ('problem' in written) void state.connection.window.showWarningMessage(written.problem);
    else state.logger.log('info', `added ${JSON.stringify(line)} to ${written.file}`);
    state.republishAll();
  }
}

/** Keys of the lines a certain finding already covers: fix-all takes those, so no offer is needed. */
function certainKeys(analysis: FindingsAnalysis | undefined): Set<string> {
  const keys = new Set<string>();
  if (!analysis) return keys;
  for (const f of analysis.findings) {
    if (f.tier !== 'certain') continue;
    const first = analysis.doc.lines.lineAt(f.span.start);
    const last = analysis.doc.lines.lineAt(Math.max(f.span.start, f.span.end - 1));
    for (let line = first; line <= last; line++) keys.add(analysis.doc.lineKey(line));
  }
  return keys;
}

/** One workspace edit deleting the line in each file (open documents as they are now), each change to be confirmed. */
function removalEdit(state: ServerState, key: string, files: readonly string[], label: string): WorkspaceEdit | undefined {
  const annotationId = 'vn-corpus-curator';
  const documentChanges: TextDocumentEdit[] = [];
  for (const file of files) {
    const uri = toUri(file);
    const open = state.documents.get(uri);
    const read = open ? { text: open.getText() } : readText(file);
    if (!('text' in read)) continue;
    const edits = lineRemovalEdits(read.text, key);
    if (edits.length === 0) continue;
    const lines = new LineIndex(read.text);
    documentChanges.push({ textDocument: { uri, version: open ? open.version : null }, edits: edits.map((e) => ({ ...toTextEdit(lines, e), annotationId })) });
  }
  if (documentChanges.length === 0) return undefined;
  const annotation: ChangeAnnotation = { label, needsConfirmation: true, description: `${documentChanges.length} files` };
  return { documentChanges, changeAnnotations: { [annotationId]: annotation } };
}
