import type { Message } from 'vscode-languageserver';
import { PublishDiagnosticsNotification } from 'vscode-languageserver';

/** How the stream transport turns a message into bytes: `vscode-jsonrpc`'s content type encoder, JSON in UTF-8. */
export interface MessageEncoder {
  readonly name: 'application/json';
  encode(message: Message, options: { readonly charset: 'utf-8' }): Promise<Uint8Array>;
}

/**
 * The JSON encoder of the server's stream transport, which writes each Diagnostic object once: `OpenDiagnostics`
 * hands every publish of a document the same object for a finding that stayed the same, so a publish after an edit
 * encodes only the diagnostics the edit changed and copies the bytes of the others. The bytes equal `JSON.stringify`'s.
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
        const diagnostics = publishedDiagnostics(message);
        if (!diagnostics) return Promise.resolve(Buffer.from(JSON.stringify(message), 'utf8'));
        const params = (message as unknown as { params: Record<string, unknown> }).params;
        // `{…,"params":{…,"diagnostics":[]}}` when they come last, as the server sends them; filled in from their bytes.
        const head = JSON.stringify({ ...message, params: { ...params, diagnostics: [] } });
        if (!head.endsWith(OPEN_END)) return Promise.resolve(Buffer.from(JSON.stringify(message), 'utf8'));
        const parts: Buffer[] = [Buffer.from(head.slice(0, head.length - '[]}}'.length) + '[', 'utf8')];
        diagnostics.forEach((d, i) => {
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

const OPEN_END = '"diagnostics":[]}}';
const COMMA = Buffer.from(',', 'utf8');
const CLOSE = Buffer.from(']}}', 'utf8');

/** The diagnostics a publishDiagnostics notification carries last in its params, or undefined for any other message. */
function publishedDiagnostics(message: Message): readonly object[] | undefined {
  const m = message as { method?: unknown; params?: unknown };
  if (m.method !== PublishDiagnosticsNotification.method || typeof m.params !== 'object' || m.params === null) return undefined;
  const diagnostics = (m.params as { diagnostics?: unknown }).diagnostics;
  if (!Array.isArray(diagnostics) || !diagnostics.every((d) => typeof d === 'object' && d !== null)) return undefined;
  return diagnostics as object[];
}
