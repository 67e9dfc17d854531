export type RppsFailure = 'length' | 'characters' | 'key';

/** Luhn check over a string of digits (the RPPS's last digit is a Luhn key). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Checks an RPPS number: 11 digits, the last a Luhn key. White space is ignored. */
export function validateRpps(input: string): { ok: true; rpps: string } | { ok: false; reason: RppsFailure } {
  const rpps = input.replace(/\s+/g, '');
  if (!/^\d*$/.test(rpps)) return { ok: false, reason: 'characters' };
  if (rpps.length !== 11) return { ok: false, reason: 'length' };
  if (!luhnValid(rpps)) return { ok: false, reason: 'key' };
  return { ok: true, rpps };
}

/** The national identifier carried in security tokens: `8` followed by the RPPS. */
export function nationalIdOfRpps(rpps: string): string {
  return `8${rpps}`;
}

export const RPPS_FAILURE_MESSAGES: Readonly<Record<RppsFailure, string>> = {
  length: 'Le numéro RPPS comporte 11 chiffres.',
  characters: 'Le numéro RPPS ne contient que des chiffres.',
  key: 'La clé du numéro RPPS ne correspond pas : vérifiez la saisie.',
};
