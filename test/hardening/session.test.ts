import { expect, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { PATIENT_ADULT, PATIENT_NO_DOSSIER } from '../../mocks/data/index.js';
import { draftKey, readDraft } from '../../src/drafts/draft-store.js';
import '../../src/elements/dmp-access-history/dmp-access-history.js';
import '../../src/elements/dmp-break-glass/dmp-break-glass.js';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../../src/elements/dmp-document-list/dmp-document-list.js';
import '../../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import '../../src/elements/dmp-dossier/dmp-dossier.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import type { ProfileDraft } from '../../src/elements/dmp-patient-profile/draft.js';
import type { Actor } from '../../src/model/actor.js';
import type { SynthesisContent } from '../../src/model/synthesis.js';
import { alias, button, find, findButton, get, guardian, mount, shadowRoots, typeIn, until, visibleText, waitFor, type Mounted, suiteHooks } from './support.js';

const ADULT = PATIENT_ADULT.identity.ins;
/** The patient as the host names them: shown by every element that is given it. */
const PATIENT = { name: 'Jeanne Durand', birthDate: '1958-03-14' };
const EXPIRED = 'Session expirée';
const DOSAGE = 'treatments:tt-metformine:dosage';

/** Everything of the patient an element could still show: its text, and what its fields hold. */
function everythingShown(el: Element): string {
  const values = shadowRoots(el).flatMap((root) =>
    [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].map((c) => c.value),
  );
  return `${visibleText(el)}\n${values.join('\n')}`;
}

/** Lets the session end after 0.3 s without activity, and waits for it to end. */
async function expire(m: Mounted<HTMLElement>): Promise<void> {
  const ended = oneEvent(m.provider, 'dmp-session-expired');
  m.provider.sessionTimeout = 0.3;
  await ended;
  await (m.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Waits until the device holds `expected` (read by `read`, from IndexedDB). */
async function stored(read: () => Promise<string | undefined>, expected: string): Promise<void> {
  let value: string | undefined;
  let reading = false;
  await waitFor(
    () => {
      if (!reading) {
        reading = true;
        void read().then((v) => {
          value = v;
          reading = false;
        });
      }
      return value === expected;
    },
    () => `the device does not hold "${expected}" after the session ended (it holds ${JSON.stringify(value)})`,
  );
}

async function assertNothingOfThePatient(m: Mounted<HTMLElement>, before: readonly string[]): Promise<void> {
  await until(m.el, EXPIRED);
  const shown = everythingShown(m.el);
  for (const text of before) expect(shown.includes(text), `"${text}" is still shown after the session ended`).to.equal(false);
}

interface Case {
  tag: string;
  /** Called once the backend is reset: an actor of this suite's own may need registering. */
  actor: () => string | Actor;
  template: TemplateResult;
  /** Brings the element to a state showing patient data, and returns texts of it. */
  ready(m: Mounted<HTMLElement>): Promise<string[]>;
}

const CASES: Case[] = [
  {
    tag: 'dmp-document-list',
    actor: () => 'ps-martin',
    template: html`<dmp-document-list patient-ins=${ADULT} page-size="10" .patient=${PATIENT}></dmp-document-list>`,
    ready: async (m) => {
      await until(m.el, 'Compte rendu de soins infirmiers à domicile');
      return [PATIENT.name, 'Compte rendu de soins infirmiers à domicile', 'Nathalie Petit'];
    },
  },
  {
    tag: 'dmp-access-history',
    actor: () => 'pat-durand-jeanne',
    template: html`<dmp-access-history patient-ins=${ADULT} page-size="10" .patient=${PATIENT}></dmp-access-history>`,
    ready: async (m) => {
      await waitFor(() => m.el.shadowRoot!.querySelector('tbody tr'), 'the history never loaded');
      const names = [...m.el.shadowRoot!.querySelectorAll('tbody .name')].map((n) => n.textContent!.trim());
      return [PATIENT.name, ...names.slice(0, 3)];
    },
  },
  {
    tag: 'dmp-synthesis-editor',
    actor: () => alias('ps-martin', 'session'),
    template: html`<dmp-synthesis-editor patient-ins=${ADULT} .patient=${PATIENT}></dmp-synthesis-editor>`,
    ready: async (m) => {
      await until(m.el, 'Hypertension artérielle essentielle');
      return [PATIENT.name, 'Hypertension artérielle essentielle', 'Diabète de type 2 non insulinorequérant'];
    },
  },
  {
    tag: 'dmp-consent-panel',
    actor: () => 'pat-durand-jeanne',
    template: html`<dmp-consent-panel patient-ins=${ADULT} .patient=${PATIENT}></dmp-consent-panel>`,
    ready: async (m) => {
      await waitFor(() => find(m.el, '#notify-email'), 'the panel never loaded');
      await typeIn(m.el, '#close-reason', 'Je ne veux plus de dossier en ligne.');
      return [PATIENT.name, 'Claire Martin', 'Olivier Mercier', 'jeanne.durand@example.org', 'Je ne veux plus de dossier en ligne.'];
    },
  },
  {
    tag: 'dmp-break-glass',
    actor: () => 'ps-morel',
    template: html`<dmp-break-glass patient-ins=${ADULT} .patient=${PATIENT}></dmp-break-glass>`,
    ready: async (m) => {
      await waitFor(() => find(m.el, '#justification'), 'the form never showed');
      await typeIn(m.el, '#justification', 'Détresse respiratoire, patiente inconsciente, aucun proche joignable.');
      return [PATIENT.name, 'Détresse respiratoire, patiente inconsciente'];
    },
  },
  {
    tag: 'dmp-dossier-create',
    actor: () => 'ps-dubois',
    template: html`<dmp-dossier-create nir=${PATIENT_NO_DOSSIER.ins} ins-status="QUAL" .traits=${PATIENT_NO_DOSSIER.traits}></dmp-dossier-create>`,
    ready: async (m) => {
      button(m.el, 'Rechercher un DMP existant').click();
      await until(m.el, 'information et consentement');
      await typeIn(m.el, '#email', 'pa.santoni@example.org');
      return ['Paul-Antoine', 'SANTONI', 'pa.santoni@example.org', '1 85 07 2A 004 019 95'];
    },
  },
  {
    tag: 'dmp-patient-profile',
    actor: () => 'pat-durand-jeanne',
    template: html`<dmp-patient-profile patient-ins=${ADULT} .patient=${PATIENT}></dmp-patient-profile>`,
    ready: async (m) => {
      await until(m.el, 'Pénicillines (amoxicilline)');
      return [PATIENT.name, 'Pénicillines (amoxicilline)', 'Claire Durand', 'Metformine 1000 mg'];
    },
  },
  {
    tag: 'dmp-dossier',
    actor: () => 'pat-durand-jeanne',
    template: html`<dmp-dossier patient-ins=${ADULT} .patient=${PATIENT}></dmp-dossier>`,
    ready: async (m) => {
      await until(m.el, 'Derniers documents par catégorie');
      // Open the documents tab too: its element must forget the patient as well.
      get(m.el, '#tab-documents').click();
      await until(m.el, 'Compte rendu de soins infirmiers à domicile');
      return [PATIENT.name, 'Compte rendu de soins infirmiers à domicile', 'Pénicillines (amoxicilline)'];
    },
  },
];

describe('session expiry', () => {
  suiteHooks('session', [ADULT]);

  for (const c of CASES) {
    it(`${c.tag}: after inactivity shows the expired notice and nothing of the patient, the focus the user had on the notice`, async () => {
      const m = await mount<HTMLElement>(c.template, c.actor());
      const before = await c.ready(m);
      for (const text of before) expect(everythingShown(m.el).includes(text), `"${text}" is shown before expiry`).to.equal(true);
      // The user is somewhere in the element: on the first of its controls that takes the focus.
      const controls = shadowRoots(m.el).flatMap((root) => [...root.querySelectorAll<HTMLElement>('input, textarea, button')]);
      expect(controls.some((control) => (control.focus(), m.el.matches(':focus-within'))), 'nothing in the element took the focus').to.equal(true);
      await expire(m);
      await assertNothingOfThePatient(m, before);
      await waitFor(
        () => m.el.shadowRoot!.activeElement?.textContent?.includes(EXPIRED),
        () => `the focus went to ${document.activeElement?.tagName}, not to the notice`,
      );
      // Focused, the notice is read once: no live region around it repeats it.
      const live = m.el.shadowRoot!.activeElement!.closest('[role="status"], [role="alert"], [aria-live]');
      expect(live?.outerHTML ?? 'none').to.equal('none');
    });

    it(`${c.tag}: the expired notice is said from its live region when the focus was elsewhere on the page`, async () => {
      const m = await mount<HTMLElement>(c.template, c.actor());
      await c.ready(m);
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Recherche de l’intranet');
      document.body.append(field);
      try {
        field.focus();
        await expire(m);
        await waitFor(() => everythingShown(m.el).includes(EXPIRED), 'the expired notice was never shown');
        expect(document.activeElement === field, `the focus went to ${document.activeElement?.tagName}`).to.equal(true);
        const notice = [...m.el.shadowRoot!.querySelectorAll('.notice')].find((n) => n.textContent?.includes(EXPIRED));
        expect(notice?.getAttribute('role') ?? 'none').to.equal('status');
      } finally {
        field.remove();
      }
    });
  }

  it('dmp-synthesis-editor: the draft is kept on the device and back after login', async () => {
    const m = await mount<HTMLElement>(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', 'session'));
    await waitFor(() => find(m.el, '[data-action="edit"]'), 'the synthesis never loaded');
    get(m.el, '[data-action="edit"]').click();
    await waitFor(() => find(m.el, `[data-key="${DOSAGE}"]`), 'the editor never opened');
    await typeIn(m.el, `[data-key="${DOSAGE}"]`, '2 comprimés le soir, au repas');
    await expire(m);
    await assertNothingOfThePatient(m, ['2 comprimés le soir, au repas', 'Hypertension artérielle essentielle']);
    await stored(
      () => readDraft<SynthesisContent>(draftKey('professional:ps-martin~session', ADULT)).then((d) => d?.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage),
      '2 comprimés le soir, au repas',
    );
    m.provider.resume();
    await waitFor(() => find<HTMLInputElement>(m.el, `[data-key="${DOSAGE}"]`)?.value === '2 comprimés le soir, au repas', () => `the edit is lost after login: ${visibleText(m.el).slice(0, 300)}`);
  });

  const REASON = 'Je ne veux plus de dossier en ligne.';
  const JUSTIFICATION = 'Détresse respiratoire, patiente inconsciente, aucun proche joignable.';
  const IN_TABS = [
    { who: 'the patient', field: '#close-reason', text: REASON, actor: 'pat-durand-jeanne', tab: '#tab-management' },
    { who: 'an emergency physician', field: '#justification', text: JUSTIFICATION, actor: 'ps-morel', tab: undefined },
  ];
  for (const c of IN_TABS) {
    it(`dmp-dossier: what ${c.who} typed in a tab is back after login, and out of the page meanwhile`, async () => {
      const m = await mount<HTMLElement>(html`<dmp-dossier patient-ins=${ADULT} .patient=${PATIENT}></dmp-dossier>`, c.actor);
      await waitFor(() => find(m.el, '[role="tab"]'), 'the dossier never loaded');
      if (c.tab) get(m.el, c.tab).click();
      await waitFor(() => find(m.el, c.field), `${c.field} never showed`);
      await typeIn(m.el, c.field, c.text);
      await expire(m);
      await assertNothingOfThePatient(m, [c.text, PATIENT.name]);
      // The host draws again meanwhile (React hands over a new object at each render).
      (m.el as HTMLElement & { patient: unknown }).patient = { ...PATIENT };
      await (m.el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      m.provider.resume();
      await waitFor(
        () => find<HTMLTextAreaElement>(m.el, c.field)?.value === c.text,
        () => `what was typed is lost after login: ${visibleText(m.el).slice(0, 300)}`,
      );
    });
  }

  it('dmp-dossier: a dialog open in a tab at expiry is closed, as in the list alone, and what it held is back at login', async () => {
    const m = await mount<HTMLElement>(html`<dmp-dossier patient-ins=${ADULT} .patient=${PATIENT}></dmp-dossier>`, 'pat-durand-jeanne');
    await waitFor(() => find(m.el, '[role="tab"]'), 'the dossier never loaded');
    get(m.el, '#tab-documents').click();
    await waitFor(() => findButton(m.el, 'Ajouter un document'), 'no add button');
    button(m.el, 'Ajouter un document').click();
    await waitFor(() => find<HTMLDialogElement>(m.el, '#add-dialog')?.open, 'the add dialog never opened');
    await typeIn(m.el, '#add-title', 'Carnet de vaccination');
    await expire(m);
    await assertNothingOfThePatient(m, ['Carnet de vaccination', PATIENT.name]);
    m.provider.resume();
    await waitFor(() => findButton(m.el, 'Ajouter un document'), 'the list is not back after login');
    const dialog = get<HTMLDialogElement>(m.el, '#add-dialog');
    expect(dialog.open, 'the dialog came back open, no longer modal').to.equal(false);
    button(m.el, 'Ajouter un document').click();
    await waitFor(() => dialog.open && dialog.matches(':modal'), 'the add dialog did not open again as a modal');
    expect(get<HTMLInputElement>(m.el, '#add-title').value).to.equal('Carnet de vaccination');
  });

  async function profileEdited(): Promise<Mounted<HTMLElement>> {
    const m = await mount<HTMLElement>(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, guardian(ADULT, 'session'));
    await waitFor(() => find(m.el, '#edit'), 'the profile never loaded');
    get(m.el, '#edit').click();
    await waitFor(() => find(m.el, '#organ-note'), 'the form never opened');
    await typeIn(m.el, '#organ-note', 'Prévenir ma fille avant toute décision.');
    await expire(m);
    await assertNothingOfThePatient(m, ['Prévenir ma fille avant toute décision.', 'Pénicillines (amoxicilline)']);
    return m;
  }

  it('dmp-patient-profile: the edits are back after login', async () => {
    const m = await profileEdited();
    m.provider.resume();
    await waitFor(
      () => find<HTMLTextAreaElement>(m.el, '#organ-note')?.value === 'Prévenir ma fille avant toute décision.',
      () => `the edits are lost after login: ${visibleText(m.el).slice(0, 300)}`,
    );
  });

  it('dmp-patient-profile: the edits are kept on the device when the session ends (DECISIONS.md 10)', async () => {
    await profileEdited();
    await stored(
      () => readDraft<ProfileDraft>(draftKey('legal-representative:rep~session', ADULT, 'profile')).then((d) => d?.content.organDonation.note),
      'Prévenir ma fille avant toute décision.',
    );
  });
});
