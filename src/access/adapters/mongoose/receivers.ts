/** Reading call facts: callee parts, the class around a call, class members through base classes. */
import type { CallFact, ClassFact, FileFacts, MemberFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';

/** `this.userModel.find` → receiver `this.userModel`, method `find`. */
export function splitCallee(callee: string): { recv: string; method: string } | undefined {
  const dot = callee.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return { recv: callee.slice(0, dot), method: callee.slice(dot + 1) };
}

export function enclosingClass(file: FileFacts, call: Pick<CallFact, 'symbol'>): ClassFact | undefined {
  const dot = call.symbol.indexOf('.');
  if (dot <= 0) return undefined;
  const name = call.symbol.slice(0, dot);
  return file.classes.find((c) => c.name === name);
}

/** A member (property, ctor param) by name, looked up through base classes. */
export function findMember(
  index: ProjectIndex,
  file: string,
  cls: ClassFact,
  name: string,
  depth = 0,
): { file: string; member: MemberFact } | undefined {
  const member = cls.members.find((m) => m.name === name && m.kind !== 'method');
  if (member) return { file, member };
  const base = cls.extends?.replace(/<[\s\S]*$/, '').trim();
  if (!base || depth > 5) return undefined;
  const ref = index.resolveClass(file, base);
  return ref ? findMember(index, ref.file, ref.cls, name, depth + 1) : undefined;
}

/** Does the file import mongoose or one of its wrappers? */
export const importsMongoose = (file: FileFacts): boolean =>
  file.imports.some((i) => /^(mongoose|@nestjs\/mongoose|@typegoose\/typegoose)$/.test(i.specifier));
