#!/usr/bin/env node
// Prints the message for an error code in a locale, from codebook's generated bundles.
//
//   node examples/node/lookup.mjs 6014 ja
//
// The texts are dist/i18next/<locale>/errors.json, read with fs and handed to i18next as
// resources (initAsync: false, so no backend and no await). The key for a code comes from the
// generated messageKey() (exact code, then range, then "unknown") in dist/types/index.js, plain
// JavaScript that Node imports as it is, so this file repeats none of the catalog's logic.
import { readdirSync, readFileSync } from 'node:fs';
import i18next from 'i18next';
import { messageKey, namespace } from '../../dist/types/index.js';

const bundles = new URL('../../dist/i18next/', import.meta.url);

const [codeArg, lng = 'en', ...extra] = process.argv.slice(2);
if (!codeArg || extra.length > 0 || !/^-?\d{1,16}$/.test(codeArg) || !Number.isSafeInteger(Number(codeArg))) {
  console.error('usage: node examples/node/lookup.mjs <code> [locale]   e.g. 6014 ja');
  process.exit(2);
}

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
