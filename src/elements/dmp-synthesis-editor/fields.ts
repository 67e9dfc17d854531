import { msg } from '@lit/localize';
import type { SynthesisGroup } from '../../model/synthesis.js';
import { formatDate } from '../../i18n/format.js';
import type { Entry, EntryList } from './entries.js';

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
  /** A new, empty entry (its id is added by the caller). */
  create: () => Omit<Entry, 'id'>;
  /** Prefix of new entry ids, as in the seed (`pb-`, `tt-`…). */
  prefix: string;
  /** The list's name, e.g. "Vaccinations" (for lists sharing a group). */
  heading: () => string;
  /** "Problème", for the legend of each entry. */
  noun: () => string;
  /** "Ajouter un problème". */
  add: () => string;
}

const activity = () =>
  [
    ['active', msg('Actif', { id: 'synthesis-editor.status.active' })],
    ['inactive', msg('Inactif', { id: 'synthesis-editor.status.inactive' })],
    ['resolved', msg('Résolu', { id: 'synthesis-editor.status.resolved' })],
  ] as const;

const startDate: FieldDef = { name: 'startDate', kind: 'date', label: () => msg('Début', { id: 'synthesis-editor.field.start' }) };
const endDate: FieldDef = { name: 'endDate', kind: 'date', label: () => msg('Fin', { id: 'synthesis-editor.field.end' }) };
const note: FieldDef = { name: 'note', kind: 'textarea', label: () => msg('Commentaire', { id: 'synthesis-editor.field.note' }) };
const dateRequired: FieldDef = { name: 'date', kind: 'date', required: true, label: () => msg('Date', { id: 'synthesis-editor.field.date' }) };
const label = (text: () => string): FieldDef => ({ name: 'label', kind: 'text', required: true, label: text });

