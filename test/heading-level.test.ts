import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { PATIENT_ADULT } from '../mocks/data/index.js';
import '../src/elements/dmp-access-history/dmp-access-history.js';
import type { DmpAccessHistory } from '../src/elements/dmp-access-history/dmp-access-history.element.js';
import '../src/elements/dmp-break-glass/dmp-break-glass.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../src/elements/dmp-dossier/dmp-dossier.js';
import '../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import type { DmpDossier } from '../src/elements/dmp-dossier/dmp-dossier.element.js';
import type { DossierTab } from '../src/elements/dmp-dossier/tabs.js';
import '../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { DmpPatientProfile } from '../src/elements/dmp-patient-profile/dmp-patient-profile.element.js';
import { mountInProvider, resetBackend, startBackend } from './support/mount.js';

const ADULT = PATIENT_ADULT.identity.ins;

/** A heading as a screen reader announces it: its level and its text. */
interface Heading {
  level: number;
  text: string;
}

/**
 * The headings of `node` in reading order, through the shadow roots of the elements inside it,
 * as assistive technologies are told them: `aria-level`, else the tag's rank. Hidden panels and
 * closed dialogs are left out, as they are from the accessibility tree.
 */
function outline(node: ParentNode): Heading[] {
  const found: Heading[] = [];
  for (const child of node.children) {
    if (child instanceof HTMLElement && (child.hidden || (child instanceof HTMLDialogElement && !child.open))) continue;
    if (/^h[1-6]$/.test(child.localName)) {
      found.push({ level: Number(child.getAttribute('aria-level') ?? child.localName[1]), text: (child.textContent ?? '').replace(/\s+/g, ' ').trim() });
    }
    if (child.shadowRoot) found.push(...outline(child.shadowRoot));
    found.push(...outline(child));
  }
  return found;
}

/** The outline has no gap: each heading is at most one level below the one before it, none above `top`. */
function expectNoGap(headings: Heading[], top: number): void {
  expect(headings.length).to.be.greaterThan(0);
  expect(headings[0]!.level).to.equal(top);
  headings.slice(1).forEach((heading, i) => {
    const after = headings[i]!;
    expect(heading.level, `« ${heading.text} » after « ${after.text} »`).to.be.at.most(after.level + 1);
    expect(heading.level, `« ${heading.text} » is above the element's title`).to.be.greaterThan(top);
  });
}

async function mountHistory(level?: string) {
  const { el } = await mountInProvider<DmpAccessHistory>(
    html`<dmp-access-history patient-ins=${ADULT} heading-level=${level ?? nothing}></dmp-access-history>`,
    'pat-durand-jeanne',
  );
  await waitUntil(() => el.shadowRoot!.querySelector('tbody tr'), 'the history never loaded', { timeout: 8000 });
  return el;
}

async function mountDossier(actorId: string, level?: string) {
  const { el } = await mountInProvider<DmpDossier>(
    html`<dmp-dossier patient-ins=${ADULT} heading-level=${level ?? nothing}></dmp-dossier>`,
    actorId,
  );
  await waitUntil(() => {
    const recap = el.shadowRoot!.querySelector('[part="recap"]');
    return recap && !recap.querySelector('.skeleton');
  }, 'the récapitulatif never loaded', { timeout: 8000 });
  return el;
}

/** Shows `tab` and waits until the element in it has drawn its own title. */
async function showTab(el: DmpDossier, tab: DossierTab, tag: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLElement>(`#tab-${tab}`)!.click();
  await waitUntil(() => {
    const inner = el.shadowRoot!.querySelector(`#panel-${tab} ${tag}`);
    return inner?.shadowRoot?.querySelector('h2') && !inner.shadowRoot.querySelector('.skeleton, [aria-busy="true"]');
  }, `${tag} never drew`, { timeout: 8000 });
}

