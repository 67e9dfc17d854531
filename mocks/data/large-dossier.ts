import type { DmpDocument, DocumentAuthor } from '../../src/model/document.js';
import { SEED_NOW } from './clock.js';
import { assuranceMaladie, authorOf, makeDocument, type DocumentSpec } from './document-factory.js';
import { PATIENT_LARGE, patientDisplayName } from './patients.js';
import {
  BIOLOGIST_MERCIER,
  DR_BERNARD_CARDIOLOGUE,
  DR_MARTIN_TRAITANT,
  NURSE_PETIT,
  PHARMACIST_DUBOIS,
  RADIOLOGIST_FAURE,
} from './professionals.js';

/** How many documents PATIENT_LARGE has. */
export const LARGE_DOSSIER_DOCUMENT_COUNT = 10_000;

/** Fixed, so that two generations give the same dossier. */
const SEED = 0x0d3f_2026;
const SPAN_YEARS = 15;

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; enough for believable data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

interface Kind {
  typeCode: string;
  weight: number;
  authors: readonly DocumentAuthor[];
  title: (random: Random) => string;
  /** Typical size in bytes; each document varies around it. */
  size: number;
  /** Acts that last (hospital stays): the act ends this many days after it starts. */
  stayDays?: (random: Random) => number;
  /** Documents about a past period (the 24-month reimbursement history), in days. */
  periodDays?: number;
}

const MARTIN = authorOf(DR_MARTIN_TRAITANT);
const BERNARD = authorOf(DR_BERNARD_CARDIOLOGUE);
const DUBOIS = authorOf(PHARMACIST_DUBOIS);
const PETIT = authorOf(NURSE_PETIT);
const FAURE = authorOf(RADIOLOGIST_FAURE);
const MERCIER = authorOf(BIOLOGIST_MERCIER);
const HENRI: DocumentAuthor = { name: patientDisplayName(PATIENT_LARGE.identity) };
const CPAM = assuranceMaladie('CPAM de la Gironde');

const SPECIALTIES = ['cardiologie', 'médecine générale', 'pneumologie', 'rhumatologie', 'urologie', 'ophtalmologie', 'dermatologie', 'gastro-entérologie'];
const REASONS = ['suivi de l’hypertension', 'renouvellement de traitement', 'douleurs lombaires', 'bronchite aiguë', 'contrôle tensionnel', 'fatigue', 'vertiges', 'bilan annuel'];
const PANELS = [
  'NFS, ionogramme, créatinine',
  'bilan lipidique',
  'hémoglobine glyquée (HbA1c)',
  'TSH',
  'PSA total',
  'bilan hépatique',
  'INR',
  'CRP, vitesse de sédimentation',
  'ferritine, fer sérique',
  'vitamine D',
];
const EXAMS = ['Radiographie', 'Échographie', 'Scanner', 'IRM', 'Doppler'];
const SITES = ['du thorax', 'abdominale', 'du genou gauche', 'du rachis lombaire', 'de la hanche droite', 'des troncs supra-aortiques', 'cardiaque', 'de l’épaule droite'];
const VACCINES = ['grippe saisonnière', 'COVID-19', 'pneumocoque', 'diphtérie-tétanos-poliomyélite', 'zona'];
const SCREENINGS = ['Dépistage du cancer colorectal', 'Rétinographie de dépistage', 'Dépistage de l’anévrisme de l’aorte abdominale', 'Bilan de prévention à 70 ans'];
const HOSPITAL_STAYS = ['cardiologie', 'pneumologie', 'chirurgie orthopédique', 'médecine interne', 'urologie'];
const PATIENT_NOTES = ['Relevé de tension artérielle', 'Carnet de suivi glycémique', 'Questions pour ma prochaine consultation', 'Personnes à prévenir'];

