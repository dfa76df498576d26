/**
 * carve's layering, enforced in CI (`npm run lint:deps`): the pipeline stages
 * import only earlier stages and the leaves (util, model, config); reporters
 * read only the result; the CLI reaches the engine through src/index.ts.
 */
const stage = (name, later) => ({
  name: `${name}-not-to-later-stages`,
  comment: `src/${name} must not import later pipeline stages`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${later.join('|')})/`, dependencyTypesNot: ['type-only'] },
});

module.exports = {
  forbidden: [
    stage('discover', ['extract', 'link', 'access', 'graph', 'cluster', 'score', 'report', 'guard']),
    stage('extract', ['link', 'access', 'graph', 'cluster', 'score', 'report', 'guard']),
    stage('link', ['access', 'graph', 'cluster', 'score', 'report', 'guard']),
    stage('access', ['graph', 'cluster', 'score', 'report', 'guard']),
    stage('graph', ['cluster', 'score', 'report', 'guard']),
    stage('cluster', ['score', 'report', 'guard']),
    {
      name: 'leaves-stay-leaves',
      comment: 'util, model and config import nothing from the stages',
      severity: 'error',
      from: { path: '^src/(util|model|config)/' },
      to: { path: '^src/(discover|extract|link|access|graph|cluster|score|report|guard|cache)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'report-reads-only-the-result',
      comment: 'reporters read the analysis result, never the parser or the stages',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/(discover|extract|link|access|graph|cluster)/' },
    },
    {
      name: 'cli-through-the-public-api',
      comment: 'the CLI calls the library through src/index.ts only',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^src/', pathNot: '^src/index\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|fixtures|node_modules|bench/\\.generated)/' },
  },
};
