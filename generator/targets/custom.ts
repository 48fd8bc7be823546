/**
 * Targets declared in the config (`customTargets`): each file renders a user
 * template with the catalog context; a path containing `{locale}` renders
 * once per locale. Identifier collisions are reported as for built-in
 * native targets, since custom lookup tables use the same names.
 */
import type { CustomTargetConfig } from '../config/load-config.js';
import { catalogContext } from '../emit/catalog-context.js';
import { identifierTable } from '../emit/identifiers.js';
import type { PlannedFile, Target } from '../emit/target.js';

export function customTarget(spec: CustomTargetConfig): Target {
  return {
    id: spec.id,
    description: spec.description ?? `custom templates from ${spec.templates}`,
    plan(catalog, { config, header }) {
      const files: PlannedFile[] = [];
      for (const file of spec.files) {
        const perLocale = file.path.includes('{locale}');
        for (const locale of perLocale ? catalog.locales : [undefined]) {
          files.push({
            path: `${spec.id}/${locale ? file.path.replaceAll('{locale}', locale) : file.path}`,
            template: file.template,
            context: catalogContext(catalog, { header, identifierPrefix: config.identifierPrefix, ...(locale ? { locale } : {}) }),
          });
        }
      }
      return { files, diagnostics: identifierTable(catalog, config.identifierPrefix, spec.id).diagnostics };
    },
  };
}
