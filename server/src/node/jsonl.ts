/**
 * JSON Lines in and out of streams: lines are read as bytes, so a line of invalid UTF-8 or an over-long line
 * is reported by number and the next line still reads; writes wait for the stream to drain, so memory stays
 * bounded by one record however large the corpus is.
 */
import type { Readable, Writable } from 'node:stream';

/** Lines above this many bytes are not buffered; they come back as `tooLong` with their length. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** One input line: its 1-based number and bytes without the line break, or its length when it was too long. */
export type InputLine = { readonly lineNo: number; readonly bytes: Buffer } | { readonly lineNo: number; readonly tooLong: number };

/** Reads a stream line by line (`\n`, with a `\r` before it dropped), holding at most one line. */
export async function* readLines(input: Readable, maxBytes = MAX_LINE_BYTES): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let lineNo = 0;
  const finish = (): InputLine => {
    lineNo++;
    if (skipping) return { lineNo, tooLong: size };
    let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
    return { lineNo, bytes };
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let nl = buf.indexOf(10, from); nl !== -1; nl = buf.indexOf(10, from)) {
      take(buf.subarray(from, nl));
      yield finish();
      parts = [];
      size = 0;
      skipping = false;
      from = nl + 1;
    }
    take(buf.subarray(from));
  }
  if (size > 0 || skipping) yield finish();

  function take(piece: Buffer): void {
    if (piece.length === 0) return;
    size += piece.length;
    if (skipping) return;
    if (size > maxBytes) {
      skipping = true;
      parts = [];
      return;
    }
    // Copy: the stream may reuse its chunk buffers.
    parts.push(Buffer.from(piece));
  }
}

/** Writes to a stream, waiting for it to drain when its buffer is full. */
export class DrainingWriter {
  private failed: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: Error) => {
      this.failed = error;
    });
  }

  /** Writes text or bytes; resolves once the stream can take more. */
  async write(data: string | Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.stream.write(data)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', fail);
        resolve();
      };
      const fail = (error: Error): void => {
        this.stream.off('drain', done);
        reject(error);
      };
      this.stream.once('drain', done);
      this.stream.once('error', fail);
    });
  }
}
