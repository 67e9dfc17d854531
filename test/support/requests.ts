import { http } from 'msw';
import { worker } from '../../mocks/browser.js';

/*
 * Watching and holding the requests a page sends to the mock backend. What a test starts here
 * ends in `afterEach(endRequestWatches)`, whether the test passed or not.
 */

const ends: Array<() => void> = [];

/** Stops every recording and releases every hold the test started. */
export function endRequestWatches(): void {
  for (const end of ends.splice(0)) end();
}

/** Holds the patient-category document list of `ins` until `release()`; then the mock answers it. */
export function holdPatientDocuments(ins: string): { asked: () => boolean; release: () => void } {
  let asked = false;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  worker.use(
    http.get(`*/api/dmp/v1/dossiers/${ins}/documents`, async ({ request }) => {
      if (new URL(request.url).searchParams.get('category') !== 'patient') return undefined;
      asked = true;
      await held;
      // Nothing returned: the request goes on to the mock backend's own handler.
      return undefined;
    }),
  );
  ends.push(release);
  return { asked: () => asked, release };
}

/** Every request the page sends from now to the end of the test, as `Authorization path`. */
export function recordRequests(): string[] {
  const lines: string[] = [];
  const onStart = ({ request }: { request: Request }) => void lines.push(`${request.headers.get('Authorization')} ${new URL(request.url).pathname}`);
  worker.events.on('request:start', onStart);
  ends.push(() => worker.events.removeListener('request:start', onStart));
  return lines;
}
