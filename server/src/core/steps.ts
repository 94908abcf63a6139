/** Runs a computation made in steps (a generator that yields between them) to its end, in one go, and returns its result. */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
