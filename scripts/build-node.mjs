// Bundles the Node side (engine CLI, Electron main, preload) into dist/electron with esbuild.
// The renderer is built separately by vite. `electron` stays external: it is provided by the runtime.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
};

// CommonJS packages bundled into an ES module still find `require` (the banner), `__filename` and `__dirname`
// (write-file-atomic hashes __filename into its temp file names; without this every atomic write throws).
const commonJsInEsm = {
  format: 'esm',
  define: { __filename: 'import.meta.filename', __dirname: 'import.meta.dirname' },
};
const requireBanner = 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);';

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'electron/engine/cli/cli.ts' },
    outdir: 'dist/electron',
    ...commonJsInEsm,
    banner: { js: `#!/usr/bin/env node\n${requireBanner}` },
  }),
  build({
    ...common,
    entryPoints: { main: 'electron/main.ts' },
    outdir: 'dist/electron',
    ...commonJsInEsm,
    banner: { js: requireBanner },
  }),
  // A sandboxed preload cannot load ES modules or require local files: one CommonJS file.
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.cts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  }),
  // npm run bench: the runner, the baseline server and the engine child. Packages (autocannon, playwright, ws)
  // stay external and resolve from node_modules at run time.
  build({
    ...common,
    entryPoints: {
      run: 'bench/run.ts',
      'bare-server': 'bench/bare-server.ts',
      'engine-child': 'bench/engine-child.ts',
      'inprocess-child': 'bench/inprocess-child.ts',
      kill9: 'bench/kill9.ts',
      soak: 'bench/soak.ts',
    },
    outdir: 'dist/bench',
    format: 'esm',
    packages: 'external',
  }),
]);
