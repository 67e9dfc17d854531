export { FhirGateway, fhirGateway } from './gateway.js';
export { fhirHandlers } from './handlers.js';
export { binaryIdOf, seedBundle } from './seed.js';
export type { SeedBundleOptions } from './seed.js';
