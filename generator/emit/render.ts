/**
 * Renders planned files through handlebars. One isolated instance per
 * templates folder, strict (a missing field throws instead of printing
 * nothing) and without HTML escaping: escaping is done in TypeScript while
 * building the context, so a custom template cannot forget it. Each
 * template is compiled once per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../package-root.js';
import type { PlannedFile } from './target.js';
import { templateHelpers } from './template-helpers.js';

type Template = (context: object) => string;

export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Template>();

  constructor(private readonly root: string = templatesDir) {
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
    const name = `${targetId}/${file.template}`;
    let template = this.compiled.get(name);
    if (!template) {
      const source = readFileSync(join(this.root, name), 'utf8');
      template = this.handlebars.compile(source, { strict: true, noEscape: true });
      this.compiled.set(name, template);
    }
    return template(file.context);
  }
}
