/**
 * Progress on a terminal: a StageTimer that shows an ora spinner naming the
 * stage being run (config, cache, load, merge, validate, QA, plan and render
 * per target, write). The stages are mostly synchronous, so the line is
 * redrawn when a stage starts rather than left to ora's interval. Nothing is
 * created when the stream is not an interactive terminal (ora's rule: a TTY,
 * not CI, not TERM=dumb), so piped and spawned runs print nothing extra.
 */
import ora, { type Ora } from 'ora';
import { StageTimer } from '../stage-timer.js';
import { isInteractive } from './interactive.js';

export interface ProgressOptions {
  /** Default process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Force the display on or off (tests); default: ora decides from the stream. */
  enabled?: boolean;
  /** Text before the stage name. */
  prefix?: string;
}

export class ProgressTimer extends StageTimer {
  private current?: string;
  private shownAt = 0;

  private constructor(
    private readonly spinner: Ora,
    private readonly prefix: string,
  ) {
    super();
  }

  /** A running progress display, or undefined when the stream is not an interactive terminal. */
  static start(options: ProgressOptions = {}): ProgressTimer | undefined {
    const stream = options.stream ?? process.stderr;
    const enabled = options.enabled ?? isInteractive(stream);
    if (!enabled) return undefined;
    const spinner = ora({ stream, discardStdin: false, isEnabled: true });
    const progress = new ProgressTimer(spinner, options.prefix ?? 'codebook: ');
    spinner.start(`${progress.prefix}starting`);
    return progress;
  }

  override time<T>(name: string, run: () => T): T {
    this.show(name);
    return super.time(name, run);
  }

  override timeAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
    this.show(name);
    return super.timeAsync(name, run);
  }

  /** Clears the spinner line (the caller prints the outcome). */
  stop(): void {
    this.spinner.stop();
  }

  private show(name: string): void {
    if (name === this.current) return;
    // Nested stages alternate per chunk (render, write, render…): redrawn at most every 100 ms.
    const now = performance.now();
    if (this.depth > 0 && now - this.shownAt < 100) return;
    this.shownAt = now;
    this.current = name;
    this.spinner.text = `${this.prefix}${stageLabel(name)}`;
    this.spinner.render();
  }
}

/** What a stage name means to a person watching. */
export function stageLabel(name: string): string {
  const [verb, ...rest] = name.split(' ');
  const target = rest.join(' ');
  switch (verb) {
    case 'plan':
      return `planning ${target}`;
    case 'render':
      return `rendering ${target}`;
    default:
      return (
        (
          {
            config: 'reading the config',
            cache: 'checking the incremental cache',
            'load layers': 'loading layers',
            merge: 'merging layers',
            validate: 'validating',
            review: 'translation QA',
            write: 'writing',
            check: 'comparing with the disk',
          } as Record<string, string>
        )[name] ?? name
      );
  }
}
