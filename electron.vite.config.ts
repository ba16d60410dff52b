import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { BUNDLED_DEPS } from './scripts/main-bundle';

/**
 * Adds `<link rel="modulepreload">` for 首页's chunk and everything it imports, so the browser fetches them beside
 * the entry instead of after the entry has run and asked for them. 首页 is where every start lands; another route
 * still gets its chunk from preloadPage() a moment later, and the preloaded files are cached either way.
 */
function preloadFirstPage(page: string): Plugin {
  return {
    name: 'ledger-preload-first-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const first = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(page));
        if (!first) throw new Error(`preloadFirstPage: no chunk for ${page}`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          for (const dep of chunk?.imports ?? []) visit(dep);
        };
        visit(first.fileName);
        const links = [...files]
          .filter((f) => !html.includes(`/${f}"`))
          .map((f) => `    <link rel="modulepreload" crossorigin href="./${f}">`)
          .join('\n');
        return html.replace(/\n\s*<\/head>/, () => `\n${links}\n  </head>`);
      },
    },
  };
}

// One build produces the desktop shell (main + preload) and the renderer that web mode also serves.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin({ exclude: BUNDLED_DEPS })],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules; main loads out/preload/index.cjs.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), preloadFirstPage('renderer/src/pages/home/HomePage.tsx')],
    build: {
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
              { name: 'vendor', test: /[\\/]node_modules[\\/](?!.*\.css$)/, tags: ['$initial'], priority: 20, maxSize: 900 * 1024 },
            ],
          },
        },
      },
    },
  },
});
