import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import manifestJson from '../custom-elements.json' with { type: 'json' };
import { PATIENT_ADULT } from '../mocks/data/index.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import '../src/elements/dmp-dossier/dmp-dossier.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { DmpDossier } from '../src/elements/dmp-dossier/dmp-dossier.element.js';
import type { DmpDocumentList } from '../src/elements/dmp-document-list/dmp-document-list.element.js';
import { COMPOSED_PARTS, type ComposedTag } from '../src/elements/dmp-dossier/composed.js';
import { mountInProvider, resetBackend, startBackend } from './support/mount.js';

/*
 * What a host page's theme reaches: the README tells integrators to set the --dmp-* tokens on
 * dmp-provider (or :root), and to style parts, dmp-dossier's composed elements included.
 */
const ADULT = PATIENT_ADULT.identity.ins;
const PURPLE = 'rgb(106, 27, 154)';
const FONT = 'Marianne, serif';

interface Manifest {
  modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string }> }> }>;
}

async function mountList() {
  const mounted = await mountInProvider<DmpDocumentList>(html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list>`, 'ps-martin');
  await waitUntil(() => mounted.el.shadowRoot!.querySelector('[part="row"]'), 'the list never showed its rows', { timeout: 8000 });
  return mounted;
}

/** The documents tab of a dossier, once its list shows rows; the list is inside the dossier's shadow root. */
async function mountDossierDocuments() {
  const mounted = await mountInProvider<DmpDossier>(html`<dmp-dossier patient-ins=${ADULT} tab="documents"></dmp-dossier>`, 'ps-martin');
  let list: DmpDocumentList | null = null;
  await waitUntil(
    () => (list = mounted.el.shadowRoot!.querySelector<DmpDocumentList>('dmp-document-list')) && list.shadowRoot?.querySelector('[part="row"]'),
    'the documents tab never showed its rows',
    { timeout: 8000 },
  );
  return { ...mounted, list: list! };
}

const row = (list: DmpDocumentList) => list.shadowRoot!.querySelector<HTMLElement>('[part="row"]')!;

describe('theming', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(startBackend);
  beforeEach(resetBackend);
  afterEach(() => {
    document.documentElement.style.removeProperty('--dmp-color-text');
    document.getElementById('theme')?.remove();
  });

  it('uses its own defaults when the page sets no token', async () => {
    const { el } = await mountList();
    expect(getComputedStyle(el).color).to.equal('rgb(27, 27, 31)');
    expect(getComputedStyle(el).fontFamily).to.include('system-ui');
  });

  it('takes the tokens set on dmp-provider', async () => {
    const { el, provider } = await mountList();
    provider.style.setProperty('--dmp-color-text', PURPLE);
    provider.style.setProperty('--dmp-font-family', FONT);
    provider.style.setProperty('--dmp-radius', '0px');
    expect(getComputedStyle(el).color).to.equal(PURPLE);
    expect(getComputedStyle(el).fontFamily).to.equal(FONT);
    const search = el.shadowRoot!.querySelector('input')!;
    expect(getComputedStyle(search).borderTopLeftRadius).to.equal('0px');
  });

  it('takes the tokens set on :root', async () => {
    document.documentElement.style.setProperty('--dmp-color-text', PURPLE);
    const { el } = await mountList();
    expect(getComputedStyle(el).color).to.equal(PURPLE);
  });

  it('prefers a token set on the element to one set on an ancestor', async () => {
    const { el, provider } = await mountList();
    provider.style.setProperty('--dmp-color-text', PURPLE);
    el.style.setProperty('--dmp-color-text', 'rgb(0, 100, 0)');
    expect(getComputedStyle(el).color).to.equal('rgb(0, 100, 0)');
  });

  it('draws the backdrop of every element’s modal dialogs in --dmp-color-backdrop', async () => {
    for (const [template, actor] of [
      [html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list>`, 'ps-martin'],
      [html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne'],
      [html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, 'ps-martin'],
    ] as const) {
      const { el, provider } = await mountInProvider<HTMLElement>(template, actor);
      provider.style.setProperty('--dmp-color-backdrop', PURPLE);
      await waitUntil(() => el.shadowRoot!.querySelector('dialog'), `${el.localName} drew no dialog`);
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      dialog.showModal();
      try {
        expect(getComputedStyle(dialog, '::backdrop').backgroundColor, el.localName).to.equal(PURPLE);
      } finally {
        dialog.close();
      }
    }
  });

  it('reaches the elements a dmp-dossier is made of', async () => {
    const { el, list } = await mountDossierDocuments();
    el.style.setProperty('--dmp-color-text', PURPLE);
    el.style.setProperty('--dmp-font-family', FONT);
    expect(getComputedStyle(list).color).to.equal(PURPLE);
    expect(getComputedStyle(list).fontFamily).to.equal(FONT);
  });

  it('exports the composed elements’ parts from dmp-dossier under their tag’s name', async () => {
    const style = Object.assign(document.createElement('style'), {
      id: 'theme',
      textContent: 'dmp-dossier::part(document-list-row) { outline: 3px solid rgb(1, 2, 3); }',
    });
    document.head.append(style);
    const { list } = await mountDossierDocuments();
    expect(getComputedStyle(row(list)).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(row(list)).outlineWidth).to.equal('3px');
  });

  it('exports every part each composed element documents', () => {
    const manifest = manifestJson as Manifest;
    const documented = (tag: string) =>
      manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)?.cssParts?.map((p) => p.name).sort();
    for (const [tag, parts] of Object.entries(COMPOSED_PARTS) as Array<[ComposedTag, readonly string[]]>) {
      expect([...parts].sort(), tag).to.deep.equal(documented(tag));
    }
  });
});
