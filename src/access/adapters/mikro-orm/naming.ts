/**
 * MikroORM's naming strategies, as the ORM applies them: SQL drivers use
 * `UnderscoreNamingStrategy` (`OrderItem` → `order_item`, pivot
 * `<owner_table>_<property>`), the MongoDB driver `MongoNamingStrategy`
 * (`OrderItem` → `orderItem`).
 */

export const underscore = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

export interface MikroNaming {
  table(className: string): string;
  /** Pivot table of an owning many-to-many; undefined when the driver keeps no pivot (MongoDB). */
  pivot(ownerTable: string, property: string): string | undefined;
}

export const underscoreNaming: MikroNaming = {
  table: underscore,
  pivot: (ownerTable, property) => `${underscore(ownerTable)}_${underscore(property)}`,
};

export const mongoNaming: MikroNaming = {
  table: (className) => className.charAt(0).toLowerCase() + className.slice(1),
  pivot: () => undefined,
};
