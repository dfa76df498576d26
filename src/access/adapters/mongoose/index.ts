/**
 * Mongoose (and @nestjs/mongoose, Typegoose): models → collections with
 * Mongoose's default naming, `ref` fields → relations, model statics and
 * document methods → access sites, sessions and connection transactions →
 * transaction scopes.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { findAccessSites } from './access-sites.js';
import { findModels } from './models.js';
import { enclosingClass, findMember, importsMongoose } from './receivers.js';
import { findRelations } from './relations.js';
import { findTransactions } from './transactions.js';

/** `mongoose.connection`, `conn`, `this.connection` (`@InjectConnection()`), in a file that uses Mongoose. */
function isConnection(input: AdapterInput) {
  return (file: FileFacts, recv: string, symbol: string): boolean => {
    if (recv.startsWith('this.')) {
      const cls = enclosingClass(file, { symbol });
      const found = cls && findMember(input.index, file.path, cls, recv.slice(5));
      if (found?.member.decorators.some((d) => d.name === 'InjectConnection')) return true;
      if (/^(mongoose\.)?Connection\b/.test(found?.member.type ?? '') && importsMongoose(file)) return true;
    }
    return importsMongoose(file) && /(^|\.)(connection|conn|mongoose)$/i.test(recv);
  };
}

function analyze(input: AdapterInput): AdapterOutput {
  const registry = findModels(input);
  const sites = findAccessSites(input.index, registry, input.files);
  return {
    tables: registry.models.map((m) => m.table),
    relations: findRelations(registry),
    accesses: sites.accesses,
    unresolved: sites.unresolved,
    transactions: findTransactions(input.files, isConnection(input)),
    problems: [],
  };
}

export default defineAdapter({
  name: 'mongoose',
  enablers: ['mongoose', '@nestjs/mongoose', '@typegoose/typegoose'],
  needsTypes: false,
  analyze,
});
