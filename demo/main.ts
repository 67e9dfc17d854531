import '../src/context/dmp-provider.js';
import '../src/elements/dmp-access-history/dmp-access-history.js';
import '../src/elements/dmp-break-glass/dmp-break-glass.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import '../src/elements/dmp-dossier/dmp-dossier.js';
import '../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import '../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { db, startMockBackend } from '../mocks/browser.js';
import { ACTORS, IDENTITIES_WITHOUT_DOSSIER, PATIENTS, patientDisplayName } from '../mocks/data/index.js';
import type { Actor } from '../src/model/actor.js';
import { clearAllDrafts } from '../src/drafts/draft-store.js';
import { decide } from '../src/policy/decide.js';
import { actorRoleLabel } from '../src/i18n/labels.js';

type DemoLocale = 'fr' | 'en';

/** The demo page's own words; the elements translate themselves. */
const TEXTS = {
  fr: {
    intro: 'Chaque élément du DMP sur le serveur de démonstration (MSW), avec des données fictives.',
    settings: 'Réglages de la démonstration',
    user: 'Utilisateur',
    patient: 'Patient',
    language: 'Langue',
    reset: 'Réinitialiser les données',
    wasReset: 'Données de démonstration réinitialisées.',
    expired: 'Session expirée : choisissez à nouveau un utilisateur pour reprendre.',
    active: 'dossier actif',
    closed: 'dossier fermé',
    none: 'pas de dossier',
    opened: 'Document lu :',
    unreadable: 'Le document n’a pas pu être lu :',
    bytes: 'octets',
    treating: 'médecin traitant',
    regulator: 'médecin régulateur (SAMU – Centre 15)',
  },
  en: {
    intro: 'Every DMP element on the demonstration server (MSW), with fictitious data.',
    settings: 'Demonstration settings',
    user: 'User',
    patient: 'Patient',
    language: 'Language',
    reset: 'Reset the data',
    wasReset: 'Demonstration data reset.',
    expired: 'Session expired: choose a user again to go on.',
    active: 'active record',
    closed: 'closed record',
    none: 'no record',
    opened: 'Document read:',
    unreadable: 'The document could not be read:',
    bytes: 'bytes',
    treating: 'treating doctor',
    regulator: 'regulating doctor (SAMU – Centre 15)',
  },
} satisfies Record<DemoLocale, Record<string, string>>;

/** One region per element. */
const SECTIONS: ReadonlyArray<{ tag: string; title: Record<DemoLocale, string> }> = [
  { tag: 'dmp-dossier', title: { fr: 'Le DMP complet', en: 'The whole DMP' } },
  { tag: 'dmp-document-list', title: { fr: 'Documents', en: 'Documents' } },
  { tag: 'dmp-synthesis-editor', title: { fr: 'Volet de synthèse médicale', en: 'Medical summary' } },
  { tag: 'dmp-access-history', title: { fr: 'Historique des accès', en: 'Access history' } },
  { tag: 'dmp-consent-panel', title: { fr: 'Gestion du DMP', en: 'DMP management' } },
  { tag: 'dmp-break-glass', title: { fr: 'Accès en urgence', en: 'Emergency access' } },
  { tag: 'dmp-dossier-create', title: { fr: 'Création d’un DMP', en: 'Opening a DMP' } },
  { tag: 'dmp-patient-profile', title: { fr: 'Mes informations', en: 'My information' } },
];

let locale: DemoLocale = 'fr';
const text = (key: keyof (typeof TEXTS)['fr']) => TEXTS[locale][key];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<HTMLElementTagNameMap['dmp-provider']>('provider');
const actorSelect = $<HTMLSelectElement>('actor');
const patientSelect = $<HTMLSelectElement>('patient');
const localeSelect = $<HTMLSelectElement>('locale');
const status = $<HTMLParagraphElement>('status');
const region = $<HTMLDivElement>('elements');

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

const TREATING = new Set(PATIENTS.flatMap((p) => p.dossier?.treatingPhysiciansRpps ?? []));

/** The name and the role, so that "the pharmacist" or "the SAMU regulator" is found at a glance. */
function actorLabel(actor: Actor): string {
  const name = actor.displayName ?? actor.id ?? actor.kind;
  const professional = actor.kind === 'professional' ? actor : undefined;
  const role = professional?.regulator
    ? text('regulator')
    : professional && TREATING.has(professional.rpps)
      ? text('treating')
      : actorRoleLabel({ kind: actor.kind, name, ...(professional ? { profession: professional.profession } : {}) });
  return `${name} — ${role}`;
}

