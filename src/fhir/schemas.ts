import * as z from '../zod.js';
import { DateSchema, DateTimeSchema } from '../model/common.js';

/*
 * The subset of FHIR R4 the adapter reads, as zod/mini schemas like src/model: every resource
 * that comes back from the server goes through one of these before it is mapped, so a
 * malformed one fails with the path of the field at fault. Fields the adapter does not use are
 * stripped; the date-times it turns into model date-times must carry an offset (FHIR requires
 * one whenever a time is given).
 */

/** A FHIR date known to the year or the month only (`2026`, `2026-11`). */
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** The first day of a FHIR date, however precise (`2026` → `2026-01-01`). */
function firstDay(value: string): string {
  return `${value}-01-01`.slice(0, 10);
}

/** The last day of a FHIR date, however precise (`2026` → `2026-12-31`, `2026-02` → `2026-02-28`). */
function lastDay(value: string): string {
  if (value.length === 10) return value;
  const [year, month = 12] = value.split('-').map(Number) as [number, number?];
  // Day 0 of the next month is the last of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * A FHIR `date` (a birth date): as precise as it is known, read as its first day. For a patient
 * born in a year or a month only, that is the earliest birthday: an adult is never taken for a
 * minor whose representatives may read their dossier.
 */
const FhirDateSchema = z.pipe(z.union([DateSchema, z.string().check(z.regex(PARTIAL_DATE))]), z.transform(firstDay));

/**
 * A FHIR `dateTime` bound of a period: an instant, or a date as precise as it is known, which XDS
 * gateways send for a day of care (serviceStartTime `20261120`). A date is read as noon UTC of
 * the day `day` picks (a start's first, an end's last, so that the period covers what it said),
 * as the elements write a day, so that it shows as that day in every French time zone.
 */
const periodBound = (day: (value: string) => string) =>
  z.pipe(
    z.union([DateTimeSchema, DateSchema, z.string().check(z.regex(PARTIAL_DATE))]),
    z.transform((value: string) => (value.length > 10 ? value : `${day(value)}T12:00:00.000Z`)),
  );
const PeriodStartSchema = periodBound(firstDay);
const PeriodEndSchema = periodBound(lastDay);
/** Any other FHIR `dateTime` (when a consent was given): a date is read as its first day. */
const FhirDateTimeSchema = PeriodStartSchema;

const text = z.string();
const nonEmpty = z.string().check(z.minLength(1));
const opt = <T extends z.ZodMiniType>(schema: T) => z.optional(schema);
const list = <T extends z.ZodMiniType>(schema: T) => z.optional(z.array(schema));
const some = <T extends z.ZodMiniType>(schema: T) => z.array(schema).check(z.minLength(1));

export const CodingSchema = z.object({ system: opt(text), code: opt(text), display: opt(text) });
export type Coding = z.infer<typeof CodingSchema>;

export const CodeableConceptSchema = z.object({ coding: list(CodingSchema), text: opt(text) });
export type CodeableConcept = z.infer<typeof CodeableConceptSchema>;

export const IdentifierSchema = z.object({ system: opt(text), value: opt(text) });
export type Identifier = z.infer<typeof IdentifierSchema>;

export interface Extension {
  url: string;
  valueCode?: string | undefined;
  valueString?: string | undefined;
  valueDateTime?: string | undefined;
  valueInteger?: number | undefined;
  valuePositiveInt?: number | undefined;
  valueCoding?: Coding | undefined;
  valueAddress?: { extension?: Extension[] | undefined } | undefined;
  extension?: Extension[] | undefined;
}

export const ExtensionSchema: z.ZodMiniType<Extension> = z.lazy(() =>
  z.object({
    url: nonEmpty,
    valueCode: opt(text),
    valueString: opt(text),
    valueDateTime: opt(text),
    valueInteger: opt(z.int()),
    valuePositiveInt: opt(z.int().check(z.positive())),
    valueCoding: opt(CodingSchema),
    valueAddress: opt(z.object({ extension: list(ExtensionSchema) })),
    extension: list(ExtensionSchema),
  }),
);

export const ReferenceSchema = z.object({
  reference: opt(text),
  type: opt(text),
  identifier: opt(IdentifierSchema),
  display: opt(text),
  extension: list(ExtensionSchema),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const MetaSchema = z.object({ versionId: opt(text), lastUpdated: opt(text), tag: list(CodingSchema) });

export const HumanNameSchema = z.object({
  use: opt(text),
  text: opt(text),
  family: opt(text),
  given: list(text),
  prefix: list(text),
});
export type HumanName = z.infer<typeof HumanNameSchema>;

export const AttachmentSchema = z.object({
  contentType: nonEmpty,
  url: opt(text),
  /** base64 */
  data: opt(text),
  size: opt(z.int().check(z.nonnegative())),
  title: opt(text),
});

/** Any resource, before its own schema: a contained one or a Bundle entry. */
export const AnyResourceSchema = z.looseObject({ resourceType: nonEmpty, id: opt(text) });
export type AnyResource = z.infer<typeof AnyResourceSchema>;

export const BundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.enum(['searchset', 'transaction-response', 'batch-response', 'transaction', 'batch', 'collection', 'history', 'document', 'message']),
  total: opt(z.int().check(z.nonnegative())),
  link: list(z.object({ relation: text, url: text })),
  entry: list(
    z.object({
      fullUrl: opt(text),
      resource: opt(AnyResourceSchema),
      search: opt(z.object({ mode: opt(z.enum(['match', 'include', 'outcome'])) })),
      response: opt(z.object({ status: text, location: opt(text) })),
    }),
  ),
});
export type Bundle = z.infer<typeof BundleSchema>;

export const OperationOutcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: some(
    z.object({
      severity: z.enum(['fatal', 'error', 'warning', 'information']),
      code: nonEmpty,
      details: opt(CodeableConceptSchema),
      diagnostics: opt(text),
      expression: list(text),
    }),
  ),
});
export type OperationOutcome = z.infer<typeof OperationOutcomeSchema>;

