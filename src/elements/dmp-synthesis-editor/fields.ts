import { msg } from '@lit/localize';
import type { SynthesisGroup } from '../../model/synthesis.js';
import { formatDate } from '../../i18n/format.js';
import type { Entry, EntryList, TypedCode } from './entries.js';

/*
 * What each list of entries holds, as data: the form, the read view and the comparison are all
 * drawn from these descriptions, so a field is described once.
 */

/**
 * `text`, `textarea`, `date`, `select`: plain inputs; `lines`: a list of strings, one a line;
 * `cim10`: a CIM-10 code picked in the suggestion list; `drug`: the drug's name with its CIS and
 * ATC codes picked in the suggestion list (free text allowed); `fixed`: shown, never edited here.
 */
export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'lines' | 'cim10' | 'drug' | 'fixed';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  label: () => string;
  required?: boolean;
  /** For `select`: the choices, value then words. */
  options?: () => ReadonlyArray<readonly [string, string]>;
  /** A code: hidden from patients, whom it does not help. */
  code?: boolean;
}

export interface ListDef {
  list: EntryList;
  group: SynthesisGroup;
  /** The field naming the entry (its title in lists, legends and comparisons). */
  title: string;
  fields: readonly FieldDef[];
  /** The list's name, e.g. "Vaccinations" (for lists sharing a group). */
  heading: () => string;
}

const activity = () =>
  [
    ['active', msg('Actif')],
    ['inactive', msg('Inactif')],
    ['resolved', msg('Résolu')],
  ] as const;

const startDate: FieldDef = { name: 'startDate', kind: 'date', label: () => msg('Début') };
const endDate: FieldDef = { name: 'endDate', kind: 'date', label: () => msg('Fin') };
const note: FieldDef = { name: 'note', kind: 'textarea', label: () => msg('Commentaire') };
const dateRequired: FieldDef = { name: 'date', kind: 'date', required: true, label: () => msg('Date') };
/** The next injection or screening due: a vaccine's booster, a screening's next round. */
const nextDue: FieldDef = { name: 'nextDue', kind: 'date', label: () => msg('Prochain prévu') };
const label = (text: () => string): FieldDef => ({ name: 'label', kind: 'text', required: true, label: text });

export const LISTS: readonly ListDef[] = [
  {
    list: 'problems',
    group: 'problems',
    title: 'label',
    fields: [
      label(() => msg('Libellé')),
      { name: 'code', kind: 'cim10', code: true, label: () => msg('Code CIM-10') },
      {
        name: 'kind',
        kind: 'select',
        label: () => msg('Nature'),
        options: () => [
          ['active-problem', msg('Problème actif')],
          ['medical-history', msg('Antécédent médical')],
          ['surgical-history', msg('Antécédent chirurgical')],
        ],
      },
      { name: 'status', kind: 'select', label: () => msg('Statut'), options: activity },
      startDate,
      endDate,
      note,
    ],
    heading: () => msg('Problèmes'),
  },
  {
    list: 'allergies',
    group: 'allergies',
    title: 'agent',
    fields: [
      { name: 'agent', kind: 'text', required: true, label: () => msg('Agent') },
      { name: 'code', kind: 'fixed', code: true, label: () => msg('Code') },
      {
        name: 'type',
        kind: 'select',
        label: () => msg('Type'),
        options: () => [
          ['allergy', msg('Allergie')],
          ['intolerance', msg('Intolérance')],
        ],
      },
      { name: 'clinicalStatus', kind: 'select', label: () => msg('Statut clinique'), options: activity },
      {
        name: 'criticality',
        kind: 'select',
        label: () => msg('Criticité'),
        options: () => [
          ['low', msg('Faible')],
          ['high', msg('Élevée')],
          ['unable-to-assess', msg('Non évaluable')],
        ],
      },
      {
        name: 'certainty',
        kind: 'select',
        label: () => msg('Certitude'),
        options: () => [
          ['unconfirmed', msg('Non confirmée')],
          ['presumed', msg('Présumée')],
          ['confirmed', msg('Confirmée')],
          ['refuted', msg('Réfutée')],
        ],
      },
      {
        name: 'severity',
        kind: 'select',
        label: () => msg('Sévérité'),
        options: () => [
          ['', msg('Non précisée')],
          ['mild', msg('Légère')],
          ['moderate', msg('Modérée')],
          ['severe', msg('Sévère')],
        ],
      },
      { name: 'reactions', kind: 'lines', label: () => msg('Réactions (une par ligne)') },
      startDate,
      note,
    ],
    heading: () => msg('Allergies'),
  },
  {
    list: 'riskFactors',
    group: 'riskFactors',
    title: 'label',
    fields: [
      label(() => msg('Libellé')),
      {
        name: 'kind',
        kind: 'select',
        label: () => msg('Nature'),
        options: () => [
          ['lifestyle', msg('Mode de vie')],
          ['occupational', msg('Exposition professionnelle')],
          ['family-history', msg('Antécédent familial')],
        ],
      },
      startDate,
      note,
    ],
    heading: () => msg('Facteurs de risque'),
  },
  {
    list: 'treatments',
    group: 'treatments',
    title: 'drug',
    fields: [
      { name: 'drug', kind: 'drug', required: true, label: () => msg('Médicament') },
      { name: 'cis', kind: 'fixed', code: true, label: () => msg('Code CIS') },
      { name: 'atc', kind: 'fixed', code: true, label: () => msg('Code ATC') },
      { name: 'dosage', kind: 'text', required: true, label: () => msg('Posologie') },
      {
        name: 'status',
        kind: 'select',
        label: () => msg('Statut'),
        options: () => [
          ['active', msg('En cours')],
          ['stopped', msg('Arrêté')],
        ],
      },
      startDate,
      endDate,
      note,
    ],
    heading: () => msg('Traitements'),
  },
  {
    list: 'vaccinations',
    group: 'prevention',
    title: 'vaccine',
    fields: [
      { name: 'vaccine', kind: 'text', required: true, label: () => msg('Vaccin') },
      dateRequired,
      { name: 'lot', kind: 'text', label: () => msg('Numéro de lot') },
      { name: 'dose', kind: 'text', label: () => msg('Dose') },
      { name: 'administeredBy', kind: 'text', label: () => msg('Vacciné par') },
      nextDue,
    ],
    heading: () => msg('Vaccinations'),
  },
  {
    list: 'screenings',
    group: 'prevention',
    title: 'label',
    fields: [
      label(() => msg('Dépistage')),
      dateRequired,
      { name: 'result', kind: 'text', label: () => msg('Résultat') },
      nextDue,
    ],
    heading: () => msg('Dépistages'),
  },
  {
    list: 'pointsToWatch',
    group: 'pointsToWatch',
    title: 'label',
    fields: [label(() => msg('Point de vigilance')), { ...dateRequired, required: false }, note],
    heading: () => msg('Points de vigilance'),
  },
];