const KINDS: readonly Kind[] = [
  {
    typeCode: '11488-4',
    weight: 18,
    authors: [MARTIN, BERNARD, PETIT],
    title: (r) => `Compte rendu de consultation de ${pick(r, SPECIALTIES)} — ${pick(r, REASONS)}`,
    size: 60_000,
  },
  {
    typeCode: '34133-9',
    weight: 4,
    authors: [BERNARD],
    title: (r) => `Compte rendu d’hospitalisation — ${pick(r, HOSPITAL_STAYS)}`,
    size: 350_000,
    stayDays: (r) => 1 + Math.floor(r() * 9),
  },
  { typeCode: 'CERT_DECL', weight: 1, authors: [MARTIN], title: () => 'Certificat médical', size: 30_000 },
  { typeCode: '57833-6', weight: 14, authors: [MARTIN, BERNARD], title: (r) => `Ordonnance — ${pick(r, REASONS)}`, size: 85_000 },
  { typeCode: '60593-1', weight: 10, authors: [DUBOIS], title: () => 'Dispensation pharmacie', size: 60_000 },
  { typeCode: 'PROT_ALD', weight: 1, authors: [MARTIN], title: () => 'Protocole de soins ALD — cardiopathie ischémique', size: 120_000 },
  { typeCode: '18748-4', weight: 8, authors: [FAURE], title: (r) => `${pick(r, EXAMS)} ${pick(r, SITES)}`, size: 700_000 },
  { typeCode: '11502-2', weight: 20, authors: [MERCIER], title: (r) => `Bilan sanguin : ${pick(r, PANELS)}`, size: 30_000 },
  { typeCode: '11369-6', weight: 2, authors: [MARTIN], title: () => 'Historique des vaccinations', size: 18_000 },
  { typeCode: '87273-9', weight: 2, authors: [MARTIN, PETIT], title: (r) => `Vaccination contre ${pick(r, VACCINES)}`, size: 12_000 },
  { typeCode: '90767-5', weight: 2, authors: [MARTIN, FAURE], title: (r) => pick(r, SCREENINGS), size: 90_000 },
  { typeCode: '60591-5', weight: 2, authors: [MARTIN], title: () => 'Synthèse médicale du patient', size: 45_000 },
  { typeCode: 'EXPPAT_1', weight: 3, authors: [HENRI], title: (r) => pick(r, PATIENT_NOTES), size: 8_000 },
  {
    typeCode: 'REMB',
    weight: 6,
    authors: [CPAM],
    title: () => 'Historique des remboursements (24 mois)',
    size: 210_000,
    periodDays: 730,
  },
  { typeCode: 'ATTEST-DROITS-AM', weight: 5, authors: [CPAM], title: () => 'Attestation de droits', size: 50_000 },
];

/**
 * The first documents walk through KINDS in order so that every category appears however small
 * `count` is; the rest are drawn by weight.
 */
function kindAt(index: number, random: Random, totalWeight: number): Kind {
  if (index < KINDS.length) return KINDS[index] as Kind;
  let draw = random() * totalWeight;
  for (const kind of KINDS) {
    draw -= kind.weight;
    if (draw < 0) return kind;
  }
  return KINDS[KINDS.length - 1] as Kind;
}

/**
 * PATIENT_LARGE's documents: deterministic (same seed, same output), spread evenly over the
 * fifteen years before SEED_NOW in chronological order, across every category, mostly current
 * with a few archived or masked. Cheap enough to run on first access (well under 200 ms for
 * 10,000 in a browser).
 */
export function generateLargeDossierDocuments(count = LARGE_DOSSIER_DOCUMENT_COUNT): DmpDocument[] {
  const random = mulberry32(SEED);
  const totalWeight = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  const end = Date.parse(SEED_NOW);
  const start = new Date(end);
  start.setUTCFullYear(start.getUTCFullYear() - SPAN_YEARS);
  const startMs = start.getTime();
  // Leave the last day free so that every submission stays before SEED_NOW.
  const slot = (end - startMs - 86_400_000) / Math.max(count, 1);
  const documents: DmpDocument[] = new Array<DmpDocument>(count);
  const digits = String(count).length;
  const latest = end - 60_000;

  for (let i = 0; i < count; i++) {
    const kind = kindAt(i, random, totalWeight);
    const author = pick(random, kind.authors);
    const actMs = Math.floor(startMs + (i + random() * 0.9) * slot);
    const stopMs = kind.stayDays ? Math.min(actMs + kind.stayDays(random) * 86_400_000, latest) : undefined;
    // Submission follows the act by minutes for most documents, up to two days for results.
    const delayMs = Math.floor(random() * (kind.typeCode === '11502-2' ? 172_800_000 : 7_200_000));
    const submittedMs = Math.min((stopMs ?? actMs) + delayMs, latest);
    const lottery = random();
    const spec: DocumentSpec = {
      id: `doc-garnier-${String(i + 1).padStart(digits, '0')}`,
      title: kind.title(random),
      typeCode: kind.typeCode,
      author,
      serviceStart: new Date(kind.periodDays ? actMs - kind.periodDays * 86_400_000 : actMs).toISOString(),
      submittedAt: new Date(submittedMs).toISOString(),
      size: Math.max(1_024, Math.round(kind.size * (0.5 + random()))),
      status: lottery < 0.02 ? 'archived' : 'current',
      masked: lottery > 0.99,
    };
    if (stopMs !== undefined) spec.serviceStop = new Date(stopMs).toISOString();
    else if (kind.periodDays) spec.serviceStop = new Date(actMs).toISOString();
    documents[i] = makeDocument(spec);
  }
  return documents;
}
