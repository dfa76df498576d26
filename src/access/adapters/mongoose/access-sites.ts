/**
 * Access sites: model statics (`find` read, `updateOne` write, …), document
 * methods (`doc.save()`), `$lookup`/`$unionWith` sources (read) and
 * `$out`/`$merge` targets (write) of `aggregate` pipelines, and
 * `populate('field')` of a ref field (read of the referenced collection).
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { AccessMode, UnresolvedAccess } from '../../../model/result.js';
import type { AccessSite } from '../../adapter.js';
import { propOf, strOf } from './arg-facts.js';
import type { ModelRegistry, MongooseModel } from './models.js';
import type { GenericSite } from '../../core/generic-base-sites.js';
import { resolveModelGenericSites } from './generic-repositories.js';
import { enclosingClass, splitCallee } from './receivers.js';
import { fieldRefs, refTarget } from './relations.js';
import { resolveDocument, resolveStatic } from './resolve-model.js';

const READ = 'find findOne findById countDocuments count estimatedDocumentCount distinct exists aggregate where populate';
const WRITE =
  'create insertMany updateOne updateMany update findOneAndUpdate findByIdAndUpdate findOneAndDelete findByIdAndDelete findOneAndRemove findByIdAndRemove findOneAndReplace deleteOne deleteMany remove replaceOne bulkWrite bulkSave';
const STATIC_MODES = new Map<string, AccessMode>([
  ...READ.split(' ').map((m) => [m, 'read'] as const),
  ...WRITE.split(' ').map((m) => [m, 'write'] as const),
]);
const DOCUMENT_MODES = new Map<string, AccessMode>([
  ['save', 'write'],
  ['deleteOne', 'write'],
  ['remove', 'write'],
  ['updateOne', 'write'],
]);
/** Names no other library uses on its models: an unresolved receiver with them is still a Mongoose access. */
const DISTINCTIVE = new Set([
  'countDocuments',
  'estimatedDocumentCount',
  'findById',
  'findByIdAndUpdate',
  'findOneAndUpdate',
  'findByIdAndDelete',
  'insertMany',
  'bulkWrite',
]);

export interface SiteResult {
  accesses: AccessSite[];
  unresolved: UnresolvedAccess[];
}

/** Collections a pipeline reads from (`$lookup.from`, `$unionWith`) or writes to (`$out`, `$merge`). */
function pipelineCollections(pipeline: ArgFact | undefined): { name: string; mode: AccessMode }[] {
  if (pipeline?.k !== 'arr') return [];
  const out: { name: string; mode: AccessMode }[] = [];
  for (const stage of pipeline.items) {
    const lookup = propOf(stage, '$lookup');
    const from = strOf(propOf(lookup, 'from'));
    if (from) out.push({ name: from, mode: 'read' });
    out.push(...pipelineCollections(propOf(lookup, 'pipeline')));
    const union = propOf(stage, '$unionWith');
    const unionColl = strOf(union) ?? strOf(propOf(union, 'coll'));
    if (unionColl) out.push({ name: unionColl, mode: 'read' });
    const target = strOf(propOf(stage, '$out')) ?? strOf(propOf(stage, '$merge')) ?? strOf(propOf(propOf(stage, '$merge'), 'into'));
    if (target) out.push({ name: target, mode: 'write' });
  }
  return out;
}

