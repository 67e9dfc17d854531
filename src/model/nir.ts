import { normalizeNir } from './nir-spelling.js';

/** Why a NIR was refused; each has a sentence in the elements' locales. */
export type NirFailure = 'empty' | 'length' | 'characters' | 'sex' | 'month' | 'department' | 'key';

export type NirValidation =
  | {
      ok: true;
      /** The 15 characters without spaces, `2A`/`2B` upper-case. */
      nir: string;
      sex: '1' | '2' | '7' | '8';
      /** Two digits of the birth year. */
      birthYear: string;
      /** `01`–`12`, or `20`–`99` when the civil record has no known month. */
      birthMonth: string;
      department: string;
      provisional: boolean;
    }
  | { ok: false; reason: NirFailure };

/** French sentences for server-side messages; the elements localize the reason code. */
export const NIR_FAILURE_MESSAGES: Readonly<Record<NirFailure, string>> = {
  empty: 'Le NIR est vide.',
  length: 'Le NIR doit comporter 15 caractères (13 pour le numéro, 2 pour la clé).',
  characters: 'Le NIR ne peut contenir que des chiffres, et 2A ou 2B pour la Corse.',
  sex: 'Le premier chiffre du NIR (sexe) doit être 1, 2, 7 ou 8.',
  month: 'Le mois de naissance du NIR doit être entre 01 et 12, ou entre 20 et 99.',
  department: 'Le département de naissance du NIR n’existe pas (00).',
  key: 'La clé du NIR ne correspond pas au numéro : vérifiez la saisie.',
};

const SHAPE = /^([1278])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/;

export { normalizeNir };

/** The control key of a 13-character NIR number: 97 − (N mod 97), with 2A → 19 and 2B → 18. */
export function nirKey(number13: string): number {
  const digits = number13.replace('2A', '19').replace('2B', '18');
  // 13 digits stay below 2^53, so a double holds the number exactly.
  return 97 - (Number(digits) % 97);
}

/**
 * Checks a NIR as people type it (spaces anywhere, lower-case 2a/2b). The first failing check
 * gives the reason, from the most visible mistake (length) to the subtlest (key).
 */
export function validateNir(input: string): NirValidation {
  const nir = normalizeNir(input);
  if (nir.length === 0) return { ok: false, reason: 'empty' };
  if (nir.length !== 15) return { ok: false, reason: 'length' };
  if (!/^\d{5}(\d{2}|2A|2B)\d{8}$/.test(nir)) return { ok: false, reason: 'characters' };
  const match = SHAPE.exec(nir);
  if (!match) return { ok: false, reason: 'sex' };
  const [, sex, year, month, department, , , key] = match as unknown as [
    string, '1' | '2' | '7' | '8', string, string, string, string, string, string,
  ];
  const m = Number(month);
  if (!((m >= 1 && m <= 12) || m >= 20)) return { ok: false, reason: 'month' };
  if (department === '00') return { ok: false, reason: 'department' };
  if (nirKey(nir.slice(0, 13)) !== Number(key)) return { ok: false, reason: 'key' };
  return {
    ok: true,
    nir,
    sex,
    birthYear: year,
    birthMonth: month,
    department,
    provisional: sex === '7' || sex === '8',
  };
}
