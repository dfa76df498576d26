/** Reading call facts: callee parts, the class around a call, class members through base classes. */
import type { CallFact, ClassFact, FileFacts, MemberFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';

/** `this.user.findAll` → receiver `this.user`, method `findAll`. */
export function splitCallee(callee: string): { recv: string; method: string } | undefined {
  const dot = callee.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return { recv: callee.slice(0, dot), method: callee.slice(dot + 1) };
}

/** The class whose member encloses a call (`Class.method` symbols). */
export function enclosingClass(file: FileFacts, call: Pick<CallFact, 'symbol'>): ClassFact | undefined {
  const dot = call.symbol.indexOf('.');
  if (dot <= 0) return undefined;
  const name = call.symbol.slice(0, dot);
  return file.classes.find((c) => c.name === name);
}

/** Base class name of `extends Base<T>` → `Base`. */
export const baseName = (ext: string | undefined): string | undefined => ext?.replace(/<[\s\S]*$/, '').trim() || undefined;

/** A member (property, ctor param, accessor) by name, looked up through base classes. */
export function findMember(
  index: ProjectIndex,
  file: string,
  cls: ClassFact,
  name: string,
  depth = 0,
): { file: string; cls: ClassFact; member: MemberFact } | undefined {
  const member = cls.members.find((m) => m.name === name && m.kind !== 'method');
  if (member) return { file, cls, member };
  const base = baseName(cls.extends);
  if (!base || depth > 5) return undefined;
  const ref = index.resolveClass(file, base);
  return ref ? findMember(index, ref.file, ref.cls, name, depth + 1) : undefined;
}

/** Type arguments' inner name: `ModelStatic<User>` → `User`, `typeof User` → `User`. */
export function typeTarget(type: string | undefined): string | undefined {
  if (!type) return undefined;
  const t = type.trim();
  const typeofMatch = /^typeof\s+([\w.]+)$/.exec(t);
  if (typeofMatch) return typeofMatch[1];
  const generic = /^[\w.]+<\s*([\w.]+)\s*(?:,[^>]*)?>$/.exec(t);
  return generic?.[1];
}
