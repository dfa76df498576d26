// generated files: schema/carve.config.schema.json, analysis.schema.json, check.schema.json and baseline.schema.json, from the zod schemas in src/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../dist/src/config/options.js';
import { resultSchema } from '../dist/src/model/result-schema.js';
import { checkSchema } from '../dist/src/model/check-schema.js';
import { baselineSchema } from '../dist/src/guard/read-baseline.js';

const out = new URL('../schema/', import.meta.url);
mkdirSync(out, { recursive: true });
const write = (name, schema, title) => {
  const json = { title, ...z.toJSONSchema(schema, { unrepresentable: 'any' }) };
  writeFileSync(new URL(name, out), `${JSON.stringify(json, null, 2)}\n`);
};
write('carve.config.schema.json', configSchema.partial(), 'carve configuration (carve.config.json)');
write('analysis.schema.json', resultSchema, 'carve analysis result (analysis.json)');
write('check.schema.json', checkSchema, 'carve check result (carve check --format json)');
write('baseline.schema.json', baselineSchema, 'carve baseline (carve-baseline.json)');
