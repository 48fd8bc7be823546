/**
 * State a long-lived process (watch mode) keeps between runs. Compiled JSON
 * Schemas are already kept per process (json/schemas.ts); this keeps the
 * template renderer, whose compiled templates stay valid while no template
 * file and no template folder of the config changed.
 */
import type { Config } from '../config/load-config.js';
import { TemplateRenderer } from '../emit/render.js';
import { allTemplateFolders, foldersHash, hashOf } from './fingerprint.js';

export class WarmState {
  private current?: { key: string; renderer: TemplateRenderer };
  /** How many renderers were created: one per change of the templates. */
  renderersCreated = 0;

  /** A renderer for the config: the previous one when the templates are byte for byte the same. */
  async rendererFor(config: Config): Promise<TemplateRenderer> {
    const overrides = templateOverrides(config);
    const key = hashOf(JSON.stringify(overrides), await foldersHash(allTemplateFolders(config)));
    if (this.current?.key !== key) {
      this.current = { key, renderer: new TemplateRenderer(overrides) };
      this.renderersCreated += 1;
    }
    return this.current.renderer;
  }
}

/** The template folders that replace built-in ones, by target id: overrides and custom targets. */
export function templateOverrides(config: Config): Record<string, string> {
  return { ...config.templates, ...Object.fromEntries(config.customTargets.map((t) => [t.id, t.templates])) };
}
