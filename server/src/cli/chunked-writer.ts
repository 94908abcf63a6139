/**
 * Text for a stream, written in chunks: a command that prints a record per file would otherwise make a system call
 * per file, which over many small files costs more than the printing itself.
 */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void, private readonly chunkChars = 64 * 1024) {}

  /** Holds `text` until the chunk is full. */
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkChars) this.flush();
  }

  /** Writes what is held, if anything. */
  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (text !== '') this.write(text);
  }
}
