
/*
 * `dmp-elements/fhir`: the DmpClient of a FHIR R4 server (ANS PDSm / IHE MHD), and the mappings
 * it is made of, for a gateway that wants to write the same resources (docs/fhir.md).
 */
export { FhirDmpClient } from './client.js';
export type { FhirDmpClientOptions, FhirRetryOptions } from './client.js';
export { fromAuditEvent, toAuditEvent } from './audit.js';
export type { AuditedPatient } from './audit.js';
export { fromDocumentReference, toDocumentReference } from './document.js';
export type { DocumentReferenceOptions, FromDocumentReferenceOptions } from './document.js';
export { MappingError } from './parse.js';
export { insIdentifier, insOfToken, insToken, isInsSystem } from './ins.js';
export * from './systems.js';
