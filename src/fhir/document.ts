import { type Category } from '../model/category.js';
import { TYPE_CODE_LABELS, categoryOf, isDepositedByPatient } from '../model/document-types.js';
import { VISIBILITY_CODES, type DmpDocument, type DocumentAuthor, type DocumentStatus } from '../model/document.js';
import { MappingError, codeIn, idOfReference, need, parseResource, rppsOf } from './parse.js';
import type { AnyResource, DocumentReference, Extension, Reference } from './schemas.js';
import {
  ASIP_FORMAT_SYSTEM,
  CLASS_CODE_SYSTEM,
  CONFIDENTIALITY_SYSTEM,
  DOCUMENT_TAG_SYSTEM,
  IHE_FORMAT_SYSTEM,
  LOINC_SYSTEM,
  PREVENTION_CONTENT_FORMAT,
  PROFESSION_SYSTEM,
  RPPS_SYSTEM,
  SYNTHESIS_CONTENT_FORMAT,
  SYNTHESIS_CONTENT_FORMAT_SYSTEM,
  TYPE_CODE_SYSTEM,
  VERSION_EXTENSION,
  VISIBILITY_SYSTEM,
} from './systems.js';

/*
 * DmpDocument ↔ DocumentReference, as DOMAIN.md's "Real interfaces" maps XDS onto MHD:
 * entryUUID → id, availabilityStatus → status, typeCode → type, classCode → category,
 * creationTime → date, author → author (a contained PractitionerRole carrying the RPPS,
 * profession and organisation), confidentialityCode → securityLabel, mimeType, size and title
 * → content.attachment, formatCode → content.format, serviceStart/Stop → context.period,
 * replacement → relatesTo `replaces`. What FHIR has no field for: `archived` is a meta.tag, the
 * version number an extension.
 */

const STATUS_TO_FHIR: Readonly<Record<DocumentStatus, DocumentReference['status']>> = {
  current: 'current',
  archived: 'current',
  replaced: 'superseded',
  deleted: 'entered-in-error',
};

export const ARCHIVED_TAG = { system: DOCUMENT_TAG_SYSTEM, code: 'archived' } as const;

const VISIBILITY_CODE_SET: ReadonlySet<string> = new Set(Object.values(VISIBILITY_CODES));
/** Our structured JSON, which sits beside a document's file and is never what its metadata describe. */
const STRUCTURED_CONTENT_FORMATS: ReadonlySet<string> = new Set([SYNTHESIS_CONTENT_FORMAT, PREVENTION_CONTENT_FORMAT]);

/** LOINC codes are digits and a check digit; every other typeCode of the DMP is TRE_A05. */
export function typeSystemOf(typeCode: string): string {
  return /^\d+-\d$/.test(typeCode) ? LOINC_SYSTEM : TYPE_CODE_SYSTEM;
}

export function formatSystemOf(formatCode: string): string {
  if (STRUCTURED_CONTENT_FORMATS.has(formatCode)) return SYNTHESIS_CONTENT_FORMAT_SYSTEM;
  return formatCode.startsWith('urn:asip:') ? ASIP_FORMAT_SYSTEM : IHE_FORMAT_SYSTEM;
}

/** A confidentiality code as a security label: TRE_A07 for the visibility statuses, else HL7's. */
export function securityLabelOf(code: string) {
  return { coding: [{ system: VISIBILITY_CODE_SET.has(code) ? VISIBILITY_SYSTEM : CONFIDENTIALITY_SYSTEM, code }] };
}

export function securityLabelsOf(codes: readonly string[]) {
  return codes.map(securityLabelOf);
}

export interface ContentEntry {
  attachment: { contentType: string; url?: string; data?: string; size?: number; title?: string };
  format?: { system: string; code: string };
}

/** The id of the contained author of the documents we write. */
const AUTHOR_ID = 'author';

/**
 * A DMP author as FHIR: a contained PractitionerRole (RPPS in national form, profession,
 * organisation), or, for what the patient deposited, a reference to the patient.
 */