describe('heading-level', () => {
  before(startBackend);
  beforeEach(resetBackend);
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('leaves the tags’ own levels when unset: the title is a level 2 heading', async () => {
    const el = await mountHistory();
    const title = el.shadowRoot!.querySelector('h2')!;
    expect(title.hasAttribute('aria-level')).to.equal(false);
    expect(outline(el.shadowRoot!)[0]).to.deep.equal({ level: 2, text: 'Historique des accès au dossier' });
  });

  it('puts the title at the level the host asks for, and follows a change of it', async () => {
    const el = await mountHistory('3');
    expect(outline(el.shadowRoot!)[0]!.level).to.equal(3);
    el.headingLevel = 1;
    await el.updateComplete;
    expect(outline(el.shadowRoot!)[0]!.level).to.equal(1);
    el.removeAttribute('heading-level');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.hasAttribute('aria-level')).to.equal(false);
  });

  for (const wrong of ['0', '-1', '2.5', 'trois']) {
    it(`takes level 2 for heading-level="${wrong}", not a whole number from 1`, async () => {
      const el = await mountHistory(wrong);
      expect(outline(el.shadowRoot!)[0]!.level).to.equal(2);
    });
  }

  it('goes past 6 as ARIA does, rather than flattening the outline', async () => {
    const el = await mountHistory('7');
    expect(outline(el.shadowRoot!)[0]!.level).to.equal(7);
  });

  // Each element with a title, alone in a page, as its users first see it.
  const titled: Array<[tag: string, actor: string, attributes: string]> = [
    ['dmp-access-history', 'pat-durand-jeanne', `patient-ins="${ADULT}"`],
    ['dmp-break-glass', 'ps-morel', `patient-ins="${ADULT}" mode="break-glass"`],
    ['dmp-consent-panel', 'pat-durand-jeanne', `patient-ins="${ADULT}"`],
    ['dmp-dossier-create', 'ps-dubois', ''],
    ['dmp-patient-profile', 'pat-durand-jeanne', `patient-ins="${ADULT}"`],
    ['dmp-synthesis-editor', 'ps-martin', `patient-ins="${ADULT}"`],
    ['dmp-dossier', 'pat-durand-jeanne', `patient-ins="${ADULT}"`],
  ];
  for (const [tag, actor, attributes] of titled) {
    it(`${tag}: its title and every heading under it follow heading-level="3"`, async () => {
      const { el } = await mountInProvider<HTMLElement>(staticHtml`<${unsafeStatic(tag)} ${unsafeStatic(attributes)} heading-level="3"></${unsafeStatic(tag)}>`, actor);
      const shadow = el.shadowRoot!;
      await waitUntil(() => shadow.querySelector('h2') && !shadow.querySelector('.skeleton, .loading, .lazy-loading, [aria-busy="true"]'), `${tag} never loaded`, { timeout: 8000 });
      expectNoGap(outline(shadow), 3);
    });
  }

  it('moves the headings of a part loaded later with the title: the profile’s upload form', async () => {
    const { el } = await mountInProvider<DmpPatientProfile>(
      html`<dmp-patient-profile patient-ins=${ADULT} heading-level="4"></dmp-patient-profile>`,
      'pat-durand-jeanne',
    );
    await waitUntil(() => el.shadowRoot!.querySelector('#directives-upload-title'), 'the upload form never drew', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('#directives-upload-title')!.getAttribute('aria-level')).to.equal('6');
    expectNoGap(outline(el.shadowRoot!), 4);
  });

  it('the profile’s form brings its own styles with it', async () => {
    const { el } = await mountInProvider<DmpPatientProfile>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'pat-durand-jeanne');
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLButtonElement>('#edit'), 'the profile never loaded', { timeout: 8000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('#edit')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#add-allergies'), 'the form never drew', { timeout: 8000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('#add-allergies')!.click();
    await el.updateComplete;
    // Its entries are laid out as a grid, not as the list items they are.
    expect(getComputedStyle(el.shadowRoot!.querySelector('.entry')!).display).to.equal('grid');
  });

  describe('in dmp-dossier', () => {
    it('puts the elements of its tabs under its own title', async () => {
      const el = await mountDossier('pat-durand-jeanne');
      expectNoGap(outline(el.shadowRoot!), 2);
      for (const [tab, tag] of [['history', 'dmp-access-history'], ['management', 'dmp-consent-panel'], ['profile', 'dmp-patient-profile']] as const) {
        await showTab(el, tab, tag);
        const headings = outline(el.shadowRoot!);
        expectNoGap(headings, 2);
        expect(headings[1]!.level, `${tag}’s title`).to.equal(3);
      }
    });

    it('follows the level the host gives the dossier, down to its tabs', async () => {
      const el = await mountDossier('pat-durand-jeanne', '1');
      expectNoGap(outline(el.shadowRoot!), 1);
      await showTab(el, 'history', 'dmp-access-history');
      const headings = outline(el.shadowRoot!);
      expectNoGap(headings, 1);
      expect(headings.find((h) => h.text === 'Historique des accès au dossier')?.level).to.equal(2);
    });

    it('puts emergency access beside the récapitulatif’s sections, under the dossier’s title', async () => {
      const el = await mountDossier('ps-morel');
      const form = el.shadowRoot!.querySelector('dmp-break-glass')!;
      await waitUntil(() => form.shadowRoot?.querySelector('h2'), 'the emergency form never drew', { timeout: 8000 });
      const headings = outline(el.shadowRoot!);
      expectNoGap(headings, 2);
      expect(headings.find((h) => h.text.startsWith('Accès d’urgence'))?.level).to.equal(3);
    });
  });
});
