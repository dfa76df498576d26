/**
 * The link cache: each file's links (its outgoing edges, unresolved imports,
 * external packages), kept with exactly what computing them read — the facts
 * of which files (by content hash) and which module resolutions (by the paths
 * whose presence decided them). A warm run re-links a file only when its own
 * content, a file it read, or one of its resolutions' candidate paths changed;
 * tsconfigs or workspaces that changed re-link everything.
 */
import { createHash } from 'node:crypto';
import type { Tsconfig, WorkspacePackage } from '../discover/index.js';
import type { EdgeKind } from '../model/result.js';

/** Bump when linking produces different links for the same facts. */
export const LINK_FORMAT = 3;

export interface FileLinks {
  /** Per target and kind, in the order first linked: `[to, kind, weight (unrounded), symbols]`. */
  edges: [string, EdgeKind, number, string[]][];
  /** `[specifier, line]`. */
  /** Specifier, line, and the hint when carve can name why. */
  unresolved: [string, number, string?][];
  externals: string[];
  assets: number;
  /** `[to, via, line]`: the file an import names (a barrel, or `to`) that leads to `to`, first line; the guard's locations. */
  sites: [string, string, number][];
}

export interface LinkedFile {
  hash: string;
  /** Files whose facts the linking read (itself included), and resolution keys it asked. */
  reads: string[];
  queries: string[];
  links: FileLinks;
}

export interface LinkMemory {
  context: string;
  files: Map<string, LinkedFile>;
  /** Resolution key → the paths probed to resolve it. */
  queries: Map<string, string[]>;
}

/** What every resolution depends on besides the file list. */
export function linkContext(
  tsconfigs: readonly Tsconfig[],
  workspaces: readonly WorkspacePackage[],
  packages: ReadonlySet<string>,
): string {
  // Declared packages decide whether an import no file answers is external or unresolved with a hint.
  return createHash('sha1')
    .update(JSON.stringify({ format: LINK_FORMAT, tsconfigs, workspaces, packages: [...packages].sort() }))
    .digest('hex');
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

function isLinkedFile(x: unknown): x is LinkedFile {
  const e = x as LinkedFile;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.hash === 'string' &&
    isStrings(e.reads) &&
    isStrings(e.queries) &&
    typeof e.links === 'object' &&
    e.links !== null &&
    Array.isArray(e.links.edges) &&
    Array.isArray(e.links.sites) &&
    e.links.sites.every((t) => Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string' && typeof t[2] === 'number') &&
    e.links.edges.every(
      (t) => Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string' && typeof t[2] === 'number' && isStrings(t[3]),
    ) &&
    Array.isArray(e.links.unresolved) &&
    e.links.unresolved.every(
      (u) => Array.isArray(u) && typeof u[0] === 'string' && typeof u[1] === 'number' && (u[2] === undefined || typeof u[2] === 'string'),
    ) &&
    isStrings(e.links.externals) &&
    typeof e.links.assets === 'number'
  );
}

/** A cache file read back: used only when it has the shape written (it lives in the analysed tree). */
export function asLinkMemory(data: unknown): LinkMemory | undefined {
  const m = data as LinkMemory;
  if (typeof m !== 'object' || m === null || typeof m.context !== 'string' || !(m.files instanceof Map) || !(m.queries instanceof Map))
    return undefined;
  for (const [file, entry] of m.files) if (typeof file !== 'string' || !isLinkedFile(entry)) return undefined;
  for (const [key, probes] of m.queries) if (typeof key !== 'string' || !isStrings(probes)) return undefined;
  return m;
}

/**
 * The previous run's files whose links still hold, given this run's content hashes (path → hash of
 * every analysed file) and resolution context.
 */
export function reusableLinks(
  previous: LinkMemory | undefined,
  hashes: ReadonlyMap<string, string>,
  context: string,
): Map<string, LinkedFile> {
  const reusable = new Map<string, LinkedFile>();
  if (!previous || previous.context !== context) return reusable;
  const changed = new Set<string>(); // content changed, added or removed
  const membership = new Set<string>(); // added or removed
  for (const [file, hash] of hashes) {
    const before = previous.files.get(file)?.hash;
    if (before !== hash) changed.add(file);
    if (before === undefined) membership.add(file);
  }
  for (const file of previous.files.keys()) {
    if (!hashes.has(file)) {
      changed.add(file);
      membership.add(file);
    }
  }
  const stale = new Set<string>();
  if (membership.size > 0) {
    for (const [key, probes] of previous.queries) if (probes.some((p) => membership.has(p))) stale.add(key);
  }
  for (const [file, entry] of previous.files) {
    if (changed.has(file) || entry.reads.some((r) => changed.has(r)) || entry.queries.some((q) => stale.has(q) || !previous.queries.has(q)))
      continue;
    reusable.set(file, entry);
  }
  return reusable;
}
