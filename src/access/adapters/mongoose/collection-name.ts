/**
 * Mongoose's default collection name (`utils.toCollectionName`): the model
 * name lower-cased and pluralised with Mongoose's own rules, which differ
 * from inflection's (`Person` → `people`, `Status` → `statuses`, names ending
 * in `s` stay). `mongoose.set('pluralize', null)` keeps the name as written.
 */
const RULES: [RegExp, string][] = [
  [/(m)an$/i, '$1en'],
  [/(pe)rson$/i, '$1ople'],
  [/(child)$/i, '$1ren'],
  [/^(ox)$/i, '$1en'],
  [/(ax|test)is$/i, '$1es'],
  [/(octop|vir)us$/i, '$1i'],
  [/(alias|status)$/i, '$1es'],
  [/(bu)s$/i, '$1ses'],
  [/(buffal|tomat|potat)o$/i, '$1oes'],
  [/([ti])um$/i, '$1a'],
  [/sis$/i, 'ses'],
  [/(?:([^f])fe|([lr])f)$/i, '$1$2ves'],
  [/(hive)$/i, '$1s'],
  [/([^aeiouy]|qu)y$/i, '$1ies'],
  [/(x|ch|ss|sh)$/i, '$1es'],
  [/(matr|vert|ind)ix|ex$/i, '$1ices'],
  [/([m|l])ouse$/i, '$1ice'],
  [/(kn|w|l)ife$/i, '$1ives'],
  [/(quiz)$/i, '$1zes'],
  [/s$/i, 's'],
  [/([^a-z])$/, '$1'],
  [/$/, 's'],
];

const UNCOUNTABLE = new Set(
  'advice energy excretion digestion cooperation health justice labour machinery equipment information pollution sewage paper money species series rain rice fish sheep moose deer news expertise status media'.split(
    ' ',
  ),
);

export function toCollectionName(modelName: string, pluralization = true): string {
  if (!pluralization || modelName === 'system.profile' || modelName === 'system.indexes') return modelName;
  const lower = modelName.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return lower;
  const rule = RULES.find(([re]) => re.test(lower));
  return rule ? lower.replace(rule[0], rule[1]) : lower;
}
