/** How the guard names a table in identities and messages: `owner.name`, with the store when it is not the default one. */
import type { Table } from '../model/result.js';

export function tableLabel(table: Pick<Table, 'id' | 'store' | 'name'>, owner: string): string {
  return `${owner}.${table.store === 'default' ? table.name : table.id}`;
}
