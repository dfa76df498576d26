/** carve's public API. */
export { analyze, PHASES } from './analyze.js';
export type { AnalyzeOptions, AnalyzeOutput, CacheStats, Phase, PhaseTiming, ProgressEvent } from './analyze.js';
export { CONFIG_FILE, resolveConfig, validateConfig } from './config/load-config.js';
export type { ResolvedConfig } from './config/load-config.js';
export { configSchema, defaults, flags } from './config/options.js';
export type { CarveConfig, ConfigKey, FlagSpec } from './config/options.js';
export { extractFile } from './extract/extract-file.js';
export type * from './extract/file-facts.js';
export type * from './model/result.js';
export type * from './model/decomposition.js';
export { SCHEMA_VERSION } from './model/result.js';
export { TOOL_VERSION } from './model/tool-version.js';
export { serializeResult } from './model/serialize.js';
export { reporters } from './report/index.js';
export type { ReporterName } from './report/index.js';
export { CarveError } from './util/errors.js';
export { checkGuard, formatGuardFindings, guardFigures } from './guard/check-guard.js';
export type { GuardFinding, GuardMetric } from './guard/check-guard.js';
