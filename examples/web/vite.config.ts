import { defineConfig } from 'vite';

/** dist/i18next/<locale>/errors.json: the generated bundle of one locale. */
const localeBundle = /\/dist\/i18next\/([^/]+)\/errors\.json$/;

export default defineConfig({
  // Relative asset URLs: the build works from any folder of any static server.
  base: './',
  // Only the default export: i18next reads the whole namespace object, never a named key.
  json: { namedExports: false },
  build: {
    rolldownOptions: {
      output: {
        // Name each locale's chunk after its locale (errors.ja-<hash>.js), so the build output and
        // the browser's network log show which locale a request is for.
        chunkFileNames(chunk) {
          const locale = chunk.facadeModuleId?.replaceAll('\\', '/').match(localeBundle)?.[1];
          return locale ? `assets/errors.${locale}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
