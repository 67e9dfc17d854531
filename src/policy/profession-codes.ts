/** TRE_G15 profession codes the matrix names, with their French labels. */
export const PROFESSION_CODES = {
  '10': 'médecin',
  '21': 'pharmacien',
  '26': 'audioprothésiste',
  '28': 'opticien-lunetier',
  '40': 'chirurgien-dentiste',
  '50': 'sage-femme',
  '60': 'infirmier',
  '70': 'masseur-kinésithérapeute',
  '80': 'pédicure-podologue',
  '91': 'orthophoniste',
  '92': 'orthoptiste',
  '95': 'diététicien',
} as const satisfies Readonly<Record<string, string>>;
export type ProfessionCode = keyof typeof PROFESSION_CODES;
