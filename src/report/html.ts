/**
 * The self-contained HTML report: the template built from report-ui/ by
 * scripts/build-report-ui.mjs, with the analysis embedded as inert JSON.
 * Every name in the result comes from the analysed code and is untrusted: the
 * JSON is escaped so no `</script>`, `<!--` or markup can leave its element,
 * and the UI renders names as text only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisResult } from '../model/result.js';

const DATA_SLOT = '@@CARVE_DATA@@';
const TEMPLATE = 'dist/report-ui/template.html';

let cachedTemplate: string | undefined;

/** The package root holds dist/; this module sits in src/report (tests) or dist/src/report (built). */
function templatePath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, TEMPLATE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`carve: report template ${TEMPLATE} not found; run \`npm run build:ui\``);
    dir = parent;
  }
}

function template(): string {
  cachedTemplate ??= readFileSync(templatePath(), 'utf8');
  return cachedTemplate;
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON that can sit inside `<script type="application/json">`: these characters only occur in strings, where `\uXXXX` means the same. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => UNSAFE_IN_SCRIPT[ch]);
}

export function renderHtml(result: AnalysisResult): string {
  const page = template();
  const at = page.indexOf(DATA_SLOT);
  if (at === -1) throw new Error('carve: report template has no data slot; rebuild it with `npm run build:ui`');
  // Splice rather than String.replace: `$&`, `$'` in names would be read as patterns.
  return page.slice(0, at) + embedJson(result) + page.slice(at + DATA_SLOT.length);
}
