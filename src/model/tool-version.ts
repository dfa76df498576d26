import { readFileSync } from 'node:fs';

/** carve's version, read once from its own package.json (two levels up from src/ or dist/src/). */
function readVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'carve' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

export const TOOL_VERSION = readVersion();