export const LISTS: readonly ListDef[] = [
  {
    list: 'problems',
    group: 'problems',
    title: 'label',
    prefix: 'pb',
    fields: [
      label(() => msg('Libellé', { id: 'synthesis-editor.field.label' })),
      { name: 'code', kind: 'cim10', code: true, label: () => msg('Code CIM-10', { id: 'synthesis-editor.field.cim10' }) },
      {
        name: 'kind',
        kind: 'select',
        label: () => msg('Nature', { id: 'synthesis-editor.field.problem-kind' }),
        options: () => [
          ['active-problem', msg('Problème actif', { id: 'synthesis-editor.kind.active-problem' })],
          ['medical-history', msg('Antécédent médical', { id: 'synthesis-editor.kind.medical-history' })],
          ['surgical-history', msg('Antécédent chirurgical', { id: 'synthesis-editor.kind.surgical-history' })],
        ],
      },
      { name: 'status', kind: 'select', label: () => msg('Statut', { id: 'synthesis-editor.field.status' }), options: activity },
      startDate,
      endDate,
      note,
    ],
    create: () => ({ kind: 'active-problem', label: '', status: 'active' }),
    heading: () => msg('Problèmes', { id: 'synthesis-editor.list.problems' }),
    noun: () => msg('Problème', { id: 'synthesis-editor.noun.problem' }),
    add: () => msg('Ajouter un problème ou antécédent', { id: 'synthesis-editor.add.problem' }),
  },
  {
    list: 'allergies',
    group: 'allergies',
    title: 'agent',
    prefix: 'al',
    fields: [
      { name: 'agent', kind: 'text', required: true, label: () => msg('Agent', { id: 'synthesis-editor.field.agent' }) },
      { name: 'code', kind: 'fixed', code: true, label: () => msg('Code', { id: 'synthesis-editor.field.code' }) },
      {
        name: 'type',
        kind: 'select',
        label: () => msg('Type', { id: 'synthesis-editor.field.allergy-type' }),
        options: () => [
          ['allergy', msg('Allergie', { id: 'synthesis-editor.type.allergy' })],
          ['intolerance', msg('Intolérance', { id: 'synthesis-editor.type.intolerance' })],
        ],
      },
      { name: 'clinicalStatus', kind: 'select', label: () => msg('Statut clinique', { id: 'synthesis-editor.field.clinical-status' }), options: activity },
      {
        name: 'criticality',
        kind: 'select',
        label: () => msg('Criticité', { id: 'synthesis-editor.field.criticality' }),
        options: () => [
          ['low', msg('Faible', { id: 'synthesis-editor.criticality.low' })],
          ['high', msg('Élevée', { id: 'synthesis-editor.criticality.high' })],
          ['unable-to-assess', msg('Non évaluable', { id: 'synthesis-editor.criticality.unable' })],
        ],
      },
      {
        name: 'certainty',
        kind: 'select',
        label: () => msg('Certitude', { id: 'synthesis-editor.field.certainty' }),
        options: () => [
          ['unconfirmed', msg('Non confirmée', { id: 'synthesis-editor.certainty.unconfirmed' })],
          ['presumed', msg('Présumée', { id: 'synthesis-editor.certainty.presumed' })],
          ['confirmed', msg('Confirmée', { id: 'synthesis-editor.certainty.confirmed' })],
          ['refuted', msg('Réfutée', { id: 'synthesis-editor.certainty.refuted' })],
        ],
      },
      {
        name: 'severity',
        kind: 'select',
        label: () => msg('Sévérité', { id: 'synthesis-editor.field.severity' }),
        options: () => [
          ['', msg('Non précisée', { id: 'synthesis-editor.severity.none' })],
          ['mild', msg('Légère', { id: 'synthesis-editor.severity.mild' })],
          ['moderate', msg('Modérée', { id: 'synthesis-editor.severity.moderate' })],
          ['severe', msg('Sévère', { id: 'synthesis-editor.severity.severe' })],
        ],
      },
      { name: 'reactions', kind: 'lines', label: () => msg('Réactions (une par ligne)', { id: 'synthesis-editor.field.reactions' }) },
      startDate,
      note,
    ],
    create: () => ({ agent: '', type: 'allergy', clinicalStatus: 'active', criticality: 'unable-to-assess', certainty: 'unconfirmed', reactions: [] }),
    heading: () => msg('Allergies', { id: 'synthesis-editor.list.allergies' }),
    noun: () => msg('Allergie', { id: 'synthesis-editor.noun.allergy' }),
    add: () => msg('Ajouter une allergie ou intolérance', { id: 'synthesis-editor.add.allergy' }),
  },
  {
    list: 'riskFactors',
    group: 'riskFactors',
    title: 'label',
    prefix: 'rf',
    fields: [
      label(() => msg('Libellé', { id: 'synthesis-editor.field.label' })),
      {
        name: 'kind',
        kind: 'select',
        label: () => msg('Nature', { id: 'synthesis-editor.field.risk-kind' }),
        options: () => [
          ['lifestyle', msg('Mode de vie', { id: 'synthesis-editor.kind.lifestyle' })],
          ['occupational', msg('Exposition professionnelle', { id: 'synthesis-editor.kind.occupational' })],
          ['family-history', msg('Antécédent familial', { id: 'synthesis-editor.kind.family-history' })],
        ],
      },
      startDate,
      note,
    ],
    create: () => ({ kind: 'lifestyle', label: '' }),
    heading: () => msg('Facteurs de risque', { id: 'synthesis-editor.list.risk-factors' }),
    noun: () => msg('Facteur de risque', { id: 'synthesis-editor.noun.risk-factor' }),
    add: () => msg('Ajouter un facteur de risque', { id: 'synthesis-editor.add.risk-factor' }),
  },
  {
    list: 'treatments',
    group: 'treatments',
    title: 'drug',
    prefix: 'tt',
    fields: [
      { name: 'drug', kind: 'drug', required: true, label: () => msg('Médicament', { id: 'synthesis-editor.field.drug' }) },
      { name: 'cis', kind: 'fixed', code: true, label: () => msg('Code CIS', { id: 'synthesis-editor.field.cis' }) },
      { name: 'atc', kind: 'fixed', code: true, label: () => msg('Code ATC', { id: 'synthesis-editor.field.atc' }) },
      { name: 'dosage', kind: 'text', required: true, label: () => msg('Posologie', { id: 'synthesis-editor.field.dosage' }) },
      {
        name: 'status',
        kind: 'select',
        label: () => msg('Statut', { id: 'synthesis-editor.field.status' }),
        options: () => [
          ['active', msg('En cours', { id: 'synthesis-editor.treatment.active' })],
          ['stopped', msg('Arrêté', { id: 'synthesis-editor.treatment.stopped' })],
        ],
      },
      startDate,
      endDate,
      note,
    ],
    create: () => ({ drug: '', dosage: '', status: 'active' }),
    heading: () => msg('Traitements', { id: 'synthesis-editor.list.treatments' }),
    noun: () => msg('Traitement', { id: 'synthesis-editor.noun.treatment' }),
    add: () => msg('Ajouter un traitement', { id: 'synthesis-editor.add.treatment' }),
  },
  {
    list: 'vaccinations',
    group: 'prevention',
    title: 'vaccine',
    prefix: 'vac',
    fields: [
      { name: 'vaccine', kind: 'text', required: true, label: () => msg('Vaccin', { id: 'synthesis-editor.field.vaccine' }) },
      dateRequired,
      { name: 'lot', kind: 'text', label: () => msg('Numéro de lot', { id: 'synthesis-editor.field.lot' }) },
      { name: 'dose', kind: 'text', label: () => msg('Dose', { id: 'synthesis-editor.field.dose' }) },
    ],
    create: () => ({ vaccine: '', date: '' }),
    heading: () => msg('Vaccinations', { id: 'synthesis-editor.list.vaccinations' }),
    noun: () => msg('Vaccination', { id: 'synthesis-editor.noun.vaccination' }),
    add: () => msg('Ajouter une vaccination', { id: 'synthesis-editor.add.vaccination' }),
  },
  {
    list: 'screenings',
    group: 'prevention',
    title: 'label',
    prefix: 'scr',
    fields: [
      label(() => msg('Dépistage', { id: 'synthesis-editor.field.screening' })),
      dateRequired,
      { name: 'result', kind: 'text', label: () => msg('Résultat', { id: 'synthesis-editor.field.result' }) },
      { name: 'nextDue', kind: 'date', label: () => msg('Prochain prévu', { id: 'synthesis-editor.field.next-due' }) },
    ],
    create: () => ({ label: '', date: '' }),
    heading: () => msg('Dépistages', { id: 'synthesis-editor.list.screenings' }),
    noun: () => msg('Dépistage', { id: 'synthesis-editor.noun.screening' }),
    add: () => msg('Ajouter un dépistage', { id: 'synthesis-editor.add.screening' }),
  },
  {
    list: 'pointsToWatch',
    group: 'pointsToWatch',
    title: 'label',
    prefix: 'w',
    fields: [label(() => msg('Point de vigilance', { id: 'synthesis-editor.field.watch' })), { ...dateRequired, required: false }, note],
    create: () => ({ label: '' }),
    heading: () => msg('Points de vigilance', { id: 'synthesis-editor.list.watch' }),
    noun: () => msg('Point de vigilance', { id: 'synthesis-editor.noun.watch' }),
    add: () => msg('Ajouter un point de vigilance', { id: 'synthesis-editor.add.watch' }),
  },
];

