/**
 * Whether a stream gets a progress display (progress-timer.ts): kept apart
 * from it so that the command line can decide before loading ora.
 */

/**
 * ora's own rule for an interactive stream, plus a known width: ora divides by the column
 * count to know how many lines to clear, and a terminal that reports 0 columns (a pty with
 * no size, as under `script`) would make that endless.
 */
export function isInteractive(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY && stream.columns > 0 && process.env.TERM !== 'dumb' && !('CI' in process.env));
}
