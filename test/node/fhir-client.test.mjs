// The FHIR adapter's behaviour tests (test/fhir/fhir-client.node.ts) run in Node: Medplum's
// in-memory FHIR server (@medplum/fhir-router) imports CommonJS packages (dataloader,
// rfc6902) that the browser test runner serves untransformed and Chromium cannot load.
import { importTs } from '../../scripts/lib/bundle.mjs';

await importTs('test/fhir/fhir-client.node.ts');
