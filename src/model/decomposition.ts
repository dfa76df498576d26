/**
 * The decomposition part of the analysis result. The cluster and score stages
 * fill it; reporters and the browser report read it.
 * Owned by the decomposition work (graph/, cluster/, score/); extend freely,
 * but keep the STABLE names.
 */
export type VerdictKind = 'split' | 'modular-monolith' | 'dont-split';

export interface Service {
  name: string; // STABLE
  units: string[]; // STABLE: unit ids, sorted
  tables: string[]; // STABLE: table ids owned, sorted
}

export interface Verdict {
  kind: VerdictKind;
  reasons: string[];
}

export interface Decomposition {
  services: Service[]; // STABLE
  verdict: Verdict; // STABLE
}
