#!/usr/bin/env node
// Prints the message for an error code in a locale, from codebook's generated bundles.
//
//   npx tsc -p examples/node               # once, and after each "npm run generate"
//   node examples/node/lookup.mjs 6014 ja
//
// The texts are dist/i18next/<locale>/errors.json, read with fs and handed to i18next as
// resources (initAsync: false, so no backend and no await). The key for a code comes from the
// generated messageKey() (exact code, then range, then "unknown"), compiled from
// dist/types/index.ts by the tsc step above, so this file repeats none of the catalog's logic.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import i18next from 'i18next';

const typesSource = new URL('../../dist/types/index.ts', import.meta.url);
const typesBuilt = new URL('./build/index.js', import.meta.url);
const bundles = new URL('../../dist/i18next/', import.meta.url);

const [codeArg, lng = 'en', ...extra] = process.argv.slice(2);
if (!codeArg || extra.length > 0 || !/^-?\d{1,16}$/.test(codeArg) || !Number.isSafeInteger(Number(codeArg))) {
  console.error('usage: node examples/node/lookup.mjs <code> [locale]   e.g. 6014 ja');
  process.exit(2);
}
if (!existsSync(typesBuilt) || statSync(typesBuilt).mtimeMs < statSync(typesSource).mtimeMs) {
  console.error('examples/node/build/index.js is missing or older than dist/types/index.ts: run "npx tsc -p examples/node"');
  process.exit(2);
}
const { messageKey, namespace } = await import(typesBuilt.href);

// Every locale the generator wrote; a locale without a folder falls back to English.
const resources = {};
for (const entry of readdirSync(bundles, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const file = new URL(`${entry.name}/${namespace}.json`, bundles);
  resources[entry.name] = { [namespace]: JSON.parse(readFileSync(file, 'utf8')) };
}

const i18n = i18next.createInstance();
i18n.init({
  initAsync: false,
  resources,
  lng,
  fallbackLng: 'en',
  ns: [namespace],
  defaultNS: namespace,
  interpolation: { escapeValue: false }, // terminal output, not HTML
});

const code = Number(codeArg);
// { code } fills {{code}} in the "unknown" message; other messages have no parameters.
console.log(i18n.t(messageKey(code), { code }));
