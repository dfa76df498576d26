/** The registered edge signals, in the order they are applied. */
import { coAccess } from './co-access.js';
import { codeDependency } from './code-dependency.js';
import { dataAccess } from './data-access.js';
import { entryPoint } from './entry-point.js';
import { folder } from './folder.js';
import { foreignKey } from './foreign-key.js';
import { nameStemSignal } from './name-stem.js';
import type { EdgeSignal } from './signal.js';
import { transaction } from './transaction.js';

export const EDGE_SIGNALS: readonly EdgeSignal[] = [
  codeDependency,
  dataAccess,
  coAccess,
  transaction,
  foreignKey,
  entryPoint,
  folder,
  nameStemSignal,
];
