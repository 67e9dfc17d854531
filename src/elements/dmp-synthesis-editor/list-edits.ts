import { msg } from '@lit/localize';
import type { Entry, EntryList } from './entries.js';

/* What only the form and the comparison need of each list: they come with those modules. */

export interface ListEdit {
  /** A new, empty entry (its id is added by the caller). */
  create: () => Omit<Entry, 'id'>;
  /** Prefix of new entry ids, as in the seed (`pb-`, `tt-`…). */
  prefix: string;
  /** "Problème", for the legend of each entry. */
  noun: () => string;
  /** "Ajouter un problème". */
  add: () => string;
}

export const LIST_EDITS: Readonly<Record<EntryList, ListEdit>> = {
  problems: {
    prefix: 'pb',
    create: () => ({ kind: 'active-problem', label: '', status: 'active' }),
    noun: () => msg('Problème'),
    add: () => msg('Ajouter un problème ou antécédent'),
  },
  allergies: {
    prefix: 'al',
    create: () => ({ agent: '', type: 'allergy', clinicalStatus: 'active', criticality: 'unable-to-assess', certainty: 'unconfirmed', reactions: [] }),
    noun: () => msg('Allergie'),
    add: () => msg('Ajouter une allergie ou intolérance'),
  },
  riskFactors: {
    prefix: 'rf',
    create: () => ({ kind: 'lifestyle', label: '' }),
    noun: () => msg('Facteur de risque'),
    add: () => msg('Ajouter un facteur de risque'),
  },
  treatments: {
    prefix: 'tt',
    create: () => ({ drug: '', dosage: '', status: 'active' }),
    noun: () => msg('Traitement'),
    add: () => msg('Ajouter un traitement'),
  },
  vaccinations: {
    prefix: 'vac',
    create: () => ({ vaccine: '', date: '' }),
    noun: () => msg('Vaccination'),
    add: () => msg('Ajouter une vaccination'),
  },
  screenings: {
    prefix: 'scr',
    create: () => ({ label: '', date: '' }),
    noun: () => msg('Dépistage'),
    add: () => msg('Ajouter un dépistage'),
  },
  pointsToWatch: {
    prefix: 'w',
    create: () => ({ label: '' }),
    noun: () => msg('Point de vigilance'),
    add: () => msg('Ajouter un point de vigilance'),
  },
};
