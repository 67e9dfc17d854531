import type * as z from 'zod/mini';
import type { DmpIssue } from '../client/errors.js';
import { RESOURCE_SCHEMAS, type Coding, type CodeableConcept, type Identifier, type ResourceOf, type ResourceType } from './schemas.js';
import { RPPS_SYSTEM } from './systems.js';

/**
 * A resource that passed its FHIR schema but lacks what the DMP model needs (a title, a size…),
 * or failed the schema: the paths are FHIR paths, relative to the resource.
 */
export class MappingError extends Error {
  constructor(readonly issues: DmpIssue[]) {
    super(issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; '));
    this.name = 'MappingError';
  }

  /** The same issues, as found under `prefix` (e.g. `entry.3.resource`). */
  under(prefix: string): MappingError {
    return new MappingError(this.issues.map((issue) => ({ ...issue, path: issue.path ? `${prefix}.${issue.path}` : prefix })));
  }
}

export function zodIssues(issues: readonly z.core.$ZodIssue[]): DmpIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function parseWith<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new MappingError(zodIssues(result.error.issues));
  return result.data;
}

/** Parses `value` as a resource of `type`; a MappingError names the fields at fault. */
export function parseResource<T extends ResourceType>(type: T, value: unknown): ResourceOf<T> {
  return parseWith(RESOURCE_SCHEMAS[type], value) as ResourceOf<T>;
}

/** Fails the mapping at `path` when a field the model requires is absent. */
export function need<T>(value: T | undefined, path: string, message = 'Requis par le modèle DMP'): T {
  if (value === undefined) throw new MappingError([{ path, message }]);
  return value;
}

export function codeIn(concepts: ReadonlyArray<CodeableConcept | undefined> | CodeableConcept | undefined, system: string): string | undefined {
  const list = Array.isArray(concepts) ? concepts : [concepts];
  for (const concept of list as Array<CodeableConcept | undefined>) {
    const coding = concept?.coding?.find((c) => c.system === system && c.code);
    if (coding?.code) return coding.code;
  }
  return undefined;
}

export function codingIn(codings: readonly Coding[] | undefined, system: string): string | undefined {
  return codings?.find((c) => c.system === system && c.code)?.code;
}

/** The RPPS of an identifier in its national form (`8` + 11 digits). */
export function rppsOf(identifier: Identifier | undefined): string | undefined {
  if (identifier?.system !== RPPS_SYSTEM || !identifier.value) return undefined;
  return /^8\d{11}$/.test(identifier.value) ? identifier.value.slice(1) : undefined;
}

/** `Patient/abc`, an absolute URL ending in it, or a version-specific one: `abc`. */
export function idOfReference(reference: string | undefined, type: string): string | undefined {
  if (!reference) return undefined;
  const match = new RegExp(`(?:^|/)${type}/([^/]+)(?:/_history/[^/]+)?$`).exec(reference);
  return match?.[1];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode takes its code units as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Decodes base64; a MappingError when it is not base64, as for any field the model cannot read. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    throw new MappingError([{ path: '', message: 'Pas du base64' }]);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function textToBase64(text: string): string {
  return bytesToBase64(encoder.encode(text));
}

export function base64ToText(base64: string): string {
  return decoder.decode(base64ToBytes(base64));
}
