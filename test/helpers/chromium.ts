/**
 * The one place the browser tests get their Chromium from, in this order:
 * `CHROMIUM_PATH`, a system Chromium on PATH, then the build that ships inside
 * the `@sparticuz/chromium` dev dependency (unpacked to the temp folder on first
 * use) — so `npm test` needs no browser installed by hand.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

export type BrowserSource = 'CHROMIUM_PATH' | 'system' | 'packaged';

export interface ResolvedBrowser {
  executablePath: string;
  source: BrowserSource;
  /** Flags the build needs to start here (the packaged build's own, less those that weaken web security). */
  args: string[];
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * Flags of @sparticuz/chromium left out: those that would switch off what the report tests check (same-origin,
 * mixed content), and its serverless `--single-process`, which closes the browser with its first page.
 */
const LEFT_OUT = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
]);

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium on `PATH`, as `command -v` finds it. */
export function systemChromium(envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    for (const name of SYSTEM_NAMES) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  return undefined;
}

export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedBrowser> {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file`);
    return { executablePath: chosen, source: 'CHROMIUM_PATH', args: [] };
  }
  const system = systemChromium(env.PATH);
  if (system) return { executablePath: system, source: 'system', args: [] };
  const packaged = (await import('@sparticuz/chromium')).default;
  const executablePath = await packaged.executablePath();
  return { executablePath, source: 'packaged', args: packaged.args.filter((a) => !LEFT_OUT.has(a) && !a.startsWith('--headless')) };
}

export function describeBrowser(b: ResolvedBrowser): string {
  const what = {
    CHROMIUM_PATH: 'Chromium from CHROMIUM_PATH',
    system: 'the system Chromium',
    packaged: 'the Chromium packaged in @sparticuz/chromium',
  };
  return `browser tests use ${what[b.source]}: ${b.executablePath}`;
}
