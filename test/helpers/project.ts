/** Run the real analysis on a throwaway project or on a bundled fixture. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import type { AnalysisResult } from '../../src/model/result.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturePath = (name: string): string => path.join(repoRoot, 'fixtures', name);

/** Write `files` (relative path → text) into a fresh temp folder; returns its path. */
export function writeProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'carve-test-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

export async function analyzeProject(files: Record<string, string>, overrides: Record<string, unknown> = {}): Promise<AnalysisResult> {
  const root = writeProject(files);
  const { result } = await analyze({ root, overrides: { cache: false, ...overrides } });
  return result;
}

export async function analyzeFixture(name: string, overrides: Record<string, unknown> = {}): Promise<AnalysisResult> {
  const { result } = await analyze({ root: fixturePath(name), overrides: { cache: false, ...overrides } });
  return result;
}
