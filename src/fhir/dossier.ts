import type { DossierInfo, LegalRepresentative, NotificationPreferences, Oppositions, PolicyDossier } from '../model/dossier.js';
import { isMinor, type InsStatus, type PatientIdentity } from '../model/patient.js';
import { NO_DOSSIER } from '../model/no-dossier.js';
import { mayRepresent } from '../model/relationships.js';
import type { Organisation, Professional } from '../model/professional.js';
import type { AccessMode } from '../policy/types.js';
import { insIdentifier } from './ins.js';
import { codeIn, codingIn, idOfReference, need, rppsOf } from './parse.js';
import type { Consent, Extension, Organization, Patient, Practitioner, PractitionerRole, Reference, RelatedPerson } from './schemas.js';
import {
  ACCESS_MODE_CODES,
  ACCESS_MODE_SYSTEM,
  ACT_CODE_SYSTEM,
  BIRTH_PLACE_EXTENSION,
  CONSENT_SCOPE_SYSTEM,
  DOSSIER_EXTENSION,
  FINESS_SYSTEM,
  INSEE_CODE_EXTENSION,
  INSEE_COMMUNE_SYSTEM,
  INS_STATUS_EXTENSION,
  LOINC_SYSTEM,
  NOTIFICATION_EXTENSION,
  PARTICIPATION_TYPE_SYSTEM,
  PROFESSION_SYSTEM,
  RELATIONSHIP_SYSTEM,
  ROLE_CODE_SYSTEM,
  ROLE_SYSTEM,
  RPPS_SYSTEM,
  SINCE_EXTENSION,
  SPECIALTY_SYSTEM,
} from './systems.js';

/*
 * The dossier as FHIR: the Patient (INS identifier, traits, the dossier's status in an
 * extension, the médecins traitants as generalPractitioner), one Consent per professional the
 * patient authorized (permit) or blocked (deny), one Consent per opposition (deny for the
 * purpose BRIS_DE_GLACE or CENTRE_DE_REGULATION), a RelatedPerson per legal representative.
 */

export interface DatedRpps {
  rpps: string;
  since: string;
}

export interface DossierFacts {
  status: 'active' | 'closed';
  createdAt: string;
  closedAt?: string | undefined;
  closeReason?: string | undefined;
}

const GENDER = { M: 'male', F: 'female', I: 'other' } as const;

export function dossierExtension(facts: DossierFacts): Extension {
  return {
    url: DOSSIER_EXTENSION,
    extension: [
      { url: 'status', valueCode: facts.status },
      { url: 'createdAt', valueDateTime: facts.createdAt },
      ...(facts.closedAt ? [{ url: 'closedAt', valueDateTime: facts.closedAt }] : []),
      ...(facts.closeReason ? [{ url: 'closeReason', valueString: facts.closeReason }] : []),
    ],
  };
}

export function rppsIdentifier(rpps: string) {
  return { system: RPPS_SYSTEM, value: `8${rpps}` };
}

/** A médecin traitant as a generalPractitioner reference, designated since `since`. */
export function treatingPhysicianReference(rpps: string, since: string, practitionerId?: string): Reference {
  return {
    extension: [{ url: SINCE_EXTENSION, valueDateTime: since }],
    ...(practitionerId ? { reference: `Practitioner/${practitionerId}` } : {}),
    identifier: rppsIdentifier(rpps),
  };
}

const EVENTS = ['newDocument', 'firstAccess', 'emergencyAccess'] as const;
const CHANNELS = ['email', 'sms'] as const;

/** The patient's contact points: where notifications go. */
export function telecomOf(preferences: Pick<NotificationPreferences, 'email' | 'phone'>) {
  return [
    ...(preferences.email ? [{ system: 'email' as const, value: preferences.email }] : []),
    ...(preferences.phone ? [{ system: 'sms' as const, value: preferences.phone, use: 'mobile' as const }] : []),
  ];
}

/**
 * Which events the patient is told of, through which channel (FHIR has no field for it); none
 * at all when no channel is chosen, since an extension must hold something.
 */
