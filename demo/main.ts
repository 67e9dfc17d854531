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

/** One region per element. */
const SECTIONS: ReadonlyArray<{ tag: string; title: string }> = [
  { tag: 'dmp-dossier', title: 'Le DMP complet' },
  { tag: 'dmp-document-list', title: 'Documents' },
  { tag: 'dmp-synthesis-editor', title: 'Volet de synthèse médicale' },
  { tag: 'dmp-access-history', title: 'Historique des accès' },
  { tag: 'dmp-consent-panel', title: 'Gestion du DMP' },
  { tag: 'dmp-break-glass', title: 'Accès en urgence' },
  { tag: 'dmp-dossier-create', title: 'Création d’un DMP' },
  { tag: 'dmp-patient-profile', title: 'Mes informations' },
];

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

function actorLabel(actor: Actor): string {
  return actor.displayName ?? actor.id ?? actor.kind;
}

function render(): void {
  const ins = patientSelect.value;
  region.replaceChildren(
    ...SECTIONS.map(({ tag, title }) => {
      const section = document.createElement('section');
      const heading = document.createElement('h2');
      heading.textContent = title;
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
  const shown = PATIENTS.filter((p) =>
    actor?.kind === 'patient' ? p.id === actor.id : actor?.kind === 'legal-representative' ? (p.dossier?.legalRepresentatives.some((r) => r.id === actor.id) ?? false) : true,
  );
  return [
    ...shown.map((p) => option(p.identity.ins, `${patientDisplayName(p.identity)} — ${p.dossier?.status === 'closed' ? 'dossier fermé' : 'dossier actif'}`)),
    ...(patientSide ? [] : IDENTITIES_WITHOUT_DOSSIER.map((i) => option(i.ins, `${patientDisplayName(i)} — pas de dossier`))),
  ];
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
  patientSelect.addEventListener('change', render);
  localeSelect.addEventListener('change', () => {
    provider.locale = localeSelect.value === 'en' ? 'en' : 'fr';
    document.documentElement.lang = provider.locale;
  });
  $('reset').addEventListener('click', () => {
    db.reset();
    provider.notifyDataChanged(['documents', 'synthesis', 'authorizations', 'history', 'dossier', 'settings']);
    status.textContent = 'Données de démonstration réinitialisées.';
  });
  provider.addEventListener('dmp-session-expired', () => {
    status.textContent = 'Session expirée : choisissez à nouveau un utilisateur pour reprendre.';
  });
  selectActor();
}

void main();
