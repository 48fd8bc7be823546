import { defineConfig } from 'vite';

/** dist/i18next/<locale>/<namespace>.json: the generated bundle of one locale and namespace. */
const localeBundle = /\/dist\/i18next\/([^/]+)\/([^/]+)\.json$/;

export default defineConfig({
  // Relative asset URLs: the build works from any folder of any static server.
  base: './',
  // Only the default export: i18next reads the whole namespace object, never a named key.
  json: { namedExports: false },
  build: {
    rolldownOptions: {
      output: {
        // Name each bundle's chunk after its namespace and locale (errors-detail.zh-Hans.<hash>.js),
        // so the build output and the browser's network log show what a request is for. Dots
        // separate the parts: locales and hashes may both contain "-", neither contains ".".
        chunkFileNames(chunk) {
          const match = chunk.facadeModuleId?.replaceAll('\\', '/').match(localeBundle);
          return match ? `assets/${match[2]}.${match[1]}.[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
