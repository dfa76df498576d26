/** Role tags of a file, from naming conventions and decorators — the vocabulary users think in. */
import type { FileFacts } from '../extract/file-facts.js';

const BY_NAME: [RegExp, string][] = [
  [/\.controller\.[jt]sx?$|(^|\/)controllers?\//, 'controller'],
  [/\.(routes?|router)\.[jt]sx?$|(^|\/)routes?\//, 'router'],
  [/\.service\.[jt]sx?$|(^|\/)services?\//, 'service'],
  [/\.repository\.[jt]sx?$|\.repo\.[jt]sx?$|(^|\/)repositor(y|ies)\//, 'repository'],
  [/\.(entity|model|schema)\.[jt]sx?$|(^|\/)(entities|models|schemas?)\//, 'entity'],
  [/\.module\.[jt]sx?$/, 'module'],
  [/\.dto\.[jt]sx?$|(^|\/)dtos?\//, 'dto'],
  [/\.(types?|interfaces?)\.[jt]sx?$|(^|\/)(types|interfaces)\//, 'types'],
  [/\.config\.[jt]sx?$|(^|\/)config\//, 'config'],
  [
    /\.(guard|interceptor|middleware|filter|pipe|decorator)\.[jt]sx?$|(^|\/)(guards|interceptors|middlewares?|filters|pipes|decorators)\//,
    'infrastructure',
  ],
  [/(^|\/)(utils?|helpers?|common|shared|lib|core)\//, 'shared'],
  [/(^|\/)migrations?\//, 'migration'],
];

const BY_DECORATOR: Record<string, string> = {
  Controller: 'controller',
  Resolver: 'controller',
  Module: 'module',
  Injectable: 'provider',
  Entity: 'entity',
  Table: 'entity',
  Schema: 'entity',
  Processor: 'handler',
};

export function unitTags(facts: FileFacts): string[] {
  const tags = new Set<string>();
  for (const [re, tag] of BY_NAME) if (re.test(facts.path)) tags.add(tag);
  for (const c of facts.classes) for (const d of c.decorators) if (BY_DECORATOR[d.name]) tags.add(BY_DECORATOR[d.name]);
  if (facts.entryPoints.length) tags.add('entry');
  if (facts.imports.length > 0 && facts.imports.every((i) => i.kind === 're-export')) tags.add('barrel');
  return [...tags].sort();
}