export const DocumentReferenceSchema = z.object({
  resourceType: z.literal('DocumentReference'),
  id: nonEmpty,
  meta: opt(MetaSchema),
  extension: list(ExtensionSchema),
  contained: list(AnyResourceSchema),
  status: z.enum(['current', 'superseded', 'entered-in-error']),
  type: CodeableConceptSchema,
  category: some(CodeableConceptSchema),
  subject: ReferenceSchema,
  date: DateTimeSchema,
  author: some(ReferenceSchema),
  relatesTo: list(z.object({ code: z.enum(['replaces', 'transforms', 'signs', 'appends']), target: ReferenceSchema })),
  securityLabel: list(CodeableConceptSchema),
  content: some(z.object({ attachment: AttachmentSchema, format: opt(CodingSchema) })),
  context: opt(z.object({ period: opt(z.object({ start: opt(PeriodStartSchema), end: opt(PeriodEndSchema) })) })),
});
export type DocumentReference = z.infer<typeof DocumentReferenceSchema>;

export const BinarySchema = z.object({
  resourceType: z.literal('Binary'),
  id: opt(text),
  contentType: nonEmpty,
  data: opt(text),
  securityContext: opt(ReferenceSchema),
});
export type Binary = z.infer<typeof BinarySchema>;

export const PatientSchema = z.object({
  resourceType: z.literal('Patient'),
  id: nonEmpty,
  meta: opt(MetaSchema),
  extension: list(ExtensionSchema),
  identifier: list(IdentifierSchema),
  active: opt(z.boolean()),
  name: list(HumanNameSchema),
  telecom: list(z.object({ system: opt(text), value: opt(text), use: opt(text) })),
  gender: opt(z.enum(['male', 'female', 'other', 'unknown'])),
  birthDate: opt(FhirDateSchema),
  generalPractitioner: list(ReferenceSchema),
});
export type Patient = z.infer<typeof PatientSchema>;

