/**
 * Sequelize's table naming (v6 `Model.init`): an explicit `tableName` wins;
 * otherwise the model name, pluralised unless `freezeTableName`, then
 * underscored when `underscored` is set. Sequelize pluralises with
 * `inflection`, whose rules `pluralize` matches and which keeps the case
 * (`Person` → `People`).
 */
import pluralize from 'pluralize';

export interface NamingOptions {
  tableName?: string;
  freezeTableName?: boolean;
  underscored?: boolean;
}

const underscore = (name: string): string =>
  name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();

export function sequelizeTableName(modelName: string, options: NamingOptions): string {
  if (options.tableName) return options.tableName;
  if (options.freezeTableName) return modelName;
  const plural = pluralize(modelName);
  return options.underscored ? underscore(plural) : plural;
}
