// Exports the mock backend's seed data as one FHIR R4 transaction Bundle (mocks/fhir/seed.ts):
//   node scripts/fhir-export.mjs                      → dist-fhir/seed-bundle.json
//   node scripts/fhir-export.mjs --out other.json     → that file
//   node scripts/fhir-export.mjs --out -              → stdout
//   --include-large adds the 10,000 generated documents of PATIENT_LARGE (about 44 MB).
// POST the file to a FHIR server's base URL to load it; test/node/fhir-export.test.mjs checks it
// against the base R4 definitions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { importTs } from './lib/bundle.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist-fhir/seed-bundle.json' },
    'include-large': { type: 'boolean', default: false },
  },
});

const { seedBundle } = await importTs('mocks/fhir/seed.ts');
const json = `${JSON.stringify(seedBundle({ includeLargeDossier: values['include-large'] }), null, 2)}\n`;
if (values.out === '-') {
  process.stdout.write(json);
} else {
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, json);
  const count = JSON.parse(json).entry.length;
  process.stderr.write(`${values.out}: ${count} resources\n`);
}