export const PractitionerSchema = z.object({
  resourceType: z.literal('Practitioner'),
  id: nonEmpty,
  identifier: list(IdentifierSchema),
  name: list(HumanNameSchema),
  qualification: list(z.object({ code: CodeableConceptSchema })),
});
export type Practitioner = z.infer<typeof PractitionerSchema>;

export const PractitionerRoleSchema = z.object({
  resourceType: z.literal('PractitionerRole'),
  id: opt(text),
  practitioner: opt(ReferenceSchema),
  organization: opt(ReferenceSchema),
  code: list(CodeableConceptSchema),
  specialty: list(CodeableConceptSchema),
});
export type PractitionerRole = z.infer<typeof PractitionerRoleSchema>;

export const OrganizationSchema = z.object({
  resourceType: z.literal('Organization'),
  id: opt(text),
  identifier: list(IdentifierSchema),
  name: opt(text),
  address: list(z.object({ city: opt(text) })),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const RelatedPersonSchema = z.object({
  resourceType: z.literal('RelatedPerson'),
  id: nonEmpty,
  active: opt(z.boolean()),
  patient: ReferenceSchema,
  relationship: list(CodeableConceptSchema),
  name: list(HumanNameSchema),
  period: opt(z.object({ start: opt(PeriodStartSchema) })),
});
export type RelatedPerson = z.infer<typeof RelatedPersonSchema>;

export const ConsentSchema = z.object({
  resourceType: z.literal('Consent'),
  id: nonEmpty,
  meta: opt(MetaSchema),
  status: z.enum(['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']),
  scope: CodeableConceptSchema,
  category: some(CodeableConceptSchema),
  patient: opt(ReferenceSchema),
  dateTime: opt(FhirDateTimeSchema),
  policyRule: opt(CodeableConceptSchema),
  provision: opt(
    z.object({
      type: opt(z.enum(['deny', 'permit'])),
      actor: list(z.object({ role: CodeableConceptSchema, reference: ReferenceSchema })),
      purpose: list(CodingSchema),
    }),
  ),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const AuditEventSchema = z.object({
  resourceType: z.literal('AuditEvent'),
  id: nonEmpty,
  meta: opt(MetaSchema),
  type: CodingSchema,
  subtype: list(CodingSchema),
  action: opt(z.enum(['C', 'R', 'U', 'D', 'E'])),
  recorded: DateTimeSchema,
  outcome: opt(z.enum(['0', '4', '8', '12'])),
  outcomeDesc: opt(text),
  purposeOfEvent: list(CodeableConceptSchema),
  agent: some(
    z.object({
      type: opt(CodeableConceptSchema),
      role: list(CodeableConceptSchema),
      who: opt(ReferenceSchema),
      name: opt(text),
      requestor: z.boolean(),
    }),
  ),
  source: z.object({ observer: ReferenceSchema, type: list(CodingSchema) }),
  entity: list(
    z.object({
      what: opt(ReferenceSchema),
      type: opt(CodingSchema),
      role: opt(CodingSchema),
      name: opt(text),
    }),
  ),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** The schema of each resource type the adapter reads, for Bundle entries. */
export const RESOURCE_SCHEMAS = {
  AuditEvent: AuditEventSchema,
  Binary: BinarySchema,
  Consent: ConsentSchema,
  DocumentReference: DocumentReferenceSchema,
  OperationOutcome: OperationOutcomeSchema,
  Organization: OrganizationSchema,
  Patient: PatientSchema,
  Practitioner: PractitionerSchema,
  PractitionerRole: PractitionerRoleSchema,
  RelatedPerson: RelatedPersonSchema,
} as const;
export type ResourceType = keyof typeof RESOURCE_SCHEMAS;
export type ResourceOf<T extends ResourceType> = z.infer<(typeof RESOURCE_SCHEMAS)[T]>;
