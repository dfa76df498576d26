/** Small readers over ArgFact summaries (option objects, literals, arrow bodies). */
import type { ArgFact } from '../../../extract/file-facts.js';

export const propOf = (arg: ArgFact | undefined, name: string): ArgFact | undefined => (arg?.k === 'obj' ? arg.props[name] : undefined);

export const strOf = (arg: ArgFact | undefined): string | undefined => (arg?.k === 'str' ? arg.v : undefined);

/** Identifier or member text of a reference: `User`, `models.User`; `() => User` reads through the arrow. */
export function refOf(arg: ArgFact | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.k === 'id' || arg.k === 'member') return arg.v;
  if (arg.k === 'fn' && arg.params.length === 0) return refOf(arg.ret);
  return undefined;
}
