import type { Prevention, ScreeningEntry, VaccinationEntry } from '../../src/model/prevention.js';
import { DURAND_SCREENINGS, DURAND_VACCINATIONS } from './documents.js';
import { PATIENT_ADULT } from './patients.js';
import { DR_MARTIN_TRAITANT, professionalDisplayName } from './professionals.js';

/*
 * PATIENT_ADULT's vaccinations and screenings, kept by Dr Martin as their own documents beside
 * the VSM (DECISIONS.md 1): the vaccination history and the screening report.
 */

const VACCINATIONS: VaccinationEntry[] = [
  {
    id: 'vac-dtp-2023',
    vaccine: 'Diphtérie, tétanos, poliomyélite (REVAXIS) — rappel de 65 ans',
    date: '2023-03-14',
    lot: 'X2F017',
    dose: '0,5 mL',
    administeredBy: professionalDisplayName(DR_MARTIN_TRAITANT),
    // The next adult booster is at 75.
    nextDue: '2033-03-14',
  },
  { id: 'vac-pneumo-2024', vaccine: 'Pneumocoque (vaccin conjugué 20-valent)', date: '2024-11-05', lot: 'HX9917', dose: '0,5 mL' },
  { id: 'vac-zona-2025', vaccine: 'Zona (vaccin recombinant), 2e dose', date: '2025-04-02', lot: 'AZ41B3', dose: '0,5 mL' },
  { id: 'vac-grippe-2024', vaccine: 'Grippe saisonnière 2024-2025', date: '2024-10-22', lot: 'W3C741', dose: '0,5 mL', administeredBy: 'Marc Dubois, pharmacien' },
];

const SCREENINGS: ScreeningEntry[] = [
  {
    id: 'scr-mammographie',
    label: 'Mammographie de dépistage organisé',
    date: '2025-03-18',
    result: 'ACR 1 bilatéral : pas d’anomalie',
    nextDue: '2027-03-18',
  },
  {
    id: 'scr-colorectal',
    label: 'Test immunologique de dépistage du cancer colorectal',
    date: '2025-01-14',
    result: 'Négatif',
    nextDue: '2027-01-14',
  },
  {
    id: 'scr-retinopathie',
    label: 'Rétinographie (dépistage de la rétinopathie diabétique)',
    date: '2025-05-06',
    result: 'Pas de rétinopathie',
    nextDue: '2027-05-06',
  },
];

export const PREVENTION_DURAND: Prevention = {
  documents: { vaccinations: DURAND_VACCINATIONS.id, screenings: DURAND_SCREENINGS.id },
  version: 1,
  etag: '"prevention-durand-1"',
  author: { name: professionalDisplayName(DR_MARTIN_TRAITANT), rpps: DR_MARTIN_TRAITANT.rpps },
  savedAt: DURAND_VACCINATIONS.submittedAt,
  content: { vaccinations: VACCINATIONS, screenings: SCREENINGS },
};

/** The saved versions of each dossier's prevention record by INS, oldest first. */
export const PREVENTION_RECORDS: Readonly<Record<string, Prevention[]>> = {
  [PATIENT_ADULT.identity.ins]: [PREVENTION_DURAND],
};
