/**
 * The generated TypeScript, checked by the real compiler: `tsc --noEmit
 * --strict` accepts valid keys and codes and rejects unknown ones (each
 * `@ts-expect-error` must be used, or tsc fails).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { repoRoot } from '../support/catalogs.js';

const USAGE = `import i18next from "i18next";
import { errorCodes, isErrorCode, messageKey, messageT, namespace, sectionOf, type ErrorCode, type MessageKey, type MessageParams } from "./types/index.js";

const loggedOut: string = i18next.t("errors:6014");
const negative: string = i18next.t("errors:-302");
const range: string = i18next.t("errors:120001-130000");
const unknown: string = i18next.t("errors:unknown", { code: 424242 });
const byNumber: string = i18next.t(\`errors:\${messageKey(125000)}\`);
// @ts-expect-error: 999999 is not a key of the errors namespace
i18next.t("errors:999999");
// @ts-expect-error: misspelt namespace
i18next.t("error:6014");

const key: MessageKey = messageKey(-302);
// @ts-expect-error: not a message key
const badKey: MessageKey = "999999";
const code: ErrorCode = -10001;
// @ts-expect-error: not a code of the catalog
const badCode: ErrorCode = 999999;
const n: number = 7;
if (isErrorCode(n)) { const narrowed: ErrorCode = n; void narrowed; }
const params: MessageParams["unknown"] = { code: 1 };
// @ts-expect-error: the unknown message needs its code
const noParams: MessageParams["unknown"] = {};
const section: string = sectionOf["6014"];

// The typed t() of index.d.ts (no augmentation needed): parameters by key, dynamic keys unchecked.
const t = messageT(i18next);
const plain: string = t("6014");
const withOptions: string = t("-302", { lng: "ja" });
const withParams: string = t("unknown", { code: 424242 });
const dynamic: string = t(messageKey(125000), { code: 125000 });
const fixed: string = messageT(i18next.getFixedT("ja"))("120001-130000");
// @ts-expect-error: 999999 is not a key of the catalog
t("999999");
// @ts-expect-error: the unknown message needs its code
t("unknown");
// @ts-expect-error: code is a number
t("unknown", { code: "x" });
void [loggedOut, negative, range, unknown, byNumber, key, badKey, code, badCode, params, noParams, section, errorCodes, namespace, plain, withOptions, withParams, dynamic, fixed];
`;

describe('generated types under tsc --strict', () => {
  it('accepts valid keys and rejects unknown ones', async () => {
    const dir = join(repoRoot, 'test/tmp/types-tsc');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = await generate({
      config: join(repoRoot, 'codebook.config.json'),
      out: join(dir, 'out'),
      cwd: repoRoot,
      targets: ['types'],
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    cpSync(join(dir, 'out/types'), join(dir, 'types'), { recursive: true });
    writeFileSync(join(dir, 'usage.ts'), USAGE);
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const args = [
      '--noEmit',
      '--strict',
      '--exactOptionalPropertyTypes',
      '--noUncheckedIndexedAccess',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
    ];
    const run = (files: string[]) => {
      try {
        return { ok: true, out: execFileSync(process.execPath, [tsc, ...args, ...files], { cwd: dir, encoding: 'utf8' }) };
      } catch (error) {
        return { ok: false, out: String((error as { stdout?: string }).stdout) };
      }
    };
    const checked = run(['usage.ts', 'types/index.d.ts', 'types/i18next.d.ts']);
    expect(checked.out).toBe('');
    expect(checked.ok).toBe(true);
    // Without the expectations the same file must fail on exactly those lines.
    writeFileSync(join(dir, 'usage.ts'), USAGE.replace(/^\/\/ @ts-expect-error.*\n/gm, ''));
    const failed = run(['usage.ts', 'types/index.d.ts', 'types/i18next.d.ts']);
    expect(failed.ok).toBe(false);
    expect(failed.out.match(/error TS/g)).toHaveLength(8);
  });
});

const SELECTOR_USAGE = `import i18next from "i18next";
import { messageKey } from "./types/index.js";

const loggedOut: string = i18next.t(($) => $["6014"]);
const unknown: string = i18next.t(($) => $.unknown, { code: 424242 });
const byNumber: string = i18next.t(($) => $[messageKey(125000)]);
// @ts-expect-error: 999999 is not a key of the errors namespace
i18next.t(($) => $["999999"]);
void [loggedOut, unknown, byNumber];
`;

describe('generated types with i18nextSelector (large catalogs)', () => {
  it('type-checks the selector API and rejects unknown keys', async () => {
    const dir = join(repoRoot, 'test/tmp/types-selector');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // The embedded catalog as a base, found from here as a package export of codebook itself.
    writeFileSync(join(dir, 'codebook.config.json'), JSON.stringify({ extends: 'codebook/chat', types: { i18nextSelector: true } }));
    const result = await generate({ config: join(dir, 'codebook.config.json'), out: join(dir, 'out'), cwd: repoRoot, targets: ['types'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readFileSync(join(dir, 'out/types/i18next.d.ts'), 'utf8')).toContain('enableSelector: "optimize";');
    cpSync(join(dir, 'out/types'), join(dir, 'types'), { recursive: true });
    writeFileSync(join(dir, 'usage.ts'), SELECTOR_USAGE);
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const args = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
      'usage.ts',
      'types/index.d.ts',
      'types/i18next.d.ts',
    ];
    let out = '';
    try {
      out = execFileSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout);
    }
    expect(out).toBe('');
  });
});