export function notificationExtension(preferences: NotificationPreferences): Extension | undefined {
  const chosen = EVENTS.flatMap((event) =>
    CHANNELS.filter((channel) => preferences[event][channel]).map((channel) => ({ url: event, valueCode: channel })),
  );
  return chosen.length > 0 ? { url: NOTIFICATION_EXTENSION, extension: chosen } : undefined;
}

export function notificationPreferencesOf(patient: Patient): NotificationPreferences {
  const email = patient.telecom?.find((t) => t.system === 'email' && t.value)?.value;
  const phone = patient.telecom?.find((t) => t.system === 'sms' && t.value)?.value;
  const chosen = patient.extension?.find((e) => e.url === NOTIFICATION_EXTENSION)?.extension ?? [];
  const channels = (event: (typeof EVENTS)[number]) => ({
    email: chosen.some((e) => e.url === event && e.valueCode === 'email'),
    sms: chosen.some((e) => e.url === event && e.valueCode === 'sms'),
  });
  return {
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    newDocument: channels('newDocument'),
    firstAccess: channels('firstAccess'),
    emergencyAccess: channels('emergencyAccess'),
  };
}

/** A person with a dossier, as the DMP's Patient. */
export function toPatient(args: {
  id: string;
  identity: PatientIdentity;
  dossier: DossierFacts;
  treatingPhysicians: Array<DatedRpps & { practitionerId?: string | undefined }>;
  notificationPreferences: NotificationPreferences;
}) {
  const { traits } = args.identity;
  const telecom = telecomOf(args.notificationPreferences);
  const notifications = notificationExtension(args.notificationPreferences);
  return {
    resourceType: 'Patient' as const,
    id: args.id,
    extension: [
      dossierExtension(args.dossier),
      ...(notifications ? [notifications] : []),
      { url: INS_STATUS_EXTENSION, valueCode: args.identity.insStatus },
      ...(traits.birthPlaceCode
        ? [
            {
              url: BIRTH_PLACE_EXTENSION,
              valueAddress: {
                extension: [{ url: INSEE_CODE_EXTENSION, valueCoding: { system: INSEE_COMMUNE_SYSTEM, code: traits.birthPlaceCode } }],
              },
            },
          ]
        : []),
    ],
    identifier: [{ use: 'official' as const, ...insIdentifier(args.identity.ins) }],
    active: args.dossier.status === 'active',
    name: [
      { use: 'official' as const, family: traits.birthName, given: traits.firstNames.split(' ') },
      ...(traits.usedName ? [{ use: 'usual' as const, family: traits.usedName }] : []),
    ],
    ...(telecom.length > 0 ? { telecom } : {}),
    gender: GENDER[traits.sex],
    birthDate: traits.birthDate,
    ...(args.treatingPhysicians.length > 0
      ? { generalPractitioner: args.treatingPhysicians.map((t) => treatingPhysicianReference(t.rpps, t.since, t.practitionerId)) }
      : {}),
  };
}

function sub(extension: Extension | undefined, url: string): Extension | undefined {
  return extension?.extension?.find((e) => e.url === url);
}

/** What the Patient says of the dossier; `status` is `active` when no extension says otherwise. */
export function dossierFactsOf(patient: Patient): Partial<DossierFacts> & { status: 'active' | 'closed' } {
  const extension = patient.extension?.find((e) => e.url === DOSSIER_EXTENSION);
  const status = sub(extension, 'status')?.valueCode;
  const closed = status === 'closed' || (status === undefined && patient.active === false);
  const createdAt = sub(extension, 'createdAt')?.valueDateTime;
  const closedAt = sub(extension, 'closedAt')?.valueDateTime;
  const closeReason = sub(extension, 'closeReason')?.valueString;
  return {
    status: closed ? 'closed' : 'active',
    ...(createdAt ? { createdAt } : {}),
    ...(closedAt ? { closedAt } : {}),
    ...(closeReason ? { closeReason } : {}),
  };
}

export function insStatusOf(patient: Patient): InsStatus | undefined {
  const code = patient.extension?.find((e) => e.url === INS_STATUS_EXTENSION)?.valueCode;
  return code === 'PROV' || code === 'RECUP' || code === 'VALI' || code === 'QUAL' ? code : undefined;
}

