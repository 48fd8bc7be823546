// Runs one cold node process and measures it: wall time (hrtime around the spawn, until the
// child exits), peak RSS and CPU time (written by report-rss.cjs, preloaded into the child).
// Also the small statistics the runner reports (median, min, max), and on Linux how much CPU
// other processes used while the child ran (/proc/stat), so a shared machine's noise can be seen.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('../report-rss.cjs', import.meta.url));
const rssDir = mkdtempSync(join(tmpdir(), 'codebook-bench-rss-'));
let counter = 0;
process.on('exit', () => rmSync(rssDir, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130)); // so the 'exit' cleanup runs

/** CPU time all processes have used since boot, in ms (Linux /proc/stat; undefined elsewhere). */
export function machineBusyMs() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
    const busy = fields.slice(0, 8).reduce((a, b) => a + b, 0) - fields[3] - fields[4];
    return (busy * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** The environment of every child: no extra CA certificates (they slow node's start), no colour. */
export function childEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.FORCE_COLOR;
  return env;
}

/**
 * Spawns `node <args>` with the usage preload; resolves { wallMs, rssKiB, cpuMs, code, stdout, stderr,
 * otherCpuMs }: otherCpuMs is the CPU time the rest of the machine used meanwhile (Linux only).
 * `nodeFlags` go before the preload (e.g. --cpu-prof). After `timeoutMs` the child is killed
 * and the result has `timedOut: true`.
 */
export function measureNode(args, { cwd, nodeFlags = [], timeoutMs } = {}) {
  const rssFile = join(rssDir, `${++counter}.rss`);
  return new Promise((resolvePromise, reject) => {
    const busyBefore = machineBusyMs();
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeFlags, '--require', PRELOAD, ...args], {
      cwd,
      env: childEnv({ CODEBOOK_BENCH_RSS_FILE: rssFile }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    let timedOut = false;
    const timer = timeoutMs ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutMs) : undefined;
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const busyAfter = machineBusyMs();
      let rssKiB;
      let cpuMs;
      try {
        const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
        rssKiB = usage.maxRSS;
        cpuMs = (usage.userUs + usage.systemUs) / 1000;
        rmSync(rssFile, { force: true });
      } catch {
        // no figure: the child died before its exit handler ran
      }
      const otherCpuMs =
        busyBefore !== undefined && busyAfter !== undefined && cpuMs !== undefined
          ? Math.max(0, busyAfter - busyBefore - cpuMs)
          : undefined;
      resolvePromise({
        wallMs,
        rssKiB,
        cpuMs,
        otherCpuMs,
        timedOut,
        code: code ?? (signal ? 128 : 1),
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** { median, min, max, n } of the defined values. */
export function summary(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}
