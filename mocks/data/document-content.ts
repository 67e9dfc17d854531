import type { DmpDocument } from '../../src/model/document.js';
import type { PatientProfile } from '../../src/model/profile.js';

/*
 * Files for seeded documents, made on demand so that no binary is committed: a one-page PDF for
 * level-1 documents, a small CDA for structured ones, plain text otherwise. They say plainly that
 * they are demonstration data.
 */

export interface DocumentContent {
  mimeType: string;
  body: string;
}

const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

function frenchDate(iso: string): string {
  return DATE_FORMAT.format(new Date(iso));
}

function lines(doc: DmpDocument): string[] {
  const author = [doc.author.name, doc.author.organisation].filter(Boolean).join(' — ');
  return [
    doc.title,
    `Auteur : ${author}`,
    `Date de l’acte : ${frenchDate(doc.serviceStart)}`,
    `Déposé le : ${frenchDate(doc.submittedAt)}`,
    'Document de démonstration : données fictives.',
  ];
}

/**
 * The PDF's standard font has no Unicode mapping, and its xref counts bytes: keeping the text
 * ASCII makes characters and bytes the same, so the offsets below stay right.
 */
function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[—–]/g, '-')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/[^\x20-\x7e]/g, '?');
}

function pdfString(text: string): string {
  return `(${toAscii(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function minimalPdf(textLines: string[]): string {
  const [first = '', ...rest] = textLines;
  const stream = [
    'BT',
    '/F1 16 Tf',
    '72 770 Td',
    `${pdfString(first)} Tj`,
    '/F1 11 Tf',
    ...rest.flatMap((line) => ['0 -24 Td', `${pdfString(line)} Tj`]),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${offset.toString().padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return body;
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** LOINC codes are numeric with a check digit; the others come from TRE_A05. */
function codeSystemOf(typeCode: string): string {
  return /^\d+-\d$/.test(typeCode) ? '2.16.840.1.113883.6.1' : '1.2.250.1.213.1.1.4.12';
}

function compactTimestamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '').replace('T', '').replace('Z', '+0000');
}

function minimalCda(doc: DmpDocument, textLines: string[]): string {
  const paragraphs = textLines.slice(1).map((line) => `          <paragraph>${xmlEscape(line)}</paragraph>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3">',
    '  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>',
    `  <id root="1.2.250.1.213.1.1.9" extension="${xmlEscape(doc.id)}"/>`,
    `  <code code="${xmlEscape(doc.typeCode)}" codeSystem="${codeSystemOf(doc.typeCode)}"/>`,
    `  <title>${xmlEscape(doc.title)}</title>`,
    `  <effectiveTime value="${compactTimestamp(doc.submittedAt)}"/>`,
    '  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>',
    '  <languageCode code="fr-FR"/>',
    '  <component>',
    '    <structuredBody>',
    '      <component>',
    '        <section>',
    `          <title>${xmlEscape(doc.title)}</title>`,
    '          <text>',
    ...paragraphs,
    '          </text>',
    '        </section>',
    '      </component>',
    '    </structuredBody>',
    '  </component>',
    '</ClinicalDocument>',
    '',
  ].join('\n');
}

/** Jeanne Durand's declared information ("Mes informations"), as she saved it. */
export const ADULT_PROFILE: PatientProfile = {
  bloodGroup: 'A+',
  allergiesNoneKnown: false,
  allergies: [
    { id: 'decl-allergie-penicilline', agent: 'Pénicillines (amoxicilline)', reaction: 'Urticaire géante et gonflement du visage', since: '1987-05-01' },
    { id: 'decl-intolerance-codeine', agent: 'Codéine', reaction: 'Vomissements' },
  ],
  treatments: [
    { id: 'decl-traitement-metformine', name: 'Metformine 1000 mg', dosage: '1 comprimé matin et soir' },
    { id: 'decl-traitement-ramipril', name: 'Ramipril 5 mg', dosage: '1 comprimé le matin' },
    { id: 'decl-traitement-paracetamol', name: 'Paracétamol 1 g', dosage: 'Si douleur, jusqu’à 3 par jour' },
  ],
  emergencyContacts: [
    { id: 'decl-contact-fille', name: 'Claire Durand', relationship: 'Fille', phone: '06 39 98 02 11' },
    { id: 'decl-contact-voisin', name: 'Henri Vidal', relationship: 'Voisin', phone: '06 39 98 02 12' },
  ],
  trustedPerson: { name: 'Claire Durand', relationship: 'Fille', phone: '06 39 98 02 11', email: 'claire.durand@example.org' },
  advanceDirectives: {
    text: 'Je ne souhaite pas d’acharnement thérapeutique. Le document complet est déposé dans mon dossier.',
    writtenOn: '2025-11-08',
  },
  organDonation: { choice: 'accept' },
  declaredAt: '2025-11-08T19:12:00.000Z',
};

/** The seeded EXPPAT_2 document that holds ADULT_PROFILE. */
export const ADULT_PROFILE_DOCUMENT_ID = 'doc-durand-informations';
export const ADULT_PROFILE_JSON = JSON.stringify(ADULT_PROFILE);

/** Files that are data rather than a description: the declared information, as JSON. */
const SEEDED_CONTENTS: Readonly<Record<string, DocumentContent>> = {
  [ADULT_PROFILE_DOCUMENT_ID]: { mimeType: 'text/plain', body: ADULT_PROFILE_JSON },
};

/** A small file for a document, in its own mime type when that is text-based. */
export function documentContent(doc: DmpDocument): DocumentContent {
  const seeded = SEEDED_CONTENTS[doc.id];
  if (seeded) return seeded;
  const textLines = lines(doc);
  switch (doc.mimeType) {
    case 'application/pdf':
      return { mimeType: 'application/pdf', body: minimalPdf(textLines) };
    case 'text/xml':
      return { mimeType: 'text/xml', body: minimalCda(doc, textLines) };
    default:
      // Images cannot be written as text; a description stands in for them.
      return { mimeType: 'text/plain', body: `${textLines.join('\n')}\n` };
  }
}
