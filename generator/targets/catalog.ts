/**
 * `catalog/catalog.json`: the snapshot of the catalog that `codebook diff`
 * compares releases by (catalog-snapshot.ts). One file, no template: canonical JSON.
 */
import type { Target } from '../emit/target.js';
import { SNAPSHOT_FILE, catalogSnapshot } from './catalog-snapshot.js';

export const catalogTarget: Target = {
  id: 'catalog',
  description: 'catalog/catalog.json: keys, codes, sections, parameters, identifiers and texts, for "codebook diff"',
  plan(catalog, { config, header }) {
    return {
      files: [{ path: SNAPSHOT_FILE, content: catalogSnapshot(catalog, { identifierPrefix: config.identifierPrefix, header }) }],
      diagnostics: [],
    };
  },
};
