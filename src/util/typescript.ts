/**
 * TypeScript's compiler API, as bundled by ts-morph. Loaded with `require`:
 * importing this 9 MB CommonJS bundle through ESM makes Node lex all of it
 * for named exports first, which costs more than a small project's analysis.
 * Types come from `import type { ts } from 'ts-morph'`.
 */
import { createRequire } from 'node:module';
import type { ts } from 'ts-morph';

const require = createRequire(import.meta.url);

export const typescript = (require('ts-morph') as { ts: typeof ts }).ts;
