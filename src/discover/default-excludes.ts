/** What carve leaves out unless told otherwise: dependencies, build output, declarations, generated code, tests. */
export const EXCLUDED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '.cache',
  '.yarn',
  '.pnpm-store',
  'bower_components',
  'jspm_packages',
  '__generated__',
  'generated',
  'carve-report',
]);

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function isSourceFile(name: string): boolean {
  if (/\.d\.(m|c)?ts$/.test(name)) return false;
  if (/\.min\.js$/.test(name)) return false;
  if (/\.(generated|gen)\.(m|c)?[jt]sx?$/.test(name)) return false;
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

const TEST_FILE = /\.(spec|test|e2e-spec|e2e|cy|stories)\.(m|c)?[jt]sx?$/;
const TEST_DIR = /(^|\/)(__tests__|__mocks__|test|tests|e2e|cypress|__fixtures__)(\/|$)/;

export function isTestPath(rel: string): boolean {
  return TEST_FILE.test(rel) || TEST_DIR.test(rel);
}
