/**
 * carve's layering, enforced in CI (`npm run lint:deps`): the pipeline stages
 * import only earlier stages and the leaves (util, model, config); reporters
 * read only the result; the CLI reaches the engine through src/index.ts.
 * Type-only imports count too: a type is a dependency on the module declaring it.
 */
const stage = (name, later) => ({
  name: `${name}-not-to-later-stages`,
  comment: `src/${name} must not import later pipeline stages`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${later.join('|')})/` },
});

module.exports = {
  forbidden: [
    stage('discover', ['extract', 'link', 'access', 'graph', 'cluster', 'score', 'report', 'guard', 'cache']),
    stage('extract', ['link', 'access', 'graph', 'cluster', 'score', 'report', 'guard', 'cache']),
    stage('link', ['access', 'graph', 'cluster', 'score', 'report', 'guard']),
    stage('access', ['graph', 'cluster', 'score', 'report', 'guard']),
    stage('graph', ['cluster', 'score', 'report', 'guard']),
    stage('cluster', ['score', 'report', 'guard']),
    stage('score', ['report', 'guard']),
    stage('cache', ['link', 'access', 'graph', 'cluster', 'score', 'report', 'guard']),
    stage('guard', ['report']),
    {
      name: 'leaves-stay-leaves',
      comment: 'util, model and config import nothing from the stages',
      severity: 'error',
      from: { path: '^src/(util|model|config)/' },
      to: { path: '^src/(discover|extract|link|access|graph|cluster|score|report|guard|cache)/' },
    },
    {
      name: 'report-reads-only-the-result',
      comment: 'reporters read the analysis result, never the parser or the stages',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/(discover|extract|link|access|graph|cluster)/' },
    },
    {
      name: 'adapters-not-to-each-other',
      comment: 'an ORM adapter imports the access core and the model, never another adapter',
      severity: 'error',
      from: { path: '^src/access/adapters/([^/]+)/' },
      to: { path: '^src/access/adapters/', pathNot: '^src/access/adapters/$1/' },
    },
    {
      name: 'core-not-to-adapters',
      comment: 'the access core is what adapters share; it knows none of them',
      severity: 'error',
      from: { path: '^src/access/core/' },
      to: { path: '^src/access/adapters/' },
    },
    {
      name: 'report-ui-reads-only-the-model',
      comment: 'the browser report reads analysis.json: types from src/model, re-scoring from src/score, never the parser or the stages',
      severity: 'error',
      from: { path: '^report-ui/' },
      to: { path: '^(src/(?!(model|score|util)/)|cli/)' },
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
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|fixtures|node_modules|bench/\\.generated)/' },
  },
};
