/**
 * Sequelize instances (`new Sequelize(…)`). When models are bound to
 * several, each is its own store named after the variable holding it (see
 * `models.ts`). Global `define` options (freezeTableName, underscored) apply
 * to the models of their instance.
 */
import type { AdapterInput } from '../../adapter.js';
import { boolOf, propOf } from './arg-facts.js';
import type { NamingOptions } from './naming.js';

export interface SequelizeInstance {
  key: string; // `file#variable`
  name: string;
  defaults: NamingOptions;
  /** Models listed in sequelize-typescript's `models: [A, B]` option, resolved later. */
  models: string[];
  file: string;
}

export function findInstances(input: AdapterInput): SequelizeInstance[] {
  const found: SequelizeInstance[] = [];
  for (const file of input.files) {
    for (const call of file.calls) {
      if (call.callee !== 'new Sequelize' && call.callee !== 'new Sequelize.Sequelize') continue;
      const options = [...call.args].reverse().find((a) => a.k === 'obj');
      const define = propOf(options, 'define');
      const models = propOf(options, 'models');
      const name = call.assignedTo?.replace(/^this\./, '') ?? 'sequelize';
      found.push({
        key: `${file.path}#${call.assignedTo ?? ''}`,
        name,
        file: file.path,
        defaults: { freezeTableName: boolOf(propOf(define, 'freezeTableName')), underscored: boolOf(propOf(define, 'underscored')) },
        models: models?.k === 'arr' ? models.items.flatMap((i) => (i.k === 'id' ? [i.v] : [])) : [],
      });
    }
  }
  return found;
}
