import { CREATION_CHANNEL } from '../../policy/channels.js';
import type { Actor } from '../../model/actor.js';
import type { CreationChannel, DossierCreate, NewLegalRepresentative } from '../../model/dossier.js';
import type { InsStatus, Sex } from '../../model/ins.js';
import type { NirFailure } from '../../model/nir.js';

/** What the user typed in the identification step, as typed. */
export interface IdentityForm {
  nir: string;
  insStatus: InsStatus | '';
  birthName: string;
  firstNames: string;
  birthDate: string;
  sex: Sex | '';
  birthPlaceCode: string;
}

export type IdentityField = keyof IdentityForm;

/** What the user typed in the creation step. */
export interface DetailsForm {
  consent: boolean;
  representativeFirstName: string;
  representativeLastName: string;
  representativeRelationship: NewLegalRepresentative['relationship'] | '';
  opposeBreakGlass: boolean;
  opposeRegulation: boolean;
  email: string;
  phone: string;
}

export type DetailsField = 'consent' | 'representativeFirstName' | 'representativeLastName' | 'representativeRelationship' | 'email' | 'phone';

/** A field's problem as a code, so its words follow the locale. */
export type FieldError =
  | { code: 'required' }
  | { code: 'format' }
  | { code: 'nir'; reason: NirFailure }
  | { code: 'mismatch-sex'; digit: string }
  | { code: 'mismatch-year'; digits: string }
  | { code: 'mismatch-month'; digits: string }
  | { code: 'mismatch-place'; digits: string }
  | { code: 'consent' }
  /** Refused by the server, in its own words. */
  | { code: 'server'; message: string };

export type FieldErrors<F extends string> = Partial<Record<F, FieldError[]>>;

export const EMPTY_IDENTITY: IdentityForm = {
  nir: '',
  insStatus: '',
  birthName: '',
  firstNames: '',
  birthDate: '',
  sex: '',
  birthPlaceCode: '',
};

export const EMPTY_DETAILS: DetailsForm = {
  consent: false,
  representativeFirstName: '',
  representativeLastName: '',
  representativeRelationship: '',
  opposeBreakGlass: false,
  opposeRegulation: false,
  email: '',
  phone: '',
};

/** Whether the user typed or ticked a detail the form shows (the representative: for a minor), consent aside. */
export const typedDetails = (details: DetailsForm, minor: boolean): boolean =>
  (Object.keys(EMPTY_DETAILS) as (keyof DetailsForm)[]).some(
    (field) => field !== 'consent' && (minor || !field.startsWith('representative')) && details[field] !== EMPTY_DETAILS[field],
  );

/**
 * The details a creation sent, to fill the form again when it failed and the user comes back to
 * its patient. Consent is asked again: it is given for the creation the user now confirms.
 */
export function detailsOf({ legalRepresentative: rep, oppositions, contact }: DossierCreate): DetailsForm {
  return {
    consent: false,
    representativeFirstName: rep?.firstName ?? '',
    representativeLastName: rep?.lastName ?? '',
    representativeRelationship: rep?.relationship ?? '',
    opposeBreakGlass: oppositions?.breakGlass ?? false,
    opposeRegulation: oppositions?.regulation ?? false,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
  };
}

/** The creation channel `decide` expects for an actor; none for actors the law keeps out. */
export function creationChannel(actor: Actor): CreationChannel | undefined {
  return actor.kind in CREATION_CHANNEL ? CREATION_CHANNEL[actor.kind as keyof typeof CREATION_CHANNEL] : undefined;
}

