import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dev`: the UI with hot reload on :5173, talking to a running engine (`npm run serve`) through this proxy.
// The engine refuses foreign Origins (DNS-rebinding protection), so the proxy presents the engine's own origin.
const engineUrl = process.env.ENGINE_URL ?? 'http://127.0.0.1:10007';

// One config for the renderer build (vite), its dev server, and the unit tests (vitest).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': {
        target: engineUrl,
        ws: true,
        changeOrigin: true,
        configure: (proxy) => {
          const origin = new URL(engineUrl).origin;
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', origin);
          });
          proxy.on('proxyReqWs', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', origin);
          });
        },
      },
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    // Stylesheets stay empty in tests, except when a test reads one as text (`?raw`: the source-size check).
    css: { include: [/\.css\?raw$/] },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
