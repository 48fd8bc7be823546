/**
 * The record of the last successful `generate`: the inputs' key, the
 * diagnostics that run reported, and per target the key of what the target
 * read and the hash, size and mtime of every file it wrote. It lives in
 * `<config folder>/node_modules/.cache/codebook/`, one file per config and
 * output folder, so it is never part of the output nor committed.
 *
 * The record is only ever a hint: outputs are trusted only when the file on
 * disk still has the recorded size and mtime, or else the recorded hash, and
 * when the output's manifest lists exactly the recorded files (files of the
 * user's own beside them do not matter: codebook never touches them). A record
 * that cannot be read or has the wrong shape is ignored.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSha256 } from '../output/streamed-file.js';
import { hashOf } from './fingerprint.js';

/** Bump when the record's shape or meaning changes; other formats are ignored. */
const FORMAT = 3;

/**
 * A file modified within this long of being recorded may share its recorded
 * mtime, so it is hashed instead (git's "racily clean" rule): 2 s on a file
 * system with whole-second timestamps (FAT's are 2 s), the kernel's clock
 * tick and some margin on one whose timestamps show fractions of a second.
 */
export function racyWindow(mtimeMs: number): number {
  return mtimeMs % 1000 === 0 ? 2_000 : 50;
}

export interface FileRecord {
  /** '' when unknown (a spliced file, whose bytes were not all read): such a file is trusted by size and mtime alone. */
  sha256: string;
  size: number;
  mtimeMs: number;
}

export interface TargetRecord {
  /** Hash of everything the target's files depend on. */
  key: string;
  /** The same without the catalog (IncrementalRun.baseKey). */
  base: string;
  files: Record<string, FileRecord>;
  /** What the target's plan reported (warnings), replayed when the target is not planned again. */
  diagnostics: Diagnostic[];
  /** When the files were recorded (ms since the epoch): an mtime this close to it is not trusted alone. */
  recordedAt: number;
}

export interface CacheRecord {
  format: number;
  /** The inputs' key of the last successful run (see fingerprintInputs). */
  key: string;
  /** The targets of that run, in order. */
  targets: string[];
  /** What loading, merging and validating reported in that run, then the config's checks of its targets: replayed on a full hit. */
  diagnostics: Diagnostic[];
  /** How many of `diagnostics` the catalog's load, merge and validation reported (a warm edit keeps those of the keys it did not touch). */
  catalog?: number;
  /** By target id; kept for targets outside the last run too, while their files stay as recorded. */
  entries: Record<string, TargetRecord>;
  /** The layer files that loaded without a problem, by display path, with their text's hash, and the code that loaded them. */
  clean?: { code: string; files: Record<string, number> };
  /** Each layer file's SHA-256 with its size and mtime then (none when too recent to trust): the next run hashes only files whose stat differs. */
  layerFiles?: Record<string, { sha256: string; size?: number; mtimeMs?: number }>;
}

/** Where the record of a config writing to `outDir` is kept. */
export function cacheFileFor(configRoot: string, configFile: string, outDir: string): string {
  return join(configRoot, 'node_modules', '.cache', 'codebook', `${hashOf(configFile, outDir).slice(0, 16)}.json`);
}

export async function readCacheRecord(file: string): Promise<CacheRecord | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return isCacheRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the record through a temporary file; a cache that cannot be written is not an error (false). */
export async function writeCacheRecord(file: string, record: CacheRecord): Promise<boolean> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temp, `${JSON.stringify(record)}\n`, 'utf8');
    await rename(temp, file);
    return true;
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
    return false;
  }
}

export function emptyRecord(): CacheRecord {
  return { format: FORMAT, key: '', targets: [], diagnostics: [], entries: {} };
}

/**
 * Whether every file of the target's record is on disk as recorded and the
 * manifest (`manifestFiles`, the target's list in it) lists exactly them. A file whose size and mtime still match (and
 * whose mtime is not racy) is trusted; any other is hashed. When the bytes
 * are all as recorded after hashing, the record is refreshed (new mtimes, new
 * `recordedAt`) and `refreshed` is true, so the caller can save it.
 */
export async function verifyTargetFiles(
  outDir: string,
  manifestFiles: readonly string[],
  entry: TargetRecord,
): Promise<{ current: boolean; refreshed: boolean }> {
  const startedAt = Date.now();
  if (manifestFiles.length !== Object.keys(entry.files).length || manifestFiles.some((path) => !Object.hasOwn(entry.files, path)))
    return { current: false, refreshed: false };
  const mtimes = new Map<string, number>();
  const checks = await Promise.all(
    Object.entries(entry.files).map(async ([path, recorded]) => {
      const info = await stat(join(outDir, path)).catch(() => undefined);
      if (!info || info.size !== recorded.size) return false;
      if (info.mtimeMs === recorded.mtimeMs && entry.recordedAt - recorded.mtimeMs > racyWindow(recorded.mtimeMs)) return true;
      const bytes = await readFile(join(outDir, path)).catch(() => undefined);
      if (!bytes || !recorded.sha256 || fileSha256(bytes) !== recorded.sha256) return false;
      mtimes.set(path, info.mtimeMs);
      return true;
    }),
  );
  if (!checks.every(Boolean)) return { current: false, refreshed: false };
  if (mtimes.size === 0) return { current: true, refreshed: false };
  for (const [path, mtimeMs] of mtimes) entry.files[path]!.mtimeMs = mtimeMs;
  entry.recordedAt = startedAt;
  return { current: true, refreshed: true };
}

/**
 * Records each file by its SHA-256 (computed as it was written) and its size
 * and mtime now. A spliced file's hash is unknown (''); it is read and
 * hashed only when its mtime is too recent to be trusted alone, so that the
 * next run does not take it for changed.
 */
export async function recordFiles(outDir: string, files: Iterable<[path: string, sha256: string]>): Promise<Record<string, FileRecord>> {
  const records: Record<string, FileRecord> = {};
  await Promise.all(
    [...files].map(async ([path, sha256]) => {
      const info = await stat(join(outDir, path));
      const racy = Date.now() - info.mtimeMs <= racyWindow(info.mtimeMs);
      records[path] = {
        sha256: sha256 || !racy ? sha256 : fileSha256(await readFile(join(outDir, path))),
        size: info.size,
        mtimeMs: info.mtimeMs,
      };
    }),
  );
  return Object.fromEntries(Object.entries(records).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function isCacheRecord(value: unknown): value is CacheRecord {
  if (!isObject(value) || value.format !== FORMAT || typeof value.key !== 'string') return false;
  if (!Array.isArray(value.targets) || !value.targets.every((t) => typeof t === 'string')) return false;
  if (!Array.isArray(value.diagnostics) || !isObject(value.entries)) return false;
  if (value.clean !== undefined && !(isObject(value.clean) && typeof value.clean.code === 'string' && isObject(value.clean.files)))
    return false;
  if (value.clean && !Object.values(value.clean.files as object).every((h) => typeof h === 'number')) return false;
  return Object.values(value.entries).every(
    (entry) =>
      isObject(entry) &&
      typeof entry.key === 'string' &&
      typeof entry.base === 'string' &&
      typeof entry.recordedAt === 'number' &&
      Array.isArray(entry.diagnostics) &&
      isObject(entry.files) &&
      Object.values(entry.files).every(
        (f) => isObject(f) && typeof f.sha256 === 'string' && typeof f.size === 'number' && typeof f.mtimeMs === 'number',
      ),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
