// Throughput of decide() in Node (POLICY.md asks for ≥ 1,000,000 decisions/s). Not a test: run
// with `node scripts/bench-policy.mjs`. The engine is bundled as shipped, without a DOM.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = await mkdtemp(path.join(os.tmpdir(), 'dmp-bench-policy-'));
const outfile = path.join(dir, 'policy.mjs');
await build({
  entryPoints: [path.join(root, 'src/policy/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
});
const { decide } = await import(pathToFileURL(outfile).href);
await rm(dir, { recursive: true, force: true });

const DR_TRAITANT = { kind: 'professional', rpps: '10000000001', profession: '10' };
const DR_OTHER = { kind: 'professional', rpps: '10000000002', profession: '10' };
const PHARMACIST = { kind: 'professional', rpps: '10000000003', profession: '21' };
const NURSE = { kind: 'professional', rpps: '10000000004', profession: '60' };
const PHYSIO = { kind: 'professional', rpps: '10000000005', profession: '70' };
const STRANGER = { kind: 'professional', rpps: '10000000006', profession: '40' };
const BLOCKED = { kind: 'professional', rpps: '10000000007', profession: '50' };
const REGULATOR = { kind: 'professional', rpps: '10000000008', profession: '10', regulator: true };
const PATIENT = { kind: 'patient', id: 'patient-1' };
const REPRESENTATIVE = { kind: 'legal-representative', id: 'parent-1' };
const ADMIN = { kind: 'administrative-staff', organisationId: 'chu-1' };
const INSURER = { kind: 'insurer' };
const ACTORS = [DR_TRAITANT, DR_OTHER, PHARMACIST, NURSE, PHYSIO, STRANGER, BLOCKED, REGULATOR, PATIENT, REPRESENTATIVE, ADMIN, INSURER];

const DOSSIER = {
  status: 'active',
  patientId: 'patient-1',
  patientIsMinor: true,
  legalRepresentativeIds: ['parent-1', 'parent-2'],
  treatingPhysiciansRpps: [DR_TRAITANT.rpps],
  authorizedRpps: [DR_OTHER.rpps, PHARMACIST.rpps, NURSE.rpps, PHYSIO.rpps, '10000000099'],
  blockedRpps: [BLOCKED.rpps],
  oppositions: { breakGlass: false, regulation: false },
  insStatus: 'QUAL',
};
const DOSSIERS = [DOSSIER, { ...DOSSIER, status: 'closed' }, { ...DOSSIER, oppositions: { breakGlass: true, regulation: false } }];

const doc = (category, typeCode, more = {}) => ({
  category,
  typeCode,
  authorRpps: DR_OTHER.rpps,
  masked: false,
  invisibleToPatient: false,
  invisibleToLegalRepresentatives: false,
  submittedAt: '2024-01-31T10:00:00Z',
  ...more,
});
const DOCUMENTS = [
  doc('report', '11488-4'),
  doc('biology', '11502-2', { invisibleToPatient: true }),
  doc('imaging', '18748-4', { masked: true }),
  doc('synthesis', 'SYNTH', { authorRpps: DR_TRAITANT.rpps }),
  doc('treatment-and-care', '57833-6'),
  doc('administrative', 'ATTEST-RESID'),
  doc('patient', 'EXPPAT_3', { authorRpps: undefined }),
  doc('prevention', '11369-6', { invisibleToLegalRepresentatives: true }),
];
const REQUESTS = [
  undefined,
  { now: '2024-03-01T00:00:00Z' },
  { mode: 'break-glass', justification: 'Patient inconscient aux urgences, allergies ?' },
  { mode: 'regulation', justification: 'Appel au 15, détresse respiratoire' },
  { mode: 'break-glass', justification: 'trop court' },
];
const ACTIONS = [
  'document.read', 'document.read', 'document.read', 'document.list', 'synthesis.read', 'dossier.read',
  'document.add', 'document.replace', 'document.mask', 'history.read', 'authorization.read', 'synthesis.write',
];

// A deterministic mix, built before timing so that the loop measures decide() alone.
const inputs = [];
let seed = 42;
const pick = (list) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return list[seed % list.length];
};
for (let i = 0; i < 4096; i++) {
  inputs.push({ actor: pick(ACTORS), action: pick(ACTIONS), dossier: pick(DOSSIERS), document: pick(DOCUMENTS), request: pick(REQUESTS) });
}
/** Decisions per second over `list`, taken in turn, after a warm-up; and the share allowed. */
function throughput(list) {
  const mask = list.length - 1;
  let allowed = 0;
  const run = (count, offset) => {
    for (let i = 0; i < count; i++) if (decide(list[(offset + i) & mask]).allowed) allowed++;
  };
  run(500_000, 0); // warm-up: let the JIT settle
  allowed = 0;
  const BATCH = 100_000;
  let decisions = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 2000) {
    run(BATCH, decisions);
    decisions += BATCH;
    elapsed = performance.now() - start;
  }
  return { perSecond: Math.round(decisions / (elapsed / 1000)), decisions, elapsed, allowedShare: allowed / decisions };
}

const mix = throughput(inputs);
console.log(
  `decide(): ${mix.perSecond.toLocaleString('en-US')} decisions/s ` +
    `(${mix.decisions.toLocaleString('en-US')} in ${(mix.elapsed / 1000).toFixed(2)} s, ${Math.round(mix.allowedShare * 100)}% allowed) ` +
    `on ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
);

// The path a patient's document list asks for each row it draws: documents not yet released to
// them (a date to compute from each submission), at one instant.
const NOW = { now: '2024-02-20T00:00:00Z' };
const releases = Array.from({ length: 1024 }, (_, i) => ({
  actor: PATIENT,
  action: 'document.read',
  dossier: { ...DOSSIER, patientIsMinor: false },
  document: doc('report', '11488-4', { invisibleToPatient: true, submittedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString() }),
  request: NOW,
}));
const release = throughput(releases);
console.log(`decide(), a patient's list of 1,024 documents not yet released to them: ${release.perSecond.toLocaleString('en-US')} decisions/s (${Math.round(release.allowedShare * 100)}% released)`);