function labelActors(): void {
  for (const o of actorSelect.options) {
    const actor = ACTORS.find((a) => (a.id ?? '') === o.value);
    if (actor) o.textContent = actorLabel(actor);
  }
}

function render(): void {
  const ins = patientSelect.value;
  region.replaceChildren(
    ...SECTIONS.map(({ tag, title }) => {
      const section = document.createElement('section');
      const heading = document.createElement('h2');
      heading.textContent = title[locale];
      heading.dataset.tag = tag;
      section.append(heading);
      const element = document.createElement(tag);
      element.setAttribute('patient-ins', ins);
      section.append(element);
      return section;
    }),
  );
}

/**
 * The dossiers the chosen user can be shown: a patient sees their own, a legal representative
 * those of the people they represent (the DMP has no other way in for them); everyone else, all.
 */
function patientOptions(actor: Actor | undefined): HTMLOptionElement[] {
  const patientSide = actor?.kind === 'patient' || actor?.kind === 'legal-representative';
  // Whose side a patient or representative is on is the policy's linkage rule, asked of it.
  const shown = PATIENTS.filter(
    (p) => !patientSide || decide({ actor, action: 'dossier.read', dossier: db.policyDossier(p.identity.ins) }).allowed,
  );
  return [
    ...shown.map((p) => option(p.identity.ins, `${patientDisplayName(p.identity)} — ${text(p.dossier?.status === 'closed' ? 'closed' : 'active')}`)),
    // A patient without a dossier yet may open their own (online), no one else's.
    ...IDENTITIES_WITHOUT_DOSSIER.filter((i) => !patientSide || db.patientIdOf(i.ins) === actor.id).map((i) => option(i.ins, `${patientDisplayName(i)} — ${text('none')}`)),
  ];
}

/** The page's own words in the chosen language, the patients' labels included. */
function translatePage(): void {
  document.documentElement.lang = locale;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) node.textContent = text(node.dataset.text as keyof (typeof TEXTS)['fr']);
  for (const node of document.querySelectorAll<HTMLElement>('[data-label]')) node.setAttribute('aria-label', text(node.dataset.label as keyof (typeof TEXTS)['fr']));
  for (const heading of region.querySelectorAll<HTMLElement>('h2[data-tag]')) {
    heading.textContent = SECTIONS.find((s) => s.tag === heading.dataset.tag)?.title[locale] ?? '';
  }
  labelActors();
  const selected = patientSelect.value;
  patientSelect.replaceChildren(...patientOptions(ACTORS.find((a) => (a.id ?? '') === actorSelect.value)));
  patientSelect.value = selected;
}

function selectActor(): void {
  const actor = ACTORS.find((a) => (a.id ?? '') === actorSelect.value);
  const previous = patientSelect.value;
  const options = patientOptions(actor);
  patientSelect.replaceChildren(...options);
  patientSelect.value = options.some((o) => o.value === previous) ? previous : (options[0]?.value ?? '');
  provider.actor = actor;
  provider.resume();
  if (patientSelect.value !== previous) render();
}

async function main(): Promise<void> {
  await startMockBackend();
  actorSelect.append(...ACTORS.map((a) => option(a.id ?? '', actorLabel(a))));
  actorSelect.addEventListener('change', selectActor);
  // Professions are the elements' words: they change once the elements' strings are loaded.
  window.addEventListener('lit-localize-status', (e) => {
    if (e.detail.status === 'ready') labelActors();
  });
  patientSelect.addEventListener('change', render);
  localeSelect.addEventListener('change', () => {
    locale = localeSelect.value === 'en' ? 'en' : 'fr';
    provider.locale = locale;
    translatePage();
  });
  $('reset').addEventListener('click', async () => {
    db.reset();
    // Drafts are demonstration data too: kept, they would be offered again over the reset versions.
    await clearAllDrafts().catch(() => undefined);
    provider.notifyDataChanged(['documents', 'synthesis', 'authorizations', 'history', 'dossier', 'settings']);
    status.textContent = text('wasReset');
  });
  provider.addEventListener('dmp-session-expired', () => {
    status.textContent = text('expired');
  });
  // What a host does with an opened document: read its file (the read shows in the history) and show it.
  provider.addEventListener('dmp-document-open', async (event) => {
    const { document: opened, content } = event.detail;
    try {
      const file = await content();
      status.textContent = `${text('opened')} ${opened.title} (${file.size.toLocaleString(locale)} ${text('bytes')})`;
    } catch {
      status.textContent = `${text('unreadable')} ${opened.title}`;
    }
  });
  selectActor();
}

void main();
