import type { Message } from 'vscode-languageserver';
import { PublishDiagnosticsNotification } from 'vscode-languageserver';

/** How the stream transport turns a message into bytes: `vscode-jsonrpc`'s content type encoder, JSON in UTF-8. */
export interface MessageEncoder {
  readonly name: 'application/json';
  encode(message: Message, options: { readonly charset: 'utf-8' }): Promise<Uint8Array>;
}

/**
 * The JSON encoder of the server's stream transport, which writes each Diagnostic object once: `OpenDiagnostics`
 * hands every publish of a document (and every full report to a pull) the same object for a finding that stayed the
 * same, so one after an edit encodes only the diagnostics the edit changed and copies the bytes of the others. The
 * bytes equal `JSON.stringify`'s.
 */
export function diagnosticsReusingEncoder(): MessageEncoder {
  const encoded = new WeakMap<object, Buffer>();
  const bytesOf = (diagnostic: object): Buffer => {
    let bytes = encoded.get(diagnostic);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(diagnostic), 'utf8');
      encoded.set(diagnostic, bytes);
    }
    return bytes;
  };
  return {
    name: 'application/json',
    encode(message) {
      try {
        const carried = carriedDiagnostics(message);
        if (!carried) return Promise.resolve(Buffer.from(JSON.stringify(message), 'utf8'));
        // The message with the list empty, `…"diagnostics":[]}}` when the list comes last, filled in from their bytes.
        const head = JSON.stringify(carried.emptied);
        const openEnd = `"${carried.key}":[]}}`;
        if (!head.endsWith(openEnd)) return Promise.resolve(Buffer.from(JSON.stringify(message), 'utf8'));
        const parts: Buffer[] = [Buffer.from(head.slice(0, head.length - '[]}}'.length) + '[', 'utf8')];
        carried.diagnostics.forEach((d, i) => {
          if (i > 0) parts.push(COMMA);
          parts.push(bytesOf(d));
        });
        parts.push(CLOSE);
        return Promise.resolve(Buffer.concat(parts));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

const COMMA = Buffer.from(',', 'utf8');
const CLOSE = Buffer.from(']}}', 'utf8');

/** A message's list of diagnostics, the key it goes under, and the message with that list empty. */
interface Carried {
  readonly diagnostics: readonly object[];
  readonly key: 'diagnostics' | 'items';
  readonly emptied: object;
}

/**
 * The diagnostics a publishDiagnostics notification carries in its params, or a full report answering a pull in its
 * result (the only answer of this server with a `kind` of "full" and `items`); undefined for any other message.
 */
function carriedDiagnostics(message: Message): Carried | undefined {
  const m = message as { method?: unknown; params?: unknown; result?: unknown };
  if (m.method === PublishDiagnosticsNotification.method && isRecord(m.params)) {
    const diagnostics = objectsIn(m.params.diagnostics);
    return diagnostics && { diagnostics, key: 'diagnostics', emptied: { ...message, params: { ...m.params, diagnostics: [] } } };
  }
  if (m.method === undefined && isRecord(m.result) && m.result.kind === 'full' && typeof m.result.resultId === 'string') {
    const diagnostics = objectsIn(m.result.items);
    return diagnostics && { diagnostics, key: 'items', emptied: { ...message, result: { ...m.result, items: [] } } };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function objectsIn(value: unknown): readonly object[] | undefined {
  return Array.isArray(value) && value.every((d) => typeof d === 'object' && d !== null) ? value as object[] : undefined;
}
