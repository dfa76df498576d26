/**
 * Sequelize (and sequelize-typescript): models → tables, associations →
 * relations, static and instance model calls → access sites,
 * `sequelize.transaction` → transaction scopes, `sequelize.query` → parsed SQL.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { findAccessSites } from './access-sites.js';
import { findAssociations } from './associations.js';
import { findInstances, type SequelizeInstance } from './instances.js';
import { findModels, instanceFor } from './models.js';
import { rawQuerySite, tableMatcher } from './raw-queries.js';
import { enclosingClass, findMember, splitCallee } from './receivers.js';
import { findTransactions } from './transactions.js';

/** `sequelize`, `db.sequelize`, `this.sequelize`, `User.sequelize`, or a binding to a `new Sequelize`. */
function instanceTest(input: AdapterInput, instances: readonly SequelizeInstance[]) {
  return (file: FileFacts, recv: string, symbol: string): boolean => {
    if (/(^|\.)_?sequelize$/i.test(recv)) return true;
    if (instanceFor(input.index, instances, file.path, recv)) return true;
    if (recv.startsWith('this.')) {
      const cls = enclosingClass(file, { symbol });
      const found = cls && findMember(input.index, file.path, cls, recv.slice(5));
      return (
        !!found && (/^Sequelize\b/.test(found.member.type ?? '') || found.member.decorators.some((d) => d.name === 'InjectConnection'))
      );
    }
    return false;
  };
}

function analyze(input: AdapterInput): AdapterOutput {
  const instances = findInstances(input);
  const registry = findModels(input, instances);
  const { relations, joinTables, names } = findAssociations(input.index, registry, input.files);
  const sites = findAccessSites(input.index, registry, names, input.files);
  const isInstance = instanceTest(input, instances);
  const tables = [...registry.models.map((m) => m.table), ...joinTables].sort((a, b) => a.id.localeCompare(b.id));
  const out: AdapterOutput = {
    tables,
    relations,
    accesses: sites.accesses,
    unresolved: sites.unresolved,
    transactions: findTransactions(input.files, isInstance),
    problems: [],
  };
  const known = [...tables, ...input.knownTables];
  for (const file of input.files) {
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      if (!parts || parts.method !== 'query' || !isInstance(file, parts.recv, call.symbol)) continue;
      // SQL names match tables of the instance it runs on first.
      const store = (registry.splitStores && instanceFor(input.index, instances, file.path, parts.recv)?.name) || input.defaultStore;
      const raw = rawQuerySite(file, call.id, call.callee, input.parseSql, tableMatcher(known, store), 'sequelize');
      out.accesses.push(...raw.accesses);
      out.unresolved.push(...raw.unresolved);
      out.problems.push(...raw.problems);
    }
  }
  return out;
}

export default defineAdapter({
  name: 'sequelize',
  enablers: ['sequelize', 'sequelize-typescript', '@nestjs/sequelize', '@sequelize/core'],
  needsTypes: false,
  analyze,
});
