/**
 * Checks a config's `templates` overrides against the built-in targets: an
 * override folder for no built-in target, or a file in it that replaces no
 * built-in template (say, one renamed by an upgrade), would be ignored
 * without a word, and the user would wonder why their layout is gone.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../did-you-mean.js';
import { templatesDir } from '../package-root.js';
import { pointerOf } from '../json/json-file.js';
import type { Config } from './load-config.js';

export function templateOverrideProblems(config: Config, builtInIds: readonly string[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [id, folder] of Object.entries(config.templates)) {
    const place = config.placeOf(pointerOf('templates', id));
    if (!builtInIds.includes(id)) {
      problems.push({
        ruleId: 'config/unknown-target',
        severity: 'error',
        message: `"templates" names ${JSON.stringify(id)}, which is not a built-in target.${didYouMean(id, builtInIds)}`,
        place,
      });
      continue;
    }
    if (!existsSync(folder)) continue; // reported by the config stage
    const own = join(templatesDir, id);
    const builtIn = new Set([...(existsSync(own) ? readdirSync(own) : []), ...readdirSync(join(templatesDir, '_partials'))]);
    const unused = readdirSync(folder)
      .filter((f) => f.endsWith('.hbs') && !builtIn.has(f))
      .sort();
    for (const file of unused) {
      problems.push({
        ruleId: 'config/unknown-template',
        severity: 'warning',
        message: `${file} in the ${id} override folder replaces no template of ${id}, so it is not used.${didYouMean(file, [...builtIn])} The templates of ${id}: ${[
          ...builtIn,
        ]
          .filter((f) => f.endsWith('.hbs'))
          .sort()
          .join(', ')}.`,
        place,
      });
    }
  }
  return problems;
}
