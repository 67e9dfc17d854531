import { isDmpError } from '../../client/errors.js';
import type { DetailsField, FieldErrors, IdentityField } from './identity.js';

/**
 * Where each field of `DossierCreate` the server refused is typed. A gateway may check more than
 * this form does (a domain it refuses for e-mail, an identity the INS referential disagrees
 * with): its reason then stands under the field the user typed it in.
 */
const DETAILS_FIELD_OF_PATH: Readonly<Record<string, DetailsField>> = {
  consent: 'consent',
  legalRepresentative: 'representativeLastName',
  'legalRepresentative.lastName': 'representativeLastName',
  'legalRepresentative.firstName': 'representativeFirstName',
  'legalRepresentative.relationship': 'representativeRelationship',
  contact: 'email',
  'contact.email': 'email',
  'contact.phone': 'phone',
};
const IDENTITY_FIELD_OF_PATH: Readonly<Record<string, IdentityField>> = {
  ins: 'nir',
  insStatus: 'insStatus',
  'traits.birthName': 'birthName',
  'traits.firstNames': 'firstNames',
  'traits.birthDate': 'birthDate',
  'traits.sex': 'sex',
  'traits.birthPlaceCode': 'birthPlaceCode',
};

/**
 * The server's refusal of a creation by field: those of the creation step, those of the identity
 * (typed one step back), and the reasons of the fields this form does not have.
 */
export interface ServerIssues {
  details: FieldErrors<DetailsField>;
  identity: FieldErrors<IdentityField>;
  /** The reasons not shown under a field of the creation step. */
  elsewhere: string[];
}

export function serverIssues(error: unknown): ServerIssues {
  const issues: ServerIssues = { details: {}, identity: {}, elsewhere: [] };
  if (!isDmpError(error) || error.kind !== 'invalid-request') return issues;
  for (const { path, message } of error.issues ?? []) {
    const refusal = { code: 'server', message } as const;
    if (Object.hasOwn(DETAILS_FIELD_OF_PATH, path)) (issues.details[DETAILS_FIELD_OF_PATH[path]!] ??= []).push(refusal);
    else {
      if (Object.hasOwn(IDENTITY_FIELD_OF_PATH, path)) (issues.identity[IDENTITY_FIELD_OF_PATH[path]!] ??= []).push(refusal);
      issues.elsewhere.push(message);
    }
  }
  return issues;
}
