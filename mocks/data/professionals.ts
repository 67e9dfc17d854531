import type { Professional } from '../../src/model/professional.js';

/*
 * Fictitious professionals. RPPS numbers start with 10 like real ones and end with a valid Luhn
 * key; FINESS numbers likewise carry a Luhn key. None belongs to a real person.
 */

export const DR_MARTIN_TRAITANT: Professional = {
  id: 'ps-martin',
  rpps: '10003456786',
  firstName: 'Claire',
  lastName: 'Martin',
  profession: '10',
  specialty: 'SM26',
  organisation: { name: 'Cabinet médical des Brotteaux', city: 'Lyon' },
};

/** Médecin traitant of the minor, beside Dr Martin (a dossier may have several). */
export const DR_LEFEBVRE_TRAITANT: Professional = {
  id: 'ps-lefebvre',
  rpps: '10004120936',
  firstName: 'Thomas',
  lastName: 'Lefebvre',
  profession: '10',
  specialty: 'SM26',
  organisation: { name: 'Maison de santé pluriprofessionnelle des Gratte-Ciel', city: 'Villeurbanne' },
};

export const DR_BERNARD_CARDIOLOGUE: Professional = {
  id: 'ps-bernard',
  rpps: '10005874218',
  firstName: 'Antoine',
  lastName: 'Bernard',
  profession: '10',
  specialty: 'SM04',
  organisation: { name: 'Hospices Civils de Lyon — Hôpital Louis Pradel', finess: '690780127', city: 'Bron' },
};

export const DR_ROUSSEL_PSYCHIATRE: Professional = {
  id: 'ps-roussel',
  rpps: '10006331903',
  firstName: 'Hélène',
  lastName: 'Roussel',
  profession: '10',
  specialty: 'SM42',
  organisation: { name: 'Centre hospitalier Le Vinatier', finess: '690788344', city: 'Bron' },
};

export const PHARMACIST_DUBOIS: Professional = {
  id: 'ps-dubois',
  rpps: '10007025645',
  firstName: 'Marc',
  lastName: 'Dubois',
  profession: '21',
  organisation: { name: 'Pharmacie du Parc', finess: '690003215', city: 'Lyon' },
};

export const NURSE_PETIT: Professional = {
  id: 'ps-petit',
  rpps: '10008193772',
  firstName: 'Nathalie',
  lastName: 'Petit',
  profession: '60',
  organisation: { name: 'Cabinet infirmier des Charpennes', city: 'Villeurbanne' },
};

export const PHYSIO_GARCIA: Professional = {
  id: 'ps-garcia',
  rpps: '10009284067',
  firstName: 'Lucas',
  lastName: 'Garcia',
  profession: '70',
  organisation: { name: 'Cabinet de kinésithérapie Saxe-Gambetta', city: 'Lyon' },
};

export const DENTIST_NGUYEN: Professional = {
  id: 'ps-nguyen',
  rpps: '10010348158',
  firstName: 'Linh',
  lastName: 'Nguyen',
  profession: '40',
  organisation: { name: 'Cabinet dentaire Bellecour', city: 'Lyon' },
};

/** Works under the minor's connexion secrète (contraception consultation). */
export const MIDWIFE_LEROY: Professional = {
  id: 'ps-leroy',
  rpps: '10011462503',
  firstName: 'Élodie',
  lastName: 'Leroy',
  profession: '50',
  organisation: { name: 'Centre de santé sexuelle — Hôpital Femme Mère Enfant', finess: '690793021', city: 'Bron' },
};

export const OPTICIAN_FONTAINE: Professional = {
  id: 'ps-fontaine',
  rpps: '10012576392',
  firstName: 'Julie',
  lastName: 'Fontaine',
  profession: '28',
  organisation: { name: 'Optique Fontaine', city: 'Lyon' },
};

export const DIETITIAN_CHEVALIER: Professional = {
  id: 'ps-chevalier',
  rpps: '10013630487',
  firstName: 'Sarah',
  lastName: 'Chevalier',
  profession: '95',
  organisation: { name: 'Cabinet de diététique Foch', city: 'Lyon' },
};

export const SAMU_REGULATOR_GIRARD: Professional = {
  id: 'ps-girard',
  rpps: '10014785124',
  firstName: 'Paul',
  lastName: 'Girard',
  profession: '10',
  specialty: 'SM59',
  regulator: true,
  organisation: { name: 'SAMU 75 — Centre 15, Hôpital Necker-Enfants malades', finess: '750100554', city: 'Paris' },
};

/** Author of the imaging reports. */
export const RADIOLOGIST_FAURE: Professional = {
  id: 'ps-faure',
  rpps: '10015897241',
  firstName: 'Isabelle',
  lastName: 'Faure',
  profession: '10',
  specialty: 'SM44',
  organisation: { name: 'Centre d’imagerie médicale Lyon Monplaisir', finess: '690006549', city: 'Lyon' },
};

/** Author of the biology reports. */
export const BIOLOGIST_MERCIER: Professional = {
  id: 'ps-mercier',
  rpps: '10016902354',
  firstName: 'Olivier',
  lastName: 'Mercier',
  profession: '10',
  specialty: 'SM03',
  organisation: { name: 'Laboratoire de biologie médicale Lyon Part-Dieu', finess: '690008735', city: 'Lyon' },
};

/** A médecin PATIENT_ADULT blocked: refused in every mode. */
export const DR_RENARD_BLOCKED: Professional = {
  id: 'ps-renard',
  rpps: '10017128462',
  firstName: 'Julien',
  lastName: 'Renard',
  profession: '10',
  specialty: 'SM26',
  organisation: { name: 'Cabinet médical de la Croix-Rousse', city: 'Lyon' },
};

/** An emergency physician with no authorization anywhere: the break-glass case. */
export const DR_MOREL_URGENTISTE: Professional = {
  id: 'ps-morel',
  rpps: '10018239573',
  firstName: 'Karine',
  lastName: 'Morel',
  profession: '10',
  specialty: 'SM59',
  organisation: { name: 'Service des urgences — Hôpital Édouard Herriot', finess: '690791215', city: 'Lyon' },
};

export const PROFESSIONALS: Professional[] = [
  DR_MARTIN_TRAITANT,
  DR_LEFEBVRE_TRAITANT,
  DR_BERNARD_CARDIOLOGUE,
  DR_ROUSSEL_PSYCHIATRE,
  PHARMACIST_DUBOIS,
  NURSE_PETIT,
  PHYSIO_GARCIA,
  DENTIST_NGUYEN,
  MIDWIFE_LEROY,
  OPTICIAN_FONTAINE,
  DIETITIAN_CHEVALIER,
  SAMU_REGULATOR_GIRARD,
  RADIOLOGIST_FAURE,
  BIOLOGIST_MERCIER,
  DR_RENARD_BLOCKED,
  DR_MOREL_URGENTISTE,
];

/** How a professional is named on screen and in documents: "Dr" for médecins and dentists. */
export function professionalDisplayName(p: Professional): string {
  const title = p.profession === '10' || p.profession === '40' ? 'Dr ' : '';
  return `${title}${p.firstName} ${p.lastName}`;
}

export function professionalById(id: string): Professional | undefined {
  return PROFESSIONALS.find((p) => p.id === id);
}

export function professionalByRpps(rpps: string): Professional | undefined {
  return PROFESSIONALS.find((p) => p.rpps === rpps);
}
