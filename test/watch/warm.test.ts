/**
 * What watch mode keeps between runs: the template renderer (and with it the
 * compiled templates) is reused while no template byte changed, and replaced
 * when one did.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WarmState } from '../../generator/cache/warm.js';
import { loadConfig } from '../../generator/config/load-config.js';
import { generate } from '../../generator/pipeline.js';
import { repoRoot } from '../support/catalogs.js';
import { fixtureCopy } from '../support/files.js';

describe('warm state', () => {
  it('reuses the renderer until a template changes', async () => {
    const dir = fixtureCopy('hazards', 'codebook-warm-');
    cpSync(join(repoRoot, 'templates/java'), join(dir, 'tpl/java'), { recursive: true });
    const configPath = join(dir, 'codebook.config.json');
    writeFileSync(
      configPath,
      readFileSync(configPath, 'utf8').replace('"out": "dist"', '"out": "dist",\n  "templates": { "java": "tpl/java" }'),
    );
    const warm = new WarmState();
    const options = { config: configPath, cwd: dir, targets: ['java'], warm };

    const first = await generate(options);
    expect(first.written?.written.length).toBeGreaterThan(0);
    const { config } = await loadConfig(configPath);
    const renderer = await warm.rendererFor(config!);
    expect(warm.renderersCreated).toBe(1);
    await generate(options);
    expect(await warm.rendererFor(config!)).toBe(renderer);

    const template = join(dir, 'tpl/java/bundle.properties.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}# changed\n`);
    const third = await generate(options);
    expect(warm.renderersCreated).toBe(2);
    expect(third.written?.written).toContain('java/Errors.properties');
    expect(readFileSync(join(dir, 'dist/java/Errors.properties'), 'utf8')).toMatch(/# changed\n$/);
  });
});
