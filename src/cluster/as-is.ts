/**
 * An already-split repository: its back-end deployables are the services,
 * as they are. Libraries stay what they are, packages apart from every
 * deployable: shared kernel, each unit tagged with its library and the
 * deployables that use it. Client apps
 * (front ends, CLIs) are listed apart, never made a back-end service. Tables
 * go to the deployable whose code uses them most. carve does not re-split
 * the insides: the findings are the coupling between what exists.
 */
import { backEnd, rootOf } from '../discover/deployables.js';
import type { GraphInput } from '../graph/build-graph.js';
import type { ClientApp, ClusteringInfo, Service, SharedUnit } from '../model/decomposition.js';
import type { Deployable, Library } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import { adoptUnaccessedTables, ownTablesByUse } from './table-ownership.js';

export interface AsIsInput extends GraphInput {
  deployables?: Deployable[];
  libraries?: Library[];
}

export interface AsIsOutput {
  services: Service[];
  shared: SharedUnit[];
  clients: ClientApp[];
  clustering: ClusteringInfo;
}

/** Two or more back-end deployables: the repository is already distributed. */
export const isAlreadyDistributed = (input: AsIsInput): boolean => backEnd(input.deployables).length >= 2;

export function asIsServices(input: AsIsInput, seed: number): AsIsOutput {
  const deployables = input.deployables ?? [];
  const services = backEnd(deployables);
  const roots = deployables.map((d) => d.root);
  const byRoot = new Map(deployables.map((d) => [d.root, d]));
  const libraries = input.libraries ?? [];
  const libRoots = libraries.map((l) => l.root);
  const libByRoot = new Map(libraries.map((l) => [l.root, l]));
  const groups = new Map(services.map((d) => [d.name, { units: [] as string[], tables: [] as string[] }]));
  const clientUnits = new Map<string, string[]>();
  const shared: SharedUnit[] = [];
  for (const u of input.units) {
    const root = rootOf(u.id, roots);
    const d = root === undefined ? undefined : byRoot.get(root);
    if (d && groups.has(d.name)) {
      groups.get(d.name)!.units.push(u.id);
      continue;
    }
    if (d) {
      let list = clientUnits.get(d.name);
      if (!list) clientUnits.set(d.name, (list = []));
      list.push(u.id);
      continue;
    }
    const libRoot = rootOf(u.id, libRoots);
    const lib = libRoot === undefined ? undefined : libByRoot.get(libRoot);
    const users = (lib?.usedBy ?? []).filter((n) => groups.has(n));
    if (lib) {
      shared.push({
        unit: u.id,
        reasons: [
          users.length > 0 ? `library ${lib.name}, used by ${users.join(', ')}` : `library ${lib.name}, used by no back-end deployable`,
        ],
        library: lib.name,
      });
    } else shared.push({ unit: u.id, reasons: ['outside every deployable'] });
  }
  const list = [...groups.entries()].map(([name, g]) => ({ name, ...g }));
  ownTablesByUse(input, list, () => false);
  adoptUnaccessedTables(input, list, () => false);
  return {
    services: list
      .map(({ name, units, tables }) => ({ name, units: units.sort(compareStrings), tables: [...tables].sort(compareStrings) }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    shared: shared.sort((a, b) => compareStrings(a.unit, b.unit)),
    clients: [...clientUnits.entries()]
      .map(([name, units]) => ({ name, root: deployables.find((d) => d.name === name)!.root, units: units.sort(compareStrings) }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    clustering: {
      granularity: 'deployable',
      seed,
      resolution: 0,
      criterion: `as-is: ${services.length} back-end deployables found (${services.map((d) => d.name).join(', ')}); each is kept as one service and the findings are the coupling between them`,
      alternatives: [],
    },
  };
}

/** The client apps (front ends, CLIs) of a result and the units under each. */
export function clientApps(input: AsIsInput): ClientApp[] {
  const deployables = input.deployables ?? [];
  const roots = deployables.map((d) => d.root);
  const byRoot = new Map(deployables.map((d) => [d.root, d]));
  const units = new Map<string, string[]>();
  for (const u of input.units) {
    const root = rootOf(u.id, roots);
    const d = root === undefined ? undefined : byRoot.get(root);
    if (!d || (d.kind !== 'client' && d.kind !== 'cli')) continue;
    let list = units.get(d.name);
    if (!list) units.set(d.name, (list = []));
    list.push(u.id);
  }
  return [...units.entries()]
    .map(([name, list]) => ({ name, root: deployables.find((d) => d.name === name)!.root, units: list.sort(compareStrings) }))
    .sort((a, b) => compareStrings(a.name, b.name));
}
