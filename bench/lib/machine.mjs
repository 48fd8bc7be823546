// Describes the machine and the checkout the benchmark ran on, for the top of RESULTS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function git(repo, args) {
  try {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function describeMachine(repo) {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  const head = git(repo, ['rev-parse', '--short', 'HEAD']);
  const changed = git(repo, ['status', '--porcelain'])?.split('\n').filter(Boolean) ?? [];
  const dirty = changed.length;
  // Changes to the bench alone do not change what it measures: say so.
  const where = dirty && changed.every((line) => /^[ MTADRCU?!]{1,2} "?bench\//.test(line)) ? ' in bench/ only' : '';
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: head ? `${head}${dirty ? ` + ${dirty} uncommitted change(s)${where}` : ''}` : 'unknown',
  };
}
