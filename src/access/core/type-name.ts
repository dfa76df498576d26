/** The class or interface name a type annotation or heritage clause names. */
/** `readonly Repo<User> | undefined` → `Repo`; undefined for arrays, literals and function types. */
export function typeName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const first = text
    .replace(/^readonly\s+/, '')
    .split('|')
    .map((t) => t.trim())
    .find((t) => t !== 'undefined' && t !== 'null');
  if (!first || first.endsWith('[]')) return undefined;
  const m = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/.exec(first);
  return m?.[1];
}
