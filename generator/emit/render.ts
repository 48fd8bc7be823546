/**
 * Renders planned files through handlebars. One isolated instance per
 * templates folder, strict (a missing field throws instead of printing
 * nothing) and without HTML escaping: escaping is done in TypeScript while
 * building the context, so a custom template cannot forget it. Each
 * template is compiled once per process. A target's templates can be
 * replaced file by file from a folder named in the config.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../package-root.js';
import type { PlannedFile } from './target.js';
import { templateHelpers } from './template-helpers.js';

type Template = (context: object) => string;

export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Template>();

  /** `overrides`: absolute template folders by target id, searched before the built-in folder. */
  constructor(private readonly overrides: Readonly<Record<string, string>> = {}, private readonly root: string = templatesDir) {
    const partials = join(root, '_partials');
    for (const name of readdirSync(partials)) {
      if (name.endsWith('.hbs')) this.handlebars.registerPartial(name.slice(0, -4), readFileSync(join(partials, name), 'utf8'));
    }
    this.handlebars.registerHelper(templateHelpers);
  }

  /** Renders `templates/<targetId>/<file.template>` with the file's context. */
  render(targetId: string, file: PlannedFile): string {
    if (file.content !== undefined) return file.content;
    if (!file.template || !file.context) throw new Error(`codebook: ${file.path} has neither content nor a template`);
    const override = this.overrides[targetId] && join(this.overrides[targetId], file.template);
    const path = override && existsSync(override) ? override : join(this.root, targetId, file.template);
    let template = this.compiled.get(path);
    if (!template) {
      const source = readFileSync(path, 'utf8');
      template = this.handlebars.compile(source, { strict: true, noEscape: true });
      this.compiled.set(path, template);
    }
    return template(file.context);
  }
}
