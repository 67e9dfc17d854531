import { normalizeNir } from '../model/nir.js';
import { INS_NIA_SYSTEM, INS_NIR_SYSTEM } from './systems.js';

/**
 * The INS as a FHIR identifier, as people may type it (spaces, a lower-case 2a/2b). A provisional
 * number (first digit 7 or 8) is an NIA and has its own OID: searched under the NIR's, that
 * patient's dossier would seem not to exist.
 */
export function insIdentifier(ins: string): { system: string; value: string } {
  const value = normalizeNir(ins);
  return { system: /^[78]/.test(value) ? INS_NIA_SYSTEM : INS_NIR_SYSTEM, value };
}

/** The INS as a token search parameter (`system|value`). */
export function insToken(ins: string): string {
  const { system, value } = insIdentifier(ins);
  return `${system}|${value}`;
}

/** Whether an identifier system is one of the INS's (NIR or NIA). */
export function isInsSystem(system: string | undefined): boolean {
  return system === INS_NIR_SYSTEM || system === INS_NIA_SYSTEM;
}

/**
 * The INS a token search parameter names (`system|value`), or undefined when it names none: an
 * NIA under the NIR's OID, or the other way round, is a client's mistake a FHIR server does not
 * match either.
 */
export function insOfToken(token: string): string | undefined {
  const [system, value] = token.split('|');
  return value && insIdentifier(value).system === system ? value : undefined;
}