/** The médecins traitants, with the date of their designation (or none known). */
export function treatingPhysiciansOf(patient: Patient): Array<{ rpps: string; since?: string | undefined }> {
  return (patient.generalPractitioner ?? []).flatMap((reference) => {
    const rpps = rppsOf(reference.identifier);
    if (!rpps) return [];
    const since = reference.extension?.find((e) => e.url === SINCE_EXTENSION)?.valueDateTime;
    return [{ rpps, ...(since ? { since } : {}) }];
  });
}

const CONSENT_SCOPE = { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy', display: 'Privacy Consent' }] };
const CONSENT_CATEGORY = [{ coding: [{ system: LOINC_SYSTEM, code: '59284-0', display: 'Patient Consent' }] }];
const RECIPIENT_ROLE = { coding: [{ system: PARTICIPATION_TYPE_SYSTEM, code: 'PRCP', display: 'primary information recipient' }] };

/**
 * The patient's consent about one professional: `permit` when authorized, `deny` when blocked.
 * `proposed` records a consent not (yet) given, which grants nothing.
 */
export function toAuthorizationConsent(args: {
  id: string;
  patientId: string;
  rpps: string;
  practitionerId?: string | undefined;
  decision: 'permit' | 'deny';
  status: 'active' | 'inactive' | 'proposed';
  since: string;
}) {
  return {
    resourceType: 'Consent' as const,
    id: args.id,
    status: args.status,
    scope: CONSENT_SCOPE,
    category: CONSENT_CATEGORY,
    patient: { reference: `Patient/${args.patientId}` },
    dateTime: args.since,
    policyRule: { coding: [{ system: ACT_CODE_SYSTEM, code: args.decision === 'permit' ? 'OPTIN' : 'OPTOUT' }] },
    provision: {
      type: args.decision,
      actor: [
        {
          role: RECIPIENT_ROLE,
          reference: { ...(args.practitionerId ? { reference: `Practitioner/${args.practitionerId}` } : {}), identifier: rppsIdentifier(args.rpps) },
        },
      ],
    },
  };
}

/** The patient's opposition to one emergency mode: a deny for that purpose, active while it holds. */
export function toOppositionConsent(args: { id: string; patientId: string; mode: Exclude<AccessMode, 'normal'>; opposed: boolean; since: string }) {
  return {
    resourceType: 'Consent' as const,
    id: args.id,
    status: args.opposed ? ('active' as const) : ('inactive' as const),
    scope: CONSENT_SCOPE,
    category: CONSENT_CATEGORY,
    patient: { reference: `Patient/${args.patientId}` },
    dateTime: args.since,
    policyRule: { coding: [{ system: ACT_CODE_SYSTEM, code: 'OPTOUT' }] },
    provision: { type: 'deny' as const, purpose: [{ system: ACCESS_MODE_SYSTEM, code: ACCESS_MODE_CODES[args.mode] }] },
  };
}

/** The professional an authorization Consent is about, if it is one. */
export function consentRpps(consent: Consent): string | undefined {
  for (const actor of consent.provision?.actor ?? []) {
    const rpps = rppsOf(actor.reference.identifier);
    if (rpps) return rpps;
  }
  return undefined;
}

/** The emergency mode an opposition Consent is about, if it is one. */
export function consentMode(consent: Consent): Exclude<AccessMode, 'normal'> | undefined {
  const code = codingIn(consent.provision?.purpose, ACCESS_MODE_SYSTEM);
  if (code === ACCESS_MODE_CODES['break-glass']) return 'break-glass';
  if (code === ACCESS_MODE_CODES.regulation) return 'regulation';
  return undefined;
}

export function authorizationsOf(consents: readonly Consent[]): { authorized: DatedRpps[]; blocked: DatedRpps[] } {
  const authorized: DatedRpps[] = [];
  const blocked: DatedRpps[] = [];
  for (const consent of consents) {
    const rpps = consentRpps(consent);
    if (!rpps || consent.status !== 'active') continue;
    const since = consent.dateTime ?? consent.meta?.lastUpdated ?? '';
    (consent.provision?.type === 'deny' ? blocked : authorized).push({ rpps, since });
  }
  return { authorized, blocked };
}

export function oppositionsOf(consents: readonly Consent[]): Oppositions {
  const opposed = (mode: Exclude<AccessMode, 'normal'>) =>
    consents.some((c) => c.status === 'active' && c.provision?.type === 'deny' && consentMode(c) === mode);
  return { breakGlass: opposed('break-glass'), regulation: opposed('regulation') };
}

/** The dossier as `decide` reads it, from the FHIR resources that describe it. */
export function policyDossierOf(args: {
  patient: Patient | undefined;
  consents: readonly Consent[];
  relatedPersons?: readonly RelatedPerson[] | undefined;
  today: string;
}): PolicyDossier {
  const { patient } = args;
  if (!patient) {
    return structuredClone(NO_DOSSIER);
  }
  const { authorized, blocked } = authorizationsOf(args.consents);
  const insStatus = insStatusOf(patient);
  const patientIsMinor = patient.birthDate ? isMinor(patient.birthDate, args.today) : false;
  return {
    status: dossierFactsOf(patient).status,
    patientId: patient.id,
    patientIsMinor,
    ...(args.relatedPersons ? { legalRepresentativeIds: args.relatedPersons.filter((r) => represents(r, patientIsMinor)).map((r) => r.id) } : {}),
    treatingPhysiciansRpps: treatingPhysiciansOf(patient).map((t) => t.rpps),
    authorizedRpps: authorized.map((a) => a.rpps),
    blockedRpps: blocked.map((b) => b.rpps),
    oppositions: oppositionsOf(args.consents),
    ...(insStatus ? { insStatus } : {}),
  };
}

/** TD0.2: the existence test's answer, from the Patient (absent: no dossier). */
export function dossierInfoOf(ins: string, policy: PolicyDossier, patient: Patient | undefined): DossierInfo {
  if (!patient) return { ins, status: 'none', policy };
  const facts = dossierFactsOf(patient);
  return {
    ins,
    status: facts.status,
    ...(facts.createdAt ? { createdAt: facts.createdAt } : {}),
    ...(facts.status === 'closed' && facts.closedAt ? { closedAt: facts.closedAt } : {}),
    ...(facts.status === 'closed' && facts.closeReason ? { closeReason: facts.closeReason } : {}),
    policy,
  };
}

const RELATIONSHIP_V3: Readonly<Record<LegalRepresentative['relationship'], string | undefined>> = {
  parent: 'PRN',
  guardian: 'GUARD',
  curator: undefined,
  other: undefined,
};

export function toRelatedPerson(representative: LegalRepresentative, patientId: string) {
  const v3 = RELATIONSHIP_V3[representative.relationship];
  return {
    resourceType: 'RelatedPerson' as const,
    id: representative.id,
    active: true,
    patient: { reference: `Patient/${patientId}` },
    relationship: [
      {
        coding: [
          { system: RELATIONSHIP_SYSTEM, code: representative.relationship },
          ...(v3 ? [{ system: ROLE_CODE_SYSTEM, code: v3 }] : []),
        ],
      },
    ],
    name: [{ family: representative.lastName, given: [representative.firstName] }],
    period: { start: representative.since },
  };
}

/**
 * The link of a RelatedPerson to the patient, from its codes alone: ours, else HL7 v3's parent
 * or guardian. Undefined for any other (a friend, a contact): no legal representative.
 */
export function relationshipOf(person: RelatedPerson): LegalRepresentative['relationship'] | undefined {
  const ours = codeIn(person.relationship, RELATIONSHIP_SYSTEM);
  const v3 = codeIn(person.relationship, ROLE_CODE_SYSTEM);
  if (ours === 'parent' || ours === 'guardian' || ours === 'curator' || ours === 'other') return ours;
  return v3 === 'PRN' ? 'parent' : v3 === 'GUARD' ? 'guardian' : undefined;
}

/** Whether a RelatedPerson represents the patient now: an active link that may represent them. */
export function represents(person: RelatedPerson, patientIsMinor: boolean): boolean {
  const link = relationshipOf(person);
  return person.active !== false && link !== undefined && mayRepresent(link, patientIsMinor);
}

export function fromRelatedPerson(person: RelatedPerson): LegalRepresentative {
  const name = person.name?.[0];
  return {
    id: person.id,
    firstName: need(name?.given?.join(' ') || undefined, 'name.0.given'),
    lastName: need(name?.family, 'name.0.family'),
    relationship: need(relationshipOf(person), 'relationship'),
    since: need(person.period?.start, 'period.start'),
  };
}

/** A FHIR id for an organisation: its FINESS when it has one, else a slug of its name. */
export function organisationId(organisation: Organisation): string {
  if (organisation.finess) return `org-${organisation.finess}`;
  const slug = organisation.name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `org-${slug}`.slice(0, 64).replace(/-$/, '');
}

export function toOrganization(organisation: Organisation) {
  return {
    resourceType: 'Organization' as const,
    id: organisationId(organisation),
    ...(organisation.finess ? { identifier: [{ system: FINESS_SYSTEM, value: organisation.finess }] } : {}),
    name: organisation.name,
    ...(organisation.city ? { address: [{ city: organisation.city }] } : {}),
  };
}

export const REGULATOR_ROLE = { system: ROLE_SYSTEM, code: 'medecin-regulateur', display: 'Médecin régulateur (SAMU, Centre 15)' } as const;

export function toPractitioner(professional: Professional) {
  return {
    resourceType: 'Practitioner' as const,
    id: professional.id,
    identifier: [rppsIdentifier(professional.rpps)],
    active: true,
    name: [{ family: professional.lastName, given: [professional.firstName] }],
    qualification: [
      { code: { coding: [{ system: PROFESSION_SYSTEM, code: professional.profession }] } },
      ...(professional.specialty ? [{ code: { coding: [{ system: SPECIALTY_SYSTEM, code: professional.specialty }] } }] : []),
    ],
  };
}

/** Where and as what a professional practises: profession, specialty, regulator, organisation. */
export function toPractitionerRole(professional: Professional) {
  return {
    resourceType: 'PractitionerRole' as const,
    id: `role-${professional.id}`,
    active: true,
    practitioner: { reference: `Practitioner/${professional.id}`, identifier: rppsIdentifier(professional.rpps) },
    ...(professional.organisation
      ? { organization: { reference: `Organization/${organisationId(professional.organisation)}`, display: professional.organisation.name } }
      : {}),
    code: [
      { coding: [{ system: PROFESSION_SYSTEM, code: professional.profession }] },
      ...(professional.regulator ? [{ coding: [{ ...REGULATOR_ROLE }] }] : []),
    ],
    ...(professional.specialty ? { specialty: [{ coding: [{ system: SPECIALTY_SYSTEM, code: professional.specialty }] }] } : {}),
  };
}

/** A professional of the directory, from their Practitioner, PractitionerRole and Organization. */
export function professionalOf(practitioner: Practitioner, role: PractitionerRole | undefined, organization: Organization | undefined): Professional {
  const rpps = need(
    practitioner.identifier?.map(rppsOf).find(Boolean),
    'identifier',
    'Aucun RPPS',
  );
  const name = practitioner.name?.[0];
  const qualifications = practitioner.qualification?.map((q) => q.code);
  const profession = need(codeIn(role?.code, PROFESSION_SYSTEM) ?? codeIn(qualifications, PROFESSION_SYSTEM), 'qualification', 'Aucune profession');
  const specialty = codeIn(role?.specialty, SPECIALTY_SYSTEM) ?? codeIn(qualifications, SPECIALTY_SYSTEM);
  const regulator = role?.code?.some((c) => c.coding?.some((x) => x.system === REGULATOR_ROLE.system && x.code === REGULATOR_ROLE.code)) ?? false;
  const organisationName = organization?.name ?? role?.organization?.display;
  const finess = organization?.identifier?.find((i) => i.system === FINESS_SYSTEM)?.value;
  const city = organization?.address?.find((a) => a.city)?.city;
  return {
    id: practitioner.id,
    rpps,
    firstName: need(name?.given?.join(' ') || undefined, 'name.0.given'),
    lastName: need(name?.family, 'name.0.family'),
    profession,
    ...(specialty ? { specialty } : {}),
    ...(organisationName ? { organisation: { name: organisationName, ...(finess ? { finess } : {}), ...(city ? { city } : {}) } } : {}),
    ...(regulator ? { regulator: true } : {}),
  };
}

/** The Practitioner a role or a reference points to, by id. */
export function practitionerIdOf(reference: Reference | undefined): string | undefined {
  return idOfReference(reference?.reference, 'Practitioner');
}
