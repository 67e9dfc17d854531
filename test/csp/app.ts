// The strict-CSP test page's script: the mock backend, then every element of the standalone
// build loaded from /lib/ as an integrator's page would load them.
import { startMockBackend } from '../../mocks/browser.js';
import { ACTORS } from '../../mocks/data/index.js';

declare global {
  interface Window {
    cspReport: { violations: string[]; ready: boolean; errors: string[] };
  }
}

window.cspReport = { violations: [], ready: false, errors: [] };
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspReport.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});

const ADULT = '258036938304702';
const TAGS = [
  'dmp-document-list',
  'dmp-access-history',
  'dmp-synthesis-editor',
  'dmp-consent-panel',
  'dmp-break-glass',
  'dmp-dossier-create',
  'dmp-patient-profile',
  'dmp-dossier',
];

/** One provider per actor, each holding every element. */
function mount(actorId: string): void {
  const provider = document.createElement('dmp-provider') as HTMLElement & { actor: unknown };
  provider.actor = ACTORS.find((a) => a.id === actorId);
  provider.dataset.actor = actorId;
  for (const tag of TAGS) {
    const element = document.createElement(tag);
    element.setAttribute('patient-ins', ADULT);
    provider.append(element);
  }
  document.body.append(provider);
}

try {
  await startMockBackend();
  await import(/* @vite-ignore */ `${'/lib/'}dmp-provider.js`);
  for (const tag of TAGS) await import(/* @vite-ignore */ `${'/lib/'}${tag}.js`);
  mount('ps-martin');
  mount('pat-durand-jeanne');
  window.cspReport.ready = true;
} catch (error) {
  window.cspReport.errors.push(String(error));
}
