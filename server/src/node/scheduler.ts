/** How work paces itself between slices: the editor's own document first, corpus-wide work when the client is quiet. */
export interface Pacer {
  /** Runs `work` as foreground: background slices wait until it settles. */
  foreground<T>(work: Promise<T>): Promise<T>;
  /** Resolves when the next background slice may run. */
  background(): Promise<void>;
  /** How long closed files may be analysed one after another before the event loop gets a turn (0: before each). */
  readonly fileSliceMs: number;
}

/** Resolves at the next turn of the event loop, after the messages and timers that are due. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every slice runs at the next turn of the event loop: for the CLI, which has no foreground to wait for. It answers
 * no requests, and a turn costs about what the analysis of a small file does, so files get a turn every few
 * milliseconds (for the workers' messages and the output), not one each.
 */
export const noForeground: Pacer = {
  foreground: (work) => work,
  background: nextTurn,
  fileSliceMs: 4,
};

/**
 * Holds background slices while foreground work runs (an open document's analysis and publish) and for `quietMs`
 * after the last foreground work or client message, then lets them run one per event-loop turn, so a message that
 * arrives meanwhile waits for at most one slice. Background work is never held for longer than the client keeps busy.
 */
export class ForegroundFirst implements Pacer {
  /** A request may come in at any time: every closed file waits for a turn of the event loop. */
  readonly fileSliceMs = 0;
  private running = 0;
  private lastActive = -Infinity;
  private waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly quietMs = 100, private readonly now: () => number = () => performance.now()) {}

  /** A message from the client arrived. */
  touch(): void {
    this.lastActive = this.now();
  }

  foreground<T>(work: Promise<T>): Promise<T> {
    this.running++;
    this.touch();
    return work.finally(() => {
      this.running--;
      this.touch();
      this.wake();
    });
  }

  async background(): Promise<void> {
    await nextTurn();
    if (this.isQuiet()) return;
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.wake();
    });
  }

  /** Whether background work would run now. */
  isQuiet(): boolean {
    return this.running === 0 && this.now() - this.lastActive >= this.quietMs;
  }

  private wake(): void {
    if (this.timer || this.waiting.length === 0 || this.running > 0) return;
    const left = Math.max(0, this.quietMs - (this.now() - this.lastActive));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.isQuiet()) {
        this.wake();
        return;
      }
      // One at a time: each released slice runs in its own turn, after the messages that came meanwhile.
      const next = this.waiting.shift();
      next?.();
      if (this.waiting.length > 0) setImmediate(() => this.wake());
    }, left);
  }
}