export function listDef(list: EntryList): ListDef {
  return LISTS.find((d) => d.list === list) as ListDef;
}

/** The heading of a group; `plain` for the patient's own words. */
export function groupHeading(group: SynthesisGroup, plain: boolean): string {
  switch (group) {
    case 'problems':
      return plain
        ? msg('Vos problèmes de santé', { id: 'synthesis-editor.group.problems.plain' })
        : msg('Problèmes de santé et antécédents', { id: 'synthesis-editor.group.problems' });
    case 'allergies':
      return plain
        ? msg('Vos allergies et intolérances', { id: 'synthesis-editor.group.allergies.plain' })
        : msg('Allergies et intolérances', { id: 'synthesis-editor.group.allergies' });
    case 'riskFactors':
      return plain
        ? msg('Ce qui peut peser sur votre santé', { id: 'synthesis-editor.group.risk-factors.plain' })
        : msg('Facteurs de risque', { id: 'synthesis-editor.group.risk-factors' });
    case 'treatments':
      return plain
        ? msg('Vos traitements', { id: 'synthesis-editor.group.treatments.plain' })
        : msg('Traitements au long cours', { id: 'synthesis-editor.group.treatments' });
    case 'prevention':
      return plain
        ? msg('Vos vaccins et dépistages', { id: 'synthesis-editor.group.prevention.plain' })
        : msg('Prévention : vaccinations et dépistages', { id: 'synthesis-editor.group.prevention' });
    case 'pointsToWatch':
      return plain
        ? msg('Ce à quoi il faut faire attention', { id: 'synthesis-editor.group.watch.plain' })
        : msg('Points de vigilance', { id: 'synthesis-editor.group.watch' });
  }
}

/** A field's value in words, or '' when it has none. */
export function displayValue(field: FieldDef, value: unknown, locale: string | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    const coded = value as { code?: string; label?: string };
    return [coded.code, coded.label].filter(Boolean).join(' — ');
  }
  if (typeof value === 'boolean') return value ? msg('Oui', { id: 'synthesis-editor.yes' }) : msg('Non', { id: 'synthesis-editor.no' });
  const text = String(value);
  if (field.kind === 'date') return formatDate(text, locale);
  if (field.options) return field.options().find(([v]) => v === text)?.[1] ?? text;
  return text;
}

/** The entry's name, for legends, button labels and comparisons. */
export function entryTitle(def: ListDef, entry: Entry): string {
  return String((entry as unknown as Record<string, unknown>)[def.title] ?? '').trim();
}

/** A fresh entry id, unique enough for one patient's synthesis, in insecure contexts too. */
export function newEntryId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
