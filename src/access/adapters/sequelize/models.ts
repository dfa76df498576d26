/**
 * Sequelize models and their tables, from the three declaration styles:
 * `class X extends Model` + `X.init(attrs, options)` (also `this.init` /
 * `super.init` inside the class), `sequelize.define('name', attrs, options)`,
 * and sequelize-typescript's `@Table(options) class X extends Model`.
 */
import type { ArgFact, ClassFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { Table } from '../../../model/result.js';
import type { AdapterInput } from '../../adapter.js';
import { boolOf, propOf, strOf } from './arg-facts.js';
import type { SequelizeInstance } from './instances.js';
import { type NamingOptions, sequelizeTableName } from './naming.js';
import { enclosingClass, splitCallee } from './receivers.js';

export interface SequelizeModel {
  modelName: string;
  table: Table;
  /** Bindings that hold the model, `file#name`. */
  keys: string[];
  /** Names code may use for it (model name, class, variable), for by-name fallback. */
  names: string[];
  /** Declaring class, for decorator associations. */
  cls?: { file: string; cls: ClassFact };
}

export interface ModelRegistry {
  models: SequelizeModel[];
  /** Models are bound to two or more instances: each instance is a store. */
  splitStores: boolean;
  byKey: Map<string, SequelizeModel>;
  byName: Map<string, SequelizeModel[]>;
}

/**
 * Does the class derive from Sequelize's Model? Follows project base classes
 * (`User extends ParanoidModel` → `IdModel` → `Model`) to an import from
 * sequelize / sequelize-typescript, or to a bare `Model` it cannot resolve.
 */
function derivesFromModel(index: ProjectIndex, file: string, cls: ClassFact, depth = 0): boolean {
  const base = cls.extends?.replace(/<[\s\S]*$/, '').trim();
  if (!base || depth > 8) return false;
  const r = index.resolveName(file, base.split('.')[0]);
  if (r?.kind === 'external') return /^sequelize(-typescript)?$/.test(r.package) || r.package === '@sequelize/core';
  const parent = index.resolveClass(file, base);
  if (parent && parent.cls !== cls) return derivesFromModel(index, parent.file, parent.cls, depth + 1);
  return /^(Sequelize\.)?Model$/.test(base);
}

function namingFrom(options: ArgFact | undefined, defaults: NamingOptions): NamingOptions {
  return {
    tableName: strOf(propOf(options, 'tableName')),
    freezeTableName: boolOf(propOf(options, 'freezeTableName')) ?? defaults.freezeTableName,
    underscored: boolOf(propOf(options, 'underscored')) ?? defaults.underscored,
  };
}

const keysOf = (arg: ArgFact | undefined): string[] => (arg?.k === 'obj' ? Object.keys(arg.props).sort() : []);

/** The instance a reference (`sequelize`, `db.sequelize`) names, through imports. */
export function instanceFor(
  index: ProjectIndex,
  instances: readonly SequelizeInstance[],
  file: string,
  ref: string | undefined,
): SequelizeInstance | undefined {
  if (!ref) return undefined;
  const local = instances.find((i) => i.key === `${file}#${ref}`);
  if (local) return local;
  const r = index.resolveName(file, ref);
  if (r?.kind === 'internal') return instances.find((i) => i.key === `${r.file}#${r.name}`);
  return undefined;
}

export function findModels(input: AdapterInput, instances: readonly SequelizeInstance[]): ModelRegistry {
  const models: SequelizeModel[] = [];
  const defaults: NamingOptions = instances.find((i) => i.defaults.freezeTableName || i.defaults.underscored)?.defaults ?? {};
  // The instance a model is bound to, by name; stores are settled once all models are known.
  const store = (file: string, ref: string | undefined, modelClass?: string): string => {
    let inst = instanceFor(input.index, instances, file, ref);
    if (!inst && modelClass) inst = instances.find((i) => i.models.includes(modelClass));
    return inst?.name ?? '';
  };
  const add = (
    modelName: string,
    naming: NamingOptions,
    storeName: string,
    file: FileFacts,
    line: number,
    keys: string[],
    columns: string[],
    cls?: ClassFact,
    variable?: string,
  ): void => {
    const name = sequelizeTableName(modelName, naming);
    models.push({
      modelName,
      keys,
      names: [...new Set([modelName, ...(cls ? [cls.name] : []), ...(variable ? [variable] : [])])],
      cls: cls ? { file: file.path, cls } : undefined,
      table: {
        id: `${storeName}:${name}`,
        store: storeName,
        name,
        orm: 'sequelize',
        entity: modelName,
        declaredIn: `${file.path}:${line}`,
        ...(columns.length ? { columns } : {}),
      },
    });
  };
  const classKeys = (file: FileFacts, cls: ClassFact): string[] => {
    const keys = [`${file.path}#${cls.name}`];
    if (
      file.exports.some((e) => e.name === 'default' && (e.local === cls.name || (e.kind === 'class' && !e.local && cls.name === 'default')))
    ) {
      keys.push(`${file.path}#default`);
    }
    return keys;
  };

  for (const file of input.files) {
    // sequelize-typescript: @Table on a Model subclass.
    for (const cls of file.classes) {
      const table = cls.decorators.find((d) => d.name === 'Table');
      if (!table || !derivesFromModel(input.index, file.path, cls)) continue;
      const options = table.args[0];
      const modelName = strOf(propOf(options, 'modelName')) ?? cls.name;
      const columns = cls.members
        .filter((m) => m.decorators.some((d) => d.name === 'Column'))
        .map((m) => m.name)
        .sort();
      add(
        modelName,
        namingFrom(options, defaults),
        store(file.path, undefined, cls.name),
        file,
        cls.line,
        classKeys(file, cls),
        columns,
        cls,
      );
    }
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      if (!parts) continue;
      if (parts.method === 'init' && call.args.length >= 2 && call.args[1].k === 'obj') {
        const cls =
          parts.recv === 'this' || parts.recv === 'super'
            ? enclosingClass(file, call)
            : (input.index.resolveClass(file.path, parts.recv)?.cls ?? file.classes.find((c) => c.name === parts.recv));
        const declFile = (cls && input.index.resolveClass(file.path, cls.name)?.file) ?? file.path;
        if (!cls || !derivesFromModel(input.index, declFile, cls) || cls.decorators.some((d) => d.name === 'Table')) continue;
        const declFacts = input.files.find((f) => f.path === declFile) ?? file;
        const options = call.args[1];
        const sequelizeRef = propOf(options, 'sequelize');
        const ref = sequelizeRef?.k === 'id' || sequelizeRef?.k === 'member' ? sequelizeRef.v : undefined;
        const modelName = strOf(propOf(options, 'modelName')) ?? cls.name;
        add(
          modelName,
          namingFrom(options, defaults),
          store(file.path, ref, cls.name),
          declFacts,
          cls.line,
          classKeys(declFacts, cls),
          keysOf(call.args[0]),
          cls,
        );
      } else if (parts.method === 'define' && call.args[0]?.k === 'str' && /sequelize|db|database|orm|connection/i.test(parts.recv)) {
        const keys = call.assignedTo && call.symbol === '<module>' ? [`${file.path}#${call.assignedTo}`] : [];
        const variable = call.assignedTo?.replace(/^this\./, '');
        add(
          call.args[0].v,
          namingFrom(call.args[2], defaults),
          store(file.path, parts.recv),
          file,
          call.line,
          keys,
          keysOf(call.args[1]),
          undefined,
          variable,
        );
      }
    }
  }
  const split = splitStores(models);
  for (const m of models) {
    const storeName = split && m.table.store ? m.table.store : input.defaultStore;
    m.table = { ...m.table, id: `${storeName}:${m.table.name}`, store: storeName };
  }
  return { ...registryOf(models), splitStores: split };
}

/**
 * Several `new Sequelize` calls are several databases only when models are
 * bound to at least two of them; a second instance in a script or a test
 * helper over the same models does not make a store.
 */
const splitStores = (models: readonly SequelizeModel[]): boolean => new Set(models.map((m) => m.table.store).filter(Boolean)).size >= 2;

function registryOf(all: SequelizeModel[]): Omit<ModelRegistry, 'splitStores'> {
  // A model initialised twice (e.g. init in two files) is one table.
  const byId = new Map<string, SequelizeModel>();
  for (const m of all) {
    const seen = byId.get(m.table.id);
    if (seen) {
      seen.keys = [...new Set([...seen.keys, ...m.keys])];
      seen.names = [...new Set([...seen.names, ...m.names])];
    } else byId.set(m.table.id, m);
  }
  const models = [...byId.values()].sort((a, b) => a.table.id.localeCompare(b.table.id));
  const byKey = new Map<string, SequelizeModel>();
  const byName = new Map<string, SequelizeModel[]>();
  for (const m of models) {
    for (const k of m.keys) byKey.set(k, m);
    for (const n of m.names) byName.set(n, [...(byName.get(n) ?? []), m]);
  }
  return { models, byKey, byName };
}