export function authorOf(author: DocumentAuthor, subject: Reference, depositedByPatient: boolean): { author: Reference; contained?: AnyResource } {
  if (depositedByPatient && !author.rpps && !author.profession && !author.organisation) {
    return { author: { ...(subject.reference ? { reference: subject.reference } : {}), display: author.name } };
  }
  const role: AnyResource = {
    resourceType: 'PractitionerRole',
    id: AUTHOR_ID,
    practitioner: {
      ...(author.rpps ? { identifier: { system: RPPS_SYSTEM, value: `8${author.rpps}` } } : {}),
      display: author.name,
    },
    ...(author.organisation ? { organization: { display: author.organisation } } : {}),
    ...(author.profession ? { code: [{ coding: [{ system: PROFESSION_SYSTEM, code: author.profession }] }] } : {}),
  };
  return { author: { reference: `#${AUTHOR_ID}` }, contained: role };
}

export interface DocumentReferenceOptions {
  /** Who the document is about: `Patient/<id>`, with the INS as identifier. */
  subject: Reference;
  /** Where the file is (`Binary/<id>`), when it is not sent inline. */
  url?: string;
  /** The file itself, base64, when sent inline. */
  data?: string;
  /** Further content entries, e.g. the synthesis' structured content. */
  extraContent?: ContentEntry[];
}

/** A DmpDocument as a DocumentReference (the seed export and every write go through here). */
export function toDocumentReference(doc: DmpDocument, options: DocumentReferenceOptions) {
  const { author, contained } = authorOf(doc.author, options.subject, doc.depositedByPatient);
  const extension: Extension[] = [{ url: VERSION_EXTENSION, valuePositiveInt: doc.version }];
  const primary: ContentEntry = {
    attachment: {
      contentType: doc.mimeType,
      ...(options.url ? { url: options.url } : {}),
      ...(options.data ? { data: options.data } : {}),
      size: doc.size,
      title: doc.title,
    },
    format: { system: formatSystemOf(doc.formatCode), code: doc.formatCode },
  };
  return {
    resourceType: 'DocumentReference' as const,
    id: doc.id,
    ...(doc.status === 'archived' ? { meta: { tag: [{ ...ARCHIVED_TAG }] } } : {}),
    ...(contained ? { contained: [contained] } : {}),
    extension,
    status: STATUS_TO_FHIR[doc.status],
    type: { coding: [{ system: typeSystemOf(doc.typeCode), code: doc.typeCode, ...(TYPE_CODE_LABELS[doc.typeCode] ? { display: TYPE_CODE_LABELS[doc.typeCode] } : {}) }] },
    category: [{ coding: [{ system: CLASS_CODE_SYSTEM, code: doc.classCode }] }],
    subject: options.subject,
    date: doc.submittedAt,
    author: [author],
    ...(doc.replaces ? { relatesTo: [{ code: 'replaces' as const, target: { reference: `DocumentReference/${doc.replaces}` } }] } : {}),
    securityLabel: securityLabelsOf(doc.confidentiality),
    content: [primary, ...(options.extraContent ?? [])],
    context: { period: { start: doc.serviceStart, ...(doc.serviceStop ? { end: doc.serviceStop } : {}) } },
  };
}

/** The content entry the document's metadata describe: the first that is not our structured JSON. */
export function primaryContentIndex(resource: Pick<DocumentReference, 'content'>): number {
  const index = resource.content.findIndex((c) => !STRUCTURED_CONTENT_FORMATS.has(c.format?.code ?? ''));
  return index < 0 ? 0 : index;
}

function documentAuthor(resource: DocumentReference): DocumentAuthor {
  const reference = resource.author[0]!;
  const local = reference.reference?.startsWith('#') ? reference.reference.slice(1) : undefined;
  if (local === undefined) {
    const rpps = rppsOf(reference.identifier);
    return { name: need(reference.display, 'author.0.display'), ...(rpps ? { rpps } : {}) };
  }
  const index = resource.contained?.findIndex((r) => r.id === local) ?? -1;
  const found = need(index >= 0 ? resource.contained?.[index] : undefined, 'author.0.reference', `Aucune ressource contenue « ${local} »`);
  const path = `contained.${index}`;
  try {
    switch (found.resourceType) {
      case 'PractitionerRole': {
        const role = parseResource('PractitionerRole', found);
        const rpps = rppsOf(role.practitioner?.identifier);
        const profession = codeIn(role.code, PROFESSION_SYSTEM);
        return {
          name: need(role.practitioner?.display, 'practitioner.display'),
          ...(rpps ? { rpps } : {}),
          ...(profession ? { profession } : {}),
          ...(role.organization?.display ? { organisation: role.organization.display } : {}),
        };
      }
      case 'Practitioner': {
        const practitioner = parseResource('Practitioner', found);
        const name = practitioner.name?.[0];
        const rpps = rppsOf(practitioner.identifier?.find((i) => i.system === RPPS_SYSTEM));
        const profession = codeIn(practitioner.qualification?.map((q) => q.code), PROFESSION_SYSTEM);
        const text = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
        return { name: need(text || undefined, 'name'), ...(rpps ? { rpps } : {}), ...(profession ? { profession } : {}) };
      }
      case 'Organization':
        return { name: need(parseResource('Organization', found).name, 'name') };
      default:
        throw new MappingError([{ path: 'resourceType', message: `Auteur de type ${found.resourceType} non pris en charge` }]);
    }
  } catch (error) {
    throw error instanceof MappingError ? error.under(path) : error;
  }
}

