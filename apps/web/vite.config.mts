import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The web app, built into dist/apps/web, which the API serves at `/`. No React plugin: Vite's own
 * transform handles JSX (automatic runtime) and the build needs nothing else. `npm run dev:web`
 * serves it with the API of `npm start` behind /api.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: false,
    // One CSS file and no inline <script>: the Content-Security-Policy allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // The budget that matters is gzipped first-load JavaScript (300 kB), measured by npm run bench:web.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      onwarn(warning, warn) {
        // Designsystemet's icon modules carry React's "use client" marker, which means nothing here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
