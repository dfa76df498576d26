// Bundles report-ui/ into ONE self-contained HTML template: dist/report-ui/template.html.
// JS and CSS are inlined, the Content-Security-Policy pins the script by its hash, and
// `@@CARVE_DATA@@` is left for src/report/html.ts to fill with the analysis at report time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(root, 'dist/report-ui/template.html');

const bundle = await build({
  entryPoints: [path.join(root, 'report-ui/src/main.ts')],
  bundle: true,
  write: false,
  outdir: path.join(root, 'dist/report-ui/assets'),
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});

const output = (ext) => {
  const file = bundle.outputFiles.find((f) => f.path.endsWith(ext));
  if (!file) throw new Error(`build-report-ui: esbuild produced no ${ext} output`);
  return file.text;
};

// Inline <script>/<style> end at the first `</script` / `</style`; `<!--` switches the
// HTML parser into an escaped state. The bundle must contain none of them.
const js = output('.js').replace(/<\/script/gi, '<\\/script');
const css = output('.css');
for (const [name, text, bad] of [
  ['script', js, /<\/script|<!--/i],
  ['style', css, /<\/style/i],
]) {
  if (bad.test(text)) throw new Error(`build-report-ui: the ${name} bundle contains ${bad}`);
}

const scriptHash = createHash('sha256').update(js, 'utf8').digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "font-src 'none'",
  "connect-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const template = readFileSync(path.join(root, 'report-ui/template.html'), 'utf8');
const fill = (text, slot, value) => {
  if (text.split(slot).length !== 2) throw new Error(`build-report-ui: ${slot} must occur exactly once in the template`);
  // A function replacement: the minified bundle is full of `$&`-like sequences.
  return text.replace(slot, () => value);
};
let html = fill(template, '@@CARVE_CSP@@', csp);
html = fill(html, '@@CARVE_STYLE@@', `<style>${css}</style>`);
html = fill(html, '@@CARVE_SCRIPT@@', `<script>${js}</script>`);

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, html);
console.log(`report-ui: ${path.relative(root, outFile)} (${(html.length / 1024).toFixed(0)} KiB)`);