function codeOfSystem(codings: ReadonlyArray<{ system?: string | undefined; code?: string | undefined }> | undefined, systems: readonly string[]) {
  return codings?.find((c) => c.code && c.system !== undefined && systems.includes(c.system))?.code ?? codings?.find((c) => c.code)?.code;
}

export interface FromDocumentReferenceOptions {
  /** The id of the document that replaced this one, found by a `relatesto` search. */
  replacedBy?: string | undefined;
}

/** A parsed DocumentReference as a DmpDocument; a MappingError names what the model misses. */
export function fromDocumentReference(resource: DocumentReference, options: FromDocumentReferenceOptions = {}): DmpDocument {
  const classCode = need(
    // Across every category: a LOINC one listed first must not win over the classCode after it.
    codeOfSystem(resource.category.flatMap((c) => c.coding ?? []), [CLASS_CODE_SYSTEM]),
    'category.0.coding',
    'Aucun classCode',
  );
  const typeCode = need(codeOfSystem(resource.type.coding, [LOINC_SYSTEM, TYPE_CODE_SYSTEM]), 'type.coding', 'Aucun typeCode');
  const index = primaryContentIndex(resource);
  const content = resource.content[index]!;
  const at = `content.${index}`;
  const labels = resource.securityLabel?.flatMap((label) => label.coding ?? []) ?? [];
  const confidentiality = labels
    .filter((c) => c.code && (c.system === VISIBILITY_SYSTEM || c.system === CONFIDENTIALITY_SYSTEM))
    .map((c) => c.code!);
  const visibility = new Set(labels.filter((c) => c.system === VISIBILITY_SYSTEM).map((c) => c.code));
  const archived = resource.meta?.tag?.some((t) => t.system === ARCHIVED_TAG.system && t.code === ARCHIVED_TAG.code) ?? false;
  const status: DocumentStatus =
    resource.status === 'superseded' ? 'replaced' : resource.status === 'entered-in-error' ? 'deleted' : archived ? 'archived' : 'current';
  const authorReference = resource.author[0]?.reference;
  const byPatient =
    idOfReference(authorReference, 'Patient') !== undefined || idOfReference(authorReference, 'RelatedPerson') !== undefined;
  const version = resource.extension?.find((e) => e.url === VERSION_EXTENSION)?.valuePositiveInt ?? 1;
  const replaces = resource.relatesTo?.find((r) => r.code === 'replaces')?.target.reference;
  const category: Category = categoryOf(classCode, typeCode);
  const document: DmpDocument = {
    id: resource.id,
    title: need(content.attachment.title, `${at}.attachment.title`),
    category,
    classCode,
    typeCode,
    author: documentAuthor(resource),
    serviceStart: need(resource.context?.period?.start, 'context.period.start'),
    submittedAt: resource.date,
    formatCode: need(content.format?.code, `${at}.format.code`),
    mimeType: content.attachment.contentType,
    size: need(content.attachment.size, `${at}.attachment.size`),
    confidentiality,
    status,
    masked: visibility.has(VISIBILITY_CODES.masked),
    invisibleToPatient: visibility.has(VISIBILITY_CODES.invisibleToPatient),
    invisibleToLegalRepresentatives: visibility.has(VISIBILITY_CODES.invisibleToLegalRepresentatives),
    depositedByPatient: byPatient || isDepositedByPatient(typeCode),
    version,
  };
  const serviceStop = resource.context?.period?.end;
  if (serviceStop !== undefined) document.serviceStop = serviceStop;
  if (replaces !== undefined) document.replaces = need(idOfReference(replaces, 'DocumentReference'), 'relatesTo.0.target.reference');
  if (options.replacedBy !== undefined) document.replacedBy = options.replacedBy;
  return document;
}

