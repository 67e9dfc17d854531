import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { DmpDocument } from '../../src/model/document.js';
import type { Professional } from '../../src/model/professional.js';
import { toAuditEvent } from '../../src/fhir/audit.js';
import { toDocumentReference, type ContentEntry } from '../../src/fhir/document.js';
import {
  toAuthorizationConsent,
  toOppositionConsent,
  toOrganization,
  toPatient,
  toPractitioner,
  toPractitionerRole,
  toRelatedPerson,
} from '../../src/fhir/dossier.js';
import { textToBase64 } from '../../src/fhir/parse.js';
import { insIdentifier } from '../../src/fhir/ins.js';
import { PREVENTION_CONTENT_FORMAT, SYNTHESIS_CONTENT_FORMAT, SYNTHESIS_CONTENT_FORMAT_SYSTEM } from '../../src/fhir/systems.js';
import { PREVENTION_TYPE_CODES, type PreventionList } from '../../src/model/prevention.js';
import {
  ACCESS_LOG,
  DOCUMENTS,
  PATIENTS,
  PATIENT_LARGE,
  PREVENTION_RECORDS,
  PROFESSIONALS,
  SYNTHESES,
  documentContent,
  generateLargeDossierDocuments,
  patientByIns,
  professionalByRpps,
} from '../data/index.js';

export interface SeedBundleOptions {
  /**
   * Adds PATIENT_LARGE's 10,000 generated documents (and their files). Off by default: the
   * in-memory server would load 20,000 more resources on every reset.
   */
  includeLargeDossier?: boolean;
}

/** The Binary holding a seeded document's file. */
export function binaryIdOf(documentId: string): string {
  return `bin-${documentId}`.slice(0, 64);
}

/**
 * The mock backend's seed data as one FHIR R4 transaction Bundle: Organizations, Practitioners
 * and their roles, Patients (INS, traits, dossier status, médecins traitants), legal
 * representatives, Consents (authorizations, blocks, oppositions), DocumentReferences with
 * their files as Binaries (the VSM and the prevention lists with their structured content),
 * and the access history as AuditEvents. Every entry is a PUT, so ids are the seed's and the
 * Bundle is deterministic.
 */
export function seedBundle(options: SeedBundleOptions = {}): Bundle {
  const entry: BundleEntry[] = [];
  // The builders' literal types are narrower than @medplum/fhirtypes' in places; the R4
  // validator (test/node/fhir-export.test.mjs) is what vouches for these resources.
  const put = (resource: { resourceType: string; id: string }) => {
    entry.push({ resource: resource as unknown as Resource, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` } });
  };

  const organisations = new Map<string, { resourceType: string; id: string }>();
  for (const professional of PROFESSIONALS) {
    if (!professional.organisation) continue;
    const organization = toOrganization(professional.organisation);
    if (!organisations.has(organization.id)) organisations.set(organization.id, organization);
  }
  organisations.forEach(put);
  for (const professional of PROFESSIONALS) {
    put(toPractitioner(professional));
    put(toPractitionerRole(professional));
  }

  for (const patient of PATIENTS) {
    const dossier = patient.dossier;
    if (!dossier) continue;
    const practitionerIdOf = (rpps: string) => (professionalByRpps(rpps) as Professional | undefined)?.id;
    put(
      toPatient({
        id: patient.id,
        identity: patient.identity,
        dossier: { status: dossier.status, createdAt: dossier.createdAt, closedAt: dossier.closedAt, closeReason: dossier.closeReason },
        treatingPhysicians: dossier.treatingPhysiciansRpps.map((rpps) => ({ rpps, since: dossier.createdAt, practitionerId: practitionerIdOf(rpps) })),
        notificationPreferences: dossier.notificationPreferences,
      }),
    );
    for (const representative of dossier.legalRepresentatives) put(toRelatedPerson(representative, patient.id));
    const consent = (rpps: string, since: string, decision: 'permit' | 'deny') =>
      put(toAuthorizationConsent({ id: `consent-${patient.id}-${rpps}`, patientId: patient.id, rpps, practitionerId: practitionerIdOf(rpps), decision, status: 'active', since }));
    for (const { rpps, since } of dossier.authorized) consent(rpps, since, 'permit');
    for (const { rpps, since } of dossier.blocked) consent(rpps, since, 'deny');
    if (dossier.oppositions.breakGlass) {
      put(toOppositionConsent({ id: `consent-${patient.id}-bris-de-glace`, patientId: patient.id, mode: 'break-glass', opposed: true, since: dossier.createdAt }));
    }
    if (dossier.oppositions.regulation) {
      put(toOppositionConsent({ id: `consent-${patient.id}-centre-de-regulation`, patientId: patient.id, mode: 'regulation', opposed: true, since: dossier.createdAt }));
    }
  }

  const documents: Array<[string, DmpDocument[]]> = Object.entries(DOCUMENTS);
  if (options.includeLargeDossier) documents.push([PATIENT_LARGE.identity.ins, generateLargeDossierDocuments()]);
  for (const [ins, docs] of documents) {
    const patient = patientByIns(ins);
    if (!patient) continue;
    const subject = { reference: `Patient/${patient.id}`, identifier: insIdentifier(ins) };
    const syntheses = SYNTHESES[ins] ?? [];
    const prevention = PREVENTION_RECORDS[ins] ?? [];
    const structured = (content: unknown, format: string, title: string): ContentEntry => ({
      attachment: { contentType: 'application/json', data: textToBase64(JSON.stringify(content)), title },
      format: { system: SYNTHESIS_CONTENT_FORMAT_SYSTEM, code: format },
    });
    for (const doc of docs) {
      const content = documentContent(doc);
      const binaryId = binaryIdOf(doc.id);
      const binary = { resourceType: 'Binary', id: binaryId, contentType: content.mimeType, data: textToBase64(content.body), securityContext: { reference: `DocumentReference/${doc.id}` } };
      put(binary);
      const synthesis = syntheses.find((s) => s.documentId === doc.id);
      const list = (Object.keys(PREVENTION_TYPE_CODES) as PreventionList[]).find((l) => PREVENTION_TYPE_CODES[l] === doc.typeCode);
      const record = list && prevention.find((r) => r.documents[list] === doc.id);
      const extraContent: ContentEntry[] = synthesis
        ? [structured(synthesis.content, SYNTHESIS_CONTENT_FORMAT, doc.title)]
        : list && record
          ? [structured(record.content[list], PREVENTION_CONTENT_FORMAT, doc.title)]
          : [];
      put(toDocumentReference(doc, { subject, url: `Binary/${binaryId}`, extraContent }));
    }
  }

  for (const { ins, entry: line } of ACCESS_LOG) {
    put(toAuditEvent(line, { id: patientByIns(ins)?.id, ins }));
  }

  return { resourceType: 'Bundle', type: 'transaction', entry };
}
