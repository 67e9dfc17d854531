import { setupWorker } from 'msw/browser';
import { fhirGateway } from './gateway.js';
import { fhirHandlers } from './handlers.js';

/** Where the FHIR mock answers in the demo and the stories. */
export const FHIR_MOCK_BASE_URL = '/fhir/R4';

/**
 * The FHIR mock backend in the page, for a story or the demo:
 * `provider.client = new FhirDmpClient({ baseUrl: FHIR_MOCK_BASE_URL, headers })`. Loading the
 * R4 definitions the in-memory server needs takes a few seconds the first time. A page that
 * already runs the JSON mock's worker should add `fhirHandlers(...)` to it instead.
 */
export async function startFhirMockBackend(options: { baseUrl?: string; quiet?: boolean; onUnhandledRequest?: 'bypass' | 'warn' | 'error' } = {}) {
  const worker = setupWorker(...fhirHandlers(options.baseUrl ?? FHIR_MOCK_BASE_URL));
  await worker.start({
    quiet: options.quiet ?? true,
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  await fhirGateway.ready();
  return worker;
}

export { fhirGateway };
