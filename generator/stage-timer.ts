/**
 * Wall time per pipeline stage, for `--timings` and the benchmark's profile
 * of where time goes. Times are exclusive: a stage timed inside another
 * (a file rendered chunk by chunk while it is written) counts for itself
 * only, so the stages add up to the run.
 */
export class StageTimer {
  readonly stages: [name: string, ms: number][] = [];
  /** Time spent in stages nested in each open one, innermost last. */
  private readonly nested: number[] = [];

  time<T>(name: string, run: () => T): T {
    const start = this.open();
    try {
      return run();
    } finally {
      this.close(name, start);
    }
  }

  async timeAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
    const start = this.open();
    try {
      return await run();
    } finally {
      this.close(name, start);
    }
  }

  /** The items of `items`, the time taken to produce each counted as `name` (items are large chunks: each is timed). */
  *timeEach<T>(name: string, items: Iterable<T>): Generator<T> {
    const iterator = items[Symbol.iterator]();
    for (;;) {
      const next = this.time(name, () => iterator.next());
      if (next.done) return;
      yield next.value;
    }
  }

  /** How many stages are open: 0 outside any, 2 in a file rendered while it is written. */
  protected get depth(): number {
    return this.nested.length;
  }

  private open(): number {
    this.nested.push(0);
    return performance.now();
  }

  private close(name: string, start: number): void {
    const elapsed = performance.now() - start;
    const inner = this.nested.pop() ?? 0;
    if (this.nested.length > 0) this.nested[this.nested.length - 1]! += elapsed;
    this.add(name, elapsed - inner);
  }

  /** Adds to a stage already seen (a target planned in several steps sums up). */
  private add(name: string, ms: number): void {
    const seen = this.stages.find(([n]) => n === name);
    if (seen) seen[1] += ms;
    else this.stages.push([name, ms]);
  }

  format(): string {
    const total = this.stages.reduce((sum, [, ms]) => sum + ms, 0);
    return [
      ...this.stages.map(([name, ms]) => `${name.padEnd(24)} ${ms.toFixed(1).padStart(8)} ms`),
      `${'total'.padEnd(24)} ${total.toFixed(1).padStart(8)} ms`,
    ].join('\n');
  }
}
