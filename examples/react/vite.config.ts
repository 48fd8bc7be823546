import { defineConfig } from 'vite';

/** <locale>/<namespace>.json under dist/i18next (generated) or examples/react/locales (the app's own). */
const localeBundle = /\/(?:dist\/i18next|examples\/react\/locales)\/([^/]+)\/([^/]+)\.json$/;

// No React plugin: Vite's own transform compiles JSX as tsconfig.json's "jsx": "react-jsx" says.
// (It gives no Fast Refresh; edits reload the page.)
export default defineConfig({
  // Relative asset URLs: the build works from any folder of any static server.
  base: './',
  // Only the default export: i18next reads the whole namespace object.
  json: { namedExports: false },
  build: {
    rolldownOptions: {
      output: {
        // errors-detail.zh-Hans.<hash>.js: the network log shows what each chunk holds. Dots
        // separate the parts because locales and hashes may contain "-" but never ".".
        chunkFileNames(chunk) {
          const match = chunk.facadeModuleId?.replaceAll('\\', '/').match(localeBundle);
          return match ? `assets/${match[2]}.${match[1]}.[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
