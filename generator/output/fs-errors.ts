/** File-system failures while writing output, as one located diagnostic instead of a stack trace. */
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder stands where a file should be written',
  EEXIST: 'a file stands where a folder should be created',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

/** The diagnostic for `error` when it is a file-system error codebook can explain; undefined otherwise. */
export function fileSystemDiagnostic(error: unknown, root: string): Diagnostic | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !Object.hasOwn(REASONS, code)) return undefined;
  const path = (error as NodeJS.ErrnoException).path;
  return {
    ruleId: 'output/file-system',
    severity: 'error',
    message: `Cannot write the output: ${REASONS[code]} (${code}).`,
    ...(path ? { place: { file: displayOf(root, path) } } : {}),
  };
}

/** A path as diagnostics name it: relative to the config's folder when inside it, else absolute. */
export function displayOf(root: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel.split('\\').join('/');
}
