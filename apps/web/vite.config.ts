import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The web app, built into dist/apps/web, which the API serves at `/`. No React plugin: Vite's own
 * transform handles JSX (automatic runtime) and the build needs nothing else. `npm run dev:web`
 * serves it with the API of `npm start` behind /api.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(__dirname, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: false,
    // One CSS file and no inline <script>: the Content-Security-Policy allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
