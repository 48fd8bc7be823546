/** Wall time per pipeline stage, for `--timings` and the benchmark's profile of where time goes. */
export class StageTimer {
  readonly stages: [name: string, ms: number][] = [];

  time<T>(name: string, run: () => T): T {
    const start = performance.now();
    try {
      return run();
    } finally {
      this.add(name, performance.now() - start);
    }
  }

  async timeAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      this.add(name, performance.now() - start);
    }
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
