export { DMP_ERROR_KINDS, DmpError, isDmpError } from './errors.js';
export type { DmpErrorDetails, DmpErrorKind, DmpIssue } from './errors.js';
export { HttpDmpClient } from './http-client.js';
export type { HttpDmpClientOptions } from './http-client.js';
export type { RetryOptions } from './retry.js';
export type {
  AddDocumentOptions,
  AddRepresentativeOptions,
  CreateDossierOptions,
  DmpClient,
  EmergencyAccessOptions,
  EmergencyMode,
  HeadersRequest,
  LatestDocumentsOptions,
  ReactivateDossierOptions,
  RequestOptions,
  ResponseOf,
  UploadProgress,
} from './types.js';
