/** `codebook diff <old> <new>`: defined by generator/diff/command.ts, which is loaded only when the command may run. */
import type { Command } from 'commander';

export async function defineDiffCommand(program: Command): Promise<Command> {
  const { defineDiffCommand: define } = await import('../diff/command.js');
  return define(program);
}
