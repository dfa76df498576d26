/**
 * TypeORM's DefaultNamingStrategy, as the ORM itself applies it
 * (`typeorm/src/naming-strategy/DefaultNamingStrategy.ts`, `util/StringUtils.ts#snakeCase`).
 */

/** `OrderItem` → `order_item`, `HTTPLog` → `http_log`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** `@Entity()` without a name: the snake-cased class name. */
export const defaultTableName = (className: string): string => snakeCase(className);

/** `@JoinTable()` without a name: `<owner_table>_<property>_<other_table>`, snake-cased as a whole. */
export const defaultJoinTableName = (ownerTable: string, property: string, otherTable: string): string =>
  snakeCase(`${ownerTable}_${property.replace(/\./g, '_')}_${otherTable}`);