export function listDef(list: EntryList): ListDef {
  return LISTS.find((d) => d.list === list) as ListDef;
}

/**
 * How the synthesis is worded for its reader: in medical terms with codes for professionals
 * (`false`); in plain words, without codes, for the patient, addressed as "vous" (`'patient'`), and
 * for their legal representative, who reads about the person they represent (`'representative'`).
 */
export type Wording = false | 'patient' | 'representative';

/** The heading of a group, worded for its reader. */
export function groupHeading(group: SynthesisGroup, plain: Wording): string {
  switch (group) {
    case 'problems':
      return plain === 'patient'
        ? msg('Vos problèmes de santé')
        : plain
          ? msg('Ses problèmes de santé')
          : msg('Problèmes de santé et antécédents');
    case 'allergies':
      return plain === 'patient'
        ? msg('Vos allergies et intolérances')
        : plain
          ? msg('Ses allergies et intolérances')
          : msg('Allergies et intolérances');
    case 'riskFactors':
      return plain === 'patient'
        ? msg('Ce qui peut peser sur votre santé')
        : plain
          ? msg('Ce qui peut peser sur sa santé')
          : msg('Facteurs de risque');
    case 'treatments':
      return plain === 'patient'
        ? msg('Vos traitements')
        : plain
          ? msg('Ses traitements')
          : msg('Traitements au long cours');
    case 'prevention':
      return plain === 'patient'
        ? msg('Vos vaccins et dépistages')
        : plain
          ? msg('Ses vaccins et dépistages')
          : msg('Prévention : vaccinations et dépistages');
    case 'pointsToWatch':
      return plain
        ? msg('Ce à quoi il faut faire attention')
        : msg('Points de vigilance');
  }
}

/** A field's value in words, or '' when it has none. */
export function displayValue(field: FieldDef, value: unknown, locale: string | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    const coded = value as TypedCode;
    return coded.typed ?? [coded.code, coded.label].filter(Boolean).join(' — ');
  }
  if (typeof value === 'boolean') return value ? msg('Oui') : msg('Non');
  const text = String(value);
  if (field.kind === 'date') return formatDate(text, locale);
  if (field.options) return field.options().find(([v]) => v === text)?.[1] ?? text;
  return text;
}

/** The entry's name, for legends, button labels and comparisons. */
export function entryTitle(def: ListDef, entry: Entry): string {
  return String((entry as unknown as Record<string, unknown>)[def.title] ?? '').trim();
}
