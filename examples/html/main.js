// The host page's own script: no build step, no inline script (strict-CSP friendly).

// The mock backend stands in for the hospital's DMP gateway; drop these lines to use a real one.
// Its bundle is made by `npx esbuild mocks/browser.ts --bundle --format=esm --outfile=dist/mocks/browser.js`.
import { startMockBackend } from '../../dist/mocks/browser.js';

await startMockBackend();

/** The patient as the hospital's own records know her; the DMP is found by her INS. */
const patient = { name: 'Jeanne DURAND', birthDate: '1958-03-14', sex: 'F' };
for (const element of document.querySelectorAll('dmp-document-list, dmp-synthesis-editor')) {
  element.patient = patient;
}

// Objects are set as properties. Here Dr Martin, a seeded actor of the mock backend; setting the
// actor starts the session, so the elements load once the backend is ready.
const provider = document.querySelector('dmp-provider');
provider.actor = {
  kind: 'professional',
  id: 'ps-martin',
  rpps: '10003456786',
  profession: '10',
  specialty: 'SM26',
  displayName: 'Dr Claire Martin',
  organisation: { name: 'Cabinet médical des Brotteaux', city: 'Lyon' },
};

// Events bubble and cross shadow roots: the host listens where it likes.
const opened = document.getElementById('opened-document');
document.addEventListener('dmp-document-open', async (event) => {
  opened.textContent = `Document ouvert : ${event.detail.document.title}`;
  // content() reads the file through the provider's client: the read is logged, and an access
  // history on the page shows it. It may fail (offline, refused, the user left): say so.
  try {
    const file = await event.detail.content();
    opened.textContent += ` (${file.size} octets)`;
  } catch (error) {
    // Words of the page's own: the message names the route, for logs, and the server's words
    // (`error.problem`) may repeat the patient's NIR.
    const why = error.kind === 'forbidden' ? 'accès refusé' : error.kind === 'network' ? 'hors ligne' : 'réessayez plus tard';
    opened.textContent += ` — lecture impossible : ${why}`;
  }
});
provider.addEventListener('dmp-session-expired', () => {
  document.getElementById('session').hidden = false;
});
