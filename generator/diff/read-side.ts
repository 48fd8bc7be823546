/**
 * One side of `codebook diff`, as a snapshot: a codebook config file or
 * project folder (loaded, merged and validated like `codebook validate`), a
 * dist folder (its `catalog/catalog.json`), or a snapshot file itself.
 * Anything that cannot be read, or a catalog with errors, gives error
 * diagnostics and no snapshot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_CONFIG_FILE } from '../config/load-config.js';
import { schemaDir } from '../package-root.js';
import { loadCatalog } from '../pipeline.js';
import {
  SNAPSHOT_FILE,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  canonicalSnapshot,
  snapshotOf,
  type Snapshot,
} from '../targets/catalog-snapshot.js';

const SCHEMA_FILE = 'snapshot.schema.json';

export type SideKind = 'config' | 'snapshot';

export interface SideResult {
  snapshot?: Snapshot;
  /** What the argument turned out to be. */
  kind?: SideKind;
  /** The file that was read, as shown in diagnostics. */
  file?: string;
  diagnostics: Diagnostic[];
  /** Source texts by display path, for code frames of catalog diagnostics. */
  texts: Map<string, string>;
}

/** Reads one side; `argument` is resolved against `cwd`. */
export async function readSide(argument: string, cwd = process.cwd()): Promise<SideResult> {
  const absolute = resolve(cwd, argument);
  const shown = (path: string) => relative(cwd, path).split('\\').join('/') || '.';
  const info = await stat(absolute).catch(() => undefined);
  if (!info) return unreadable(argument, 'no such file or folder');
  if (info.isDirectory()) {
    if (existsSync(join(absolute, DEFAULT_CONFIG_FILE))) return readConfig(join(absolute, DEFAULT_CONFIG_FILE), shown, cwd);
    for (const candidate of [SNAPSHOT_FILE, 'catalog.json']) {
      if (existsSync(join(absolute, candidate))) return readSnapshotFile(join(absolute, candidate), shown(join(absolute, candidate)));
    }
    return unreadable(
      argument,
      `the folder holds neither ${DEFAULT_CONFIG_FILE} (a codebook project) nor ${SNAPSHOT_FILE} (a dist folder)`,
      'Generate the release with the "catalog" target so its dist folder carries catalog/catalog.json.',
    );
  }
  const text = await readFile(absolute, 'utf8').catch((error: Error) => error);
  if (text instanceof Error) return unreadable(argument, text.message);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return unreadable(argument, `not JSON: ${(error as Error).message}`);
  }
  if (isObject(value) && value.format === SNAPSHOT_FORMAT) return parsed(value, shown(absolute));
  return readConfig(absolute, shown, cwd);
}

async function readConfig(path: string, shown: (p: string) => string, cwd: string): Promise<SideResult> {
  const file = shown(path);
  const result = await loadCatalog({ config: file, cwd });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.catalog || !result.config || errors.length > 0) {
    return {
      kind: 'config',
      file,
      texts: result.texts,
      diagnostics: [
        ...errors,
        {
          ruleId: 'diff/unreadable',
          severity: 'error',
          message: `Cannot compare ${file}: its catalog has errors (run "codebook validate").`,
          place: { file },
        },
      ],
    };
  }
  return {
    kind: 'config',
    file,
    snapshot: snapshotOf(result.catalog, { identifierPrefix: result.config.identifierPrefix }),
    diagnostics: [],
    texts: result.texts,
  };
}

/** Reads and checks a snapshot file. */
export async function readSnapshotFile(path: string, file = path): Promise<SideResult> {
  const text = await readFile(path, 'utf8').catch((error: Error) => error);
  if (text instanceof Error) return unreadable(file, text.message);
  return parseSnapshot(text, file);
}

/** Parses and checks snapshot text against the snapshot schema. */
export function parseSnapshot(text: string, file: string): SideResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return unreadable(file, `not JSON: ${(error as Error).message}`);
  }
  return parsed(value, file);
}

function parsed(value: unknown, file: string): SideResult {
  if (!isObject(value) || value.format !== SNAPSHOT_FORMAT)
    return unreadable(file, `not a codebook catalog snapshot ("format" is not ${JSON.stringify(SNAPSHOT_FORMAT)})`);
  if (value.version !== SNAPSHOT_VERSION) {
    return unreadable(
      file,
      `snapshot version ${JSON.stringify(value.version)}; this codebook reads version ${SNAPSHOT_VERSION}`,
      'Compare with the codebook release that wrote the snapshot, or regenerate it.',
    );
  }
  const validate = snapshotValidator();
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    return unreadable(file, `the snapshot breaks its schema: ${problems.join('; ')}`);
  }
  const snapshot = value as unknown as Snapshot;
  const seen = new Set<string>();
  for (const m of snapshot.messages) {
    if (seen.has(m.key)) return unreadable(file, `the snapshot lists key ${JSON.stringify(m.key)} twice`);
    seen.add(m.key);
  }
  return { kind: 'snapshot', file, snapshot: canonicalSnapshot(snapshot), diagnostics: [], texts: new Map() };
}

let validator: ValidateFunction | undefined;

/** The snapshot schema: schema/snapshot.schema.json once installed there, else the copy beside this module. */
export function snapshotSchema(): object {
  const installed = join(schemaDir, SCHEMA_FILE);
  const path = existsSync(installed) ? installed : new URL(`./${SCHEMA_FILE}`, import.meta.url);
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

function snapshotValidator(): ValidateFunction {
  validator ??= new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(snapshotSchema());
  return validator;
}

function unreadable(file: string, reason: string, hint?: string): SideResult {
  return {
    file,
    diagnostics: [
      {
        ruleId: 'diff/unreadable',
        severity: 'error',
        message: `Cannot read ${file}: ${reason}.`,
        place: { file },
        ...(hint ? { hint } : {}),
      },
    ],
    texts: new Map(),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
