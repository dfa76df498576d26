/**
 * The caveat the shared-database figures and the verdict carry when carve
 * read access in under half of the files that use a database client: an
 * empty or clean-looking database then means carve was blind, not that the
 * data divides.
 */
import type { DataCoverage } from '../model/decomposition.js';
import type { AccessCoverage } from '../model/result.js';

export function dataCoverage(coverage: AccessCoverage | undefined): DataCoverage | undefined {
  if (!coverage || coverage.files === 0) return undefined;
  return { files: coverage.files, read: coverage.read, share: coverage.share, low: coverage.low };
}

/** The verdict's reason when coverage is low; undefined otherwise. */
export function blindDataReason(coverage: DataCoverage | undefined): string | undefined {
  if (!coverage?.low) return undefined;
  return `data access largely unseen: carve read access in ${coverage.read} of ${coverage.files} files that use a database client (${Math.round(coverage.share * 100)}%) — the shared-database figures are incomplete, not a clean divide`;
}
