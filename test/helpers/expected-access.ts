/**
 * Compare a fixture's data access with its `expected-access.json`:
 * {
 *   "tables":       ["store:name", …],                                  every declared table
 *   "relations":    [["store:from", "store:to"], …],                   from holds the reference
 *   "accesses":     [{ "unit": "src/x.ts", "table": "store:name", "mode": "read" | "write" }, …],  direct (propagated: false)
 *   "propagated":   [{ "unit": …, "table": …, "mode": … }, …],          propagated (propagated: true)
 *   "transactions": [{ "unit": "src/x.ts", "tables": ["store:name:write", …] }, …]
 * }
 * Each category is compared as a set; precision and recall are reported per category.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../../src/model/result.js';
import { fixturePath } from './project.js';

interface Triple {
  unit: string;
  table: string;
  mode: string;
}
export interface ExpectedAccess {
  tables: string[];
  relations?: [string, string][];
  accesses: Triple[];
  propagated?: Triple[];
  transactions?: { unit: string; tables: string[] }[];
}

export interface CategoryScore {
  precision: number;
  recall: number;
  missing: string[];
  extra: string[];
}

function score(expected: string[], actual: string[]): CategoryScore {
  const e = new Set(expected);
  const a = new Set(actual);
  const missing = [...e].filter((x) => !a.has(x)).sort();
  const extra = [...a].filter((x) => !e.has(x)).sort();
  const hit = [...a].filter((x) => e.has(x)).length;
  return {
    precision: a.size === 0 ? (e.size === 0 ? 1 : 0) : hit / a.size,
    recall: e.size === 0 ? 1 : hit / e.size,
    missing,
    extra,
  };
}

const triple = (t: Triple): string => `${t.unit} ${t.table} ${t.mode}`;

export function readExpectedAccess(fixture: string): ExpectedAccess {
  return JSON.parse(readFileSync(path.join(fixturePath(fixture), 'expected-access.json'), 'utf8')) as ExpectedAccess;
}

export function compareAccess(result: AnalysisResult, expected: ExpectedAccess): Record<string, CategoryScore> {
  const scores: Record<string, CategoryScore> = {
    tables: score(
      expected.tables,
      result.tables.map((t) => t.id),
    ),
    accesses: score(expected.accesses.map(triple), result.accesses.filter((a) => !a.propagated).map(triple)),
  };
  if (expected.relations) {
    scores.relations = score(
      expected.relations.map(([f, t]) => `${f} -> ${t}`),
      result.relations.map((r) => `${r.from} -> ${r.to}`),
    );
  }
  if (expected.propagated) {
    scores.propagated = score(expected.propagated.map(triple), result.accesses.filter((a) => a.propagated).map(triple));
  }
  if (expected.transactions) {
    const tx = (unit: string, tables: string[]): string => `${unit} [${[...new Set(tables)].sort().join(', ')}]`;
    scores.transactions = score(
      expected.transactions.map((t) => tx(t.unit, t.tables)),
      result.transactions.map((t) =>
        tx(
          t.unit,
          t.tables.map((x) => `${x.table}:${x.mode}`),
        ),
      ),
    );
  }
  return scores;
}