export function findAccessSites(index: ProjectIndex, registry: ModelRegistry, files: readonly FileFacts[]): SiteResult {
  const accesses: AccessSite[] = [];
  const unresolved: UnresolvedAccess[] = [];
  const generic: (GenericSite & { call: Omit<UnresolvedAccess, 'orm' | 'reason'> })[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      if (!parts) continue;
      const site = (table: string, mode: AccessMode, via: string): void => {
        accesses.push({ unit: file.path, symbol: call.symbol, table, mode, line: call.line, callId: call.id, via });
      };
      // a custom `find…` static declared on the schema reads its model (only once the model is known)
      const customRead = !STATIC_MODES.has(parts.method) && /^find[A-Z]\w*$/.test(parts.method);
      const staticMode = STATIC_MODES.get(parts.method) ?? (customRead ? 'read' : undefined);
      const resolvedRef = staticMode ? resolveStatic(index, registry, file, call, parts.recv) : undefined;
      const ref = customRead && resolvedRef && !('model' in resolvedRef) ? undefined : resolvedRef;
      if (ref && 'model' in ref && staticMode) {
        const model = ref.model;
        site(model.table.id, staticMode, `${model.modelName}.${parts.method}`);
        if (parts.method === 'aggregate') {
          for (const c of pipelineCollections(call.args[0]))
            site(collectionId(registry, model, c.name), c.mode, `${model.modelName}.aggregate ${c.name}`);
        }
        for (const target of populated(registry, model, file, call.id))
          site(target.table.id, 'read', `${model.modelName}.${parts.method} populate ${target.modelName}`);
        continue;
      }
      if (ref && 'unresolved' in ref && ref.unresolved === 'generic-model' && staticMode && /^this\.[\w$]+$/.test(parts.recv)) {
        const cls = enclosingClass(file, call);
        if (cls) {
          generic.push({
            file: file.path,
            cls,
            member: parts.recv.slice(5),
            method: call.symbol.slice(cls.name.length + 1),
            mode: staticMode,
            via: `${call.symbol} → ${parts.recv}.${parts.method}`,
            call: { unit: file.path, symbol: call.symbol, line: call.line, detail: ref.detail },
          });
          continue;
        }
      }
      if (ref && 'unresolved' in ref) {
        unresolved.push({
          unit: file.path,
          symbol: call.symbol,
          line: call.line,
          orm: 'mongoose',
          reason: ref.unresolved,
          detail: ref.detail,
        });
        continue;
      }
      const documentMode = DOCUMENT_MODES.get(parts.method);
      const doc = documentMode ? resolveDocument(index, registry, file, call, parts.recv) : undefined;
      if (doc && documentMode) {
        site(doc.table.id, documentMode, `${doc.modelName}#${parts.method}`);
        continue;
      }
      if (DISTINCTIVE.has(parts.method) && call.receiver === undefined && /(^|\.)([A-Z]\w*|\w*Model)$/.test(parts.recv)) {
        unresolved.push({
          unit: file.path,
          symbol: call.symbol,
          line: call.line,
          orm: 'mongoose',
          reason: 'unknown-model',
          detail: call.callee,
        });
      }
    }
  }
  // Generic base repositories: accesses go to the subclasses that bind the model; unbound ones stay unresolved.
  const resolved = resolveModelGenericSites(index, registry, files, generic);
  accesses.push(...resolved.accesses);
  for (const g of resolved.leftOver) unresolved.push({ ...g.call, orm: 'mongoose', reason: 'generic-model' });
  return { accesses, unresolved };
}

/** A collection named in a pipeline: a declared one in the model's store, else taken as written. */
function collectionId(registry: ModelRegistry, from: MongooseModel, name: string): string {
  const hit = registry.models.find((m) => m.table.name === name && m.table.store === from.table.store);
  return hit?.table.id ?? `${from.table.store}:${name}`;
}

/** `.populate('author')` chained on a query: the referenced models of that field. */
function populated(registry: ModelRegistry, model: MongooseModel, file: FileFacts, id: number): MongooseModel[] {
  const out: MongooseModel[] = [];
  const refs = fieldRefs(model);
  for (let c = file.calls[id]; c.outer !== undefined;) {
    c = file.calls[c.outer];
    if (!c.callee.endsWith('.populate')) continue;
    const path = strOf(c.args[0]) ?? strOf(propOf(c.args[0], 'path'));
    for (const field of path?.split(/\s+/) ?? []) {
      for (const name of refs.get(field) ?? []) {
        const target = refTarget(registry, model, name);
        if (target) out.push(target);
      }
    }
  }
  return out;
}
