// Timing for the benchmarks beside core modules: medians after warming the JIT, so small sizes measure steady state.

/** Median milliseconds of `runs` calls of fn, after warm-up calls. */
export function medianMs(fn: () => unknown, runs: number, warmups = 5): number {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Two ways of doing the same work, timed alternately (so a busy machine slows both alike), and their ratio. */
export function compare(
  simple: () => unknown,
  kept: () => unknown,
  runs: number,
): { simpleMs: number; keptMs: number; ratio: number } {
  for (let i = 0; i < 5; i++) {
    simple();
    kept();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(medianMs(kept, 1, 0));
    a.push(medianMs(simple, 1, 0));
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const simpleMs = med(a);
  const keptMs = med(b);
  return { simpleMs, keptMs, ratio: simpleMs / keptMs };
}
