/**
 * `codebook init`, through the built CLI in a blank folder: the project it
 * writes generates on the first try, and real i18next shows its messages;
 * it never overwrites a file, and refuses a folder that is already a project.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { readTree, runCli } from '../support/files.js';

const blank = () => mkdtempSync(join(tmpdir(), 'codebook-init-'));

describe('codebook init', () => {
  it('scaffolds a project that generates on the first try, in every locale asked for', async () => {
    const dir = blank();
    const init = runCli(['init', '--locales', 'en,de,pt-BR', '--yes'], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(Object.keys(readTree(dir)).sort()).toEqual([
      'codebook.config.json',
      'locales/codes.json',
      'locales/de/messages.json',
      'locales/en/messages.json',
      'locales/pt-BR/messages.json',
    ]);
    const generate = runCli(['generate'], dir);
    expect(generate.code, generate.stderr).toBe(0);
    expect(generate.stderr).not.toMatch(/error/);

    const bundle = (lng: string) =>
      JSON.parse(readFileSync(join(dir, 'dist/i18next', lng, 'errors.json'), 'utf8')) as Record<string, string>;
    const t18 = i18next.createInstance();
    await t18.init({
      lng: 'de',
      fallbackLng: 'en',
      resources: { en: { errors: bundle('en') }, de: { errors: bundle('de') }, 'pt-BR': { errors: bundle('pt-BR') } },
      defaultNS: 'errors',
      interpolation: { escapeValue: false },
    });
    expect(t18.t('1001')).toBe('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.');
    expect(t18.t('unknown', { code: 424242 })).toBe('Etwas ist schiefgelaufen (Fehler 424242). Bitte versuchen Sie es später erneut.');
    // pt-BR has no starter text: it gets the English one marked for translation, and i18next shows it.
    expect(t18.getFixedT('pt-BR')('1001')).toBe('Your session has ended. Please sign in again.');
    expect(JSON.parse(readFileSync(join(dir, 'locales/pt-BR/messages.json'), 'utf8')).messages['1001'].state).toBe('initial');
    // The config's $schema resolves to codebook's own schema.
    const config = JSON.parse(readFileSync(join(dir, 'codebook.config.json'), 'utf8')) as { $schema: string };
    expect(readFileSync(join(dir, config.$schema), 'utf8')).toContain('"codebook configuration"');
  });

  it('never overwrites a file: an existing one is kept and named', () => {
    const dir = blank();
    mkdirSync(join(dir, 'locales/en'), { recursive: true });
    writeFileSync(join(dir, 'locales/en/messages.json'), 'mine\n');
    const init = runCli(['init', '--yes'], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('kept     locales/en/messages.json');
    expect(readFileSync(join(dir, 'locales/en/messages.json'), 'utf8')).toBe('mine\n');
  });

  it('refuses a folder that is already a project, and locales that are not BCP 47, writing nothing', () => {
    const dir = blank();
    writeFileSync(join(dir, 'codebook.config.json'), '{}\n');
    expect(runCli(['init', '--yes'], dir).code).toBe(2);
    expect(readTree(dir)).toEqual({ 'codebook.config.json': '{}\n' });
    const other = blank();
    const bad = runCli(['init', '--locales', 'en,EN_us', '--yes'], other);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`"EN_us" is not a BCP 47 language tag.`);
    expect(readdirSync(other)).toEqual([]);
  });

  it('--from chat starts from the embedded catalog: a config that extends it, an app layer, only the locales asked for', () => {
    const dir = blank();
    const init = runCli(['init', '--from', 'chat', '--locales', 'en,ko', '--yes'], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(Object.keys(readTree(dir)).sort()).toEqual(['codebook.config.json', 'locales/en/app.json', 'locales/ko/app.json']);
    expect(JSON.parse(readFileSync(join(dir, 'codebook.config.json'), 'utf8'))).toMatchObject({
      extends: 'codebook/chat',
      sourceLocale: 'en',
      locales: ['en', 'ko'],
    });
    const generate = runCli(['generate', '-t', 'i18next'], dir);
    expect(generate.code, generate.stderr).toBe(0);
    expect(readdirSync(join(dir, 'dist/i18next')).sort()).toEqual(['en', 'ko']);
  });

  it('--from with a base that does not exist suggests the nearest, writing nothing', () => {
    const dir = blank();
    const init = runCli(['init', '--from', 'chats', '--yes'], dir);
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('There is no base "chats". Did you mean "chat"?');
    expect(readdirSync(dir)).toEqual([]);
  });
});
