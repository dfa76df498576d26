// Bundles the CLI and the engine into one file, dist/cli/main.js (run after tsc, whose
// dist/cli/main.js it replaces): loading one file instead of ~250 ES modules is most of Node's
// start-up work for carve. The heavy CommonJS packages stay outside the bundle and are
// required on first use by the modules that need them: TypeScript only when a file must be
// parsed (or a config has comments), the SQL and Prisma parsers when such code is seen, ink
// for a live terminal. The worker-thread entry is bundled beside it, where worker-pool.ts looks.
// dist/src stays tsc's typed library build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/cli');

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['ts-morph', 'node-sql-parser', 'ink', 'react', 'react/*'],
  // Bundled CommonJS dependencies (graphology, commander, …) call `require` for Node's built-ins.
  banner: {
    js: "import { createRequire as __carveCreateRequire } from 'node:module'; const require = __carveCreateRequire(import.meta.url);",
  },
  jsx: 'automatic',
  logLevel: 'warning',
};
// Modules that load a package on first use do it with `createRequire(import.meta.url)`, which esbuild
// cannot see through. Without that local `require`, esbuild sees the call: an external package stays a
// plain require (the banner's), a bundled one is inlined behind a lazy wrapper that runs on first call.
// That matters for @mrleebo/prisma-ast: unbundled, its chevrotain loads ~650 lodash-es modules.
const lazyRequires = {
  name: 'lazy-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const local = 'const require = createRequire(import.meta.url);';
      if (!text.includes(local)) return undefined;
      return { contents: text.replace(local, ''), loader: 'ts' };
    });
  },
};

// ink's progress view stays a file of its own, so its ESM imports of ink and React are not hoisted into main.js.
const inkProgress = {
  name: 'ink-progress-apart',
  setup(b) {
    b.onResolve({ filter: /\/progress\/ink-progress\.js$/ }, () => ({ path: './ink-progress.js', external: true }));
  },
};
await build({ ...common, entryPoints: { main: path.join(root, 'cli/main.ts') }, outdir, plugins: [inkProgress, lazyRequires] });
await build({ ...common, entryPoints: { 'ink-progress': path.join(root, 'cli/progress/ink-progress.tsx') }, outdir });
await build({
  ...common,
  plugins: [lazyRequires],
  entryPoints: { 'extract-worker': path.join(root, 'src/extract/extract-worker.ts') },
  outdir,
});
