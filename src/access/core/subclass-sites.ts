/**
 * The one rule for "an access in a base class method counts for each
 * subclass": a subclass runs `Base.method` as its own when neither it nor any
 * class between it and `Base` declares `method`. (`Leaf extends Mid extends
 * Base`, with `Mid` overriding `findAll`: `Leaf.findAll` is `Mid`'s, not `Base`'s.)
 */
import type { FileFacts } from '../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../link/project-index.js';
import type { AccessMode } from '../../model/result.js';
import type { AccessSite } from '../adapter.js';
import { createClassHierarchy, type ClassHierarchy } from './class-hierarchy.js';
import { followConstant } from './follow-constant.js';
import { typeName } from './type-name.js';

const MAX_DEPTH = 12;

/** Does a class from `sub` up to (not including) the base `file#className` declare `method`? */
export function overridesBelow(index: ProjectIndex, sub: ClassRef, file: string, className: string, method: string): boolean {
  let current: ClassRef | undefined = sub;
  for (let i = 0; current && i < MAX_DEPTH; i++) {
    if (current.file === file && current.cls.name === className) return false;
    if (current.cls.members.some((m) => m.name === method && m.kind === 'method')) return true;
    const base = typeName(current.cls.extends);
    current = base ? index.resolveClass(current.file, base) : undefined;
  }
  return false;
}

/** Subclasses (transitively, sorted by file then name) that inherit `className.method` unchanged. */
export function inheritingSubclasses(
  hierarchy: ClassHierarchy,
  index: ProjectIndex,
  file: string,
  className: string,
  method: string,
): ClassRef[] {
  return hierarchy.subclasses(file, className).filter((sub) => !overridesBelow(index, sub, file, className, method));
}

/** Subclasses inheriting a method unchanged, with the hierarchy built once for the project. */
export type InheritorLookup = (file: string, className: string, method: string) => ClassRef[];

export function inheritorLookup(index: ProjectIndex, files: readonly FileFacts[]): InheritorLookup {
  const hierarchy = createClassHierarchy(index, files);
  return (file, className, method) => inheritingSubclasses(hierarchy, index, file, className, method);
}

/**
 * `knex(this.tableName)` in a base class method: one site per subclass that
 * inherits the method and gives the field a value, attributed to the subclass
 * (so the base class does not glue every table together). False when none does.
 */
export function subclassTableSites(
  index: ProjectIndex,
  subclasses: InheritorLookup,
  at: { file: string; symbol: string; field: string; mode: AccessMode; via: string },
  tableOf: (name: string, usedAt: string) => string,
  accesses: AccessSite[],
): boolean {
  const [className, method] = at.symbol.split('.');
  if (!method) return false;
  let expanded = false;
  for (const sub of subclasses(at.file, className, method)) {
    const name = followConstant(index, at.file, at.field, at.symbol, sub);
    if (!name) continue;
    expanded = true;
    accesses.push({
      unit: sub.file,
      symbol: `${sub.cls.name}.${method}`,
      table: tableOf(name.trim().split(/\s+as\s+|\s+/i)[0], `${sub.file}:${sub.cls.line}`),
      mode: at.mode,
      line: sub.cls.line,
      callId: -1, // inherited: no call of this file performs it
      via: `${className}.${method}: ${at.via}`,
    });
  }
  return expanded;
}
