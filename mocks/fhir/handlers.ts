import { http } from 'msw';
import { fhirGateway, type FhirGateway } from './gateway.js';

/**
 * MSW handlers that serve a FHIR R4 server at `baseUrl` (absolute, or relative to the page):
 * every request under it goes through the DMP policy gateway to Medplum's in-memory FHIR
 * router. Use them with `setupWorker` (browser, Storybook) or `setupServer` (Node).
 */
export function fhirHandlers(baseUrl: string, gateway: FhirGateway = fhirGateway) {
  const base = baseUrl.replace(/\/+$/, '');
  const resolver = ({ request }: { request: Request }) => gateway.handle(request, base);
  return [http.all(base, resolver), http.all(`${base}/*`, resolver)];
}
