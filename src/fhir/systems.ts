/*
 * Every code system, identifier system and extension the FHIR adapter reads or writes. The
 * French ones are the ANS nomenclatures by OID; the `dmp-elements.dev` ones are ours, for the
 * DMP semantics no published FHIR artefact carries (docs/fhir.md lists them and why).
 */

/** INS: the NIR as an identifier (see insIdentifier). */
export const INS_NIR_SYSTEM = 'urn:oid:1.2.250.1.213.1.4.8';
/** INS: a provisional number (NIA, first digit 7 or 8), given while the NIR is being assigned. */
export const INS_NIA_SYSTEM = 'urn:oid:1.2.250.1.213.1.4.9';
/** RPPS in its national-identifier form: `8` followed by the eleven digits. */
export const RPPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
/** FINESS number of a facility. */
export const FINESS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.2';

/** TRE_A03-ClasseDocument: the XDS classCode (value set JDV_J57). */
export const CLASS_CODE_SYSTEM = 'urn:oid:1.2.250.1.213.1.1.4.1';
export const LOINC_SYSTEM = 'http://loinc.org';
/** TRE_A05-TypeDocComplementaire: the typeCodes that are not LOINC (`SYNTH`, `DOCPAT01`…). */
export const TYPE_CODE_SYSTEM = 'urn:oid:1.2.250.1.213.1.1.4.12';
/** TRE_A07-StatutVisibiliteDocument: MASQUE_PS, INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX. */
export const VISIBILITY_SYSTEM = 'urn:oid:1.2.250.1.213.1.1.4.13';
/** HL7 confidentiality levels (`N` normal…), which XDS confidentialityCodes sit beside. */
export const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
export const IHE_FORMAT_SYSTEM = 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode';
/** TRE_A06-FormatCodeComplementaire: the CI-SIS format codes (`urn:asip:ci-sis:vsm:2012`…). */
export const ASIP_FORMAT_SYSTEM = 'urn:oid:1.2.250.1.213.1.1.4.2.282';
/** TRE_G15-ProfessionSante. */
export const PROFESSION_SYSTEM = 'urn:oid:1.2.250.1.71.1.2.7';
/** TRE_R38-SpecialiteOrdinale (the `SMxx` specialties). */
export const SPECIALTY_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.5';

/**
 * The DMP access modes NORMAL, BRIS_DE_GLACE, CENTRE_DE_REGULATION. No published FHIR code
 * system was found for them; this OID is the one the adapter's brief proposed, not one checked
 * against the ANS terminology server (docs/fhir.md says so).
 */
export const ACCESS_MODE_SYSTEM = 'urn:oid:1.2.250.1.213.1.1.4.248';

const OURS = 'https://dmp-elements.dev/fhir';
/** Our policy actions (`document.read`…), carried by AuditEvent.subtype. */
export const ACTION_SYSTEM = `${OURS}/CodeSystem/action`;
/** Our policy reason codes (`blocked`…): OperationOutcome details and AuditEvent outcomes. */
export const REASON_SYSTEM = `${OURS}/CodeSystem/reason`;
/** Who acted, as the policy names actor kinds (patient, professional…): AuditEvent.agent.type. */
export const ACTOR_KIND_SYSTEM = `${OURS}/CodeSystem/actor-kind`;
/** Actors that have no FHIR resource of their own (facility staff, insurers) by their id. */
export const ACTOR_ID_SYSTEM = `${OURS}/NamingSystem/actor`;
/** `archived` (TD3.3d): FHIR's DocumentReference.status has no such value. */
export const DOCUMENT_TAG_SYSTEM = `${OURS}/CodeSystem/document-tag`;
/** `secret`: an access made under a minor's connexion secrète. */
export const AUDIT_TAG_SYSTEM = `${OURS}/CodeSystem/audit-tag`;
/**
 * The Idempotency-Key a resource was created under: created conditionally on it (If-None-Exist),
 * a request sent again after a lost answer finds the first resource instead of making another.
 */
export const REQUEST_KEY_SYSTEM = `${OURS}/NamingSystem/request-key`;
/** A legal representative's relationship as our model names it (parent, guardian…). */
export const RELATIONSHIP_SYSTEM = `${OURS}/CodeSystem/representative-relationship`;
/** PractitionerRole.code of a SAMU Centre 15 médecin régulateur. */
export const ROLE_SYSTEM = `${OURS}/CodeSystem/role`;
/** Format of the synthesis' structured content (our JSON), beside or instead of the CDA. */
export const SYNTHESIS_CONTENT_FORMAT = `${OURS}/format/synthesis-content`;
/** Format of a prevention list's structured content (our JSON): the vaccinations or the screenings. */
export const PREVENTION_CONTENT_FORMAT = `${OURS}/format/prevention-content`;
/** The code system of both structured content formats. */
export const SYNTHESIS_CONTENT_FORMAT_SYSTEM = `${OURS}/CodeSystem/format`;

/** Patient: the dossier's status, creation and closure (sub-extensions `status`, `createdAt`…). */
export const DOSSIER_EXTENSION = `${OURS}/StructureDefinition/dmp-dossier`;
/**
 * Patient: which events reach the patient through which channel; sub-extensions `newDocument`,
 * `firstAccess`, `emergencyAccess`, each repeated once per channel (`email`, `sms`).
 */
export const NOTIFICATION_EXTENSION = `${OURS}/StructureDefinition/notification-preferences`;
/** Patient: the INS status (PROV, RECUP, VALI, QUAL). */
export const INS_STATUS_EXTENSION = `${OURS}/StructureDefinition/ins-status`;
/** Patient.generalPractitioner: since when this médecin traitant is designated. */
export const SINCE_EXTENSION = `${OURS}/StructureDefinition/since`;
/** DocumentReference: the document's version (1 for the first, +1 per replacement). */
export const VERSION_EXTENSION = `${OURS}/StructureDefinition/document-version`;
/** Our search parameter on `VERSION_EXTENSION`: the VSM version a read asks for, judged and logged as that version's read. */
export const VERSION_PARAM = 'document-version';
export const BIRTH_PLACE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
/** On the birth place Address: the INSEE code of the commune, after FR Core's extension. */
export const INSEE_CODE_EXTENSION = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code';
export const INSEE_COMMUNE_SYSTEM = 'https://www.insee.fr/fr/metadonnees/cog/commune';

export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const PARTICIPATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const ROLE_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const AUDIT_EVENT_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
export const AUDIT_ENTITY_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
export const OBJECT_ROLE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/object-role';
export const SECURITY_SOURCE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/security-source-type';

/** The access modes of our model and their DMP codes. */
export const ACCESS_MODE_CODES = {
  normal: 'NORMAL',
  'break-glass': 'BRIS_DE_GLACE',
  regulation: 'CENTRE_DE_REGULATION',
} as const;
