import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { ARCHIVED_TAG, securityLabelsOf } from '../../src/fhir/document.js';
import { dossierExtension, dossierFactsOf } from '../../src/fhir/dossier.js';
import { parseResource } from '../../src/fhir/parse.js';
import type { Patient } from '../../src/fhir/schemas.js';
import { DOSSIER_EXTENSION } from '../../src/fhir/systems.js';
import { documentPatchActs, patientPatchActs } from '../../mocks/fhir/patch-acts.js';
import { seedBundle } from '../../mocks/fhir/seed.js';
import { PATIENT_ADULT, PATIENT_CLOSED } from '../../mocks/data/index.js';

/*
 * The FHIR gateway's reading of a PATCH (its server cannot run in the browser: see
 * patch-acts.ts): which acts it does, and whether it changes anything none of them covers.
 */

const SEEDED = seedBundle().entry!.map((e) => e.resource!);

/** A stored resource, loosely typed: the patches below write what the FHIR types forbid. */
type Raw = Record<string, unknown> & { meta?: { tag?: Array<{ system?: string; code?: string }> } };

function seeded(resourceType: string, id: string): Raw {
  return structuredClone(SEEDED.find((r) => r.resourceType === resourceType && r.id === id)!) as unknown as Raw;
}

const acts = (before: Raw, after: Raw) => documentPatchActs(before as unknown as Resource, after as unknown as Resource);

/** The document with the patient's mask added, as our client's PATCH rewrites the labels. */
const masked = (resource: Raw): Raw => ({ ...resource, securityLabel: securityLabelsOf(['N', 'MASQUE_PS']) });
const withoutTags = (resource: Raw): Raw => ({ ...resource, meta: { ...resource.meta, tag: [] } });
const withArchiveTag = (resource: Raw): Raw => ({ ...resource, meta: { ...resource.meta, tag: [...(resource.meta?.tag ?? []), { ...ARCHIVED_TAG }] } });

describe('FHIR gateway: the acts of a DocumentReference PATCH', () => {
  const current = seeded('DocumentReference', 'doc-durand-ordonnance');

  it('reads masking, archiving and deletion as the acts they are', () => {
    expect(acts(current, masked(current))).to.deep.equal({ actions: ['document.mask'], unjudged: false });
    expect(acts(current, withArchiveTag(masked(current)))).to.deep.equal({ actions: ['document.mask', 'document.archive'], unjudged: false });
    expect(acts(current, { ...current, status: 'entered-in-error' })).to.deep.equal({ actions: ['document.delete'], unjudged: false });
  });

  it('refuses a status or archive-tag change that no judged act makes, even beside one that is', () => {
    // Superseded by no replacement: it would leave the current list unjudged.
    expect(acts(current, { ...masked(current), status: 'superseded' })).to.deep.include({ actions: ['document.mask'], unjudged: true });
    expect(acts(current, { ...current, status: 'superseded' })).to.deep.include({ unjudged: true });
    // A replaced version made current again: two current versions of one document.
    const replaced = seeded('DocumentReference', 'doc-durand-vsm-v1');
    expect(replaced['status']).to.equal('superseded');
    expect(acts(replaced, { ...masked(replaced), status: 'current' })).to.deep.include({ actions: ['document.mask'], unjudged: true });
    // The archive tag taken off: no act unarchives.
    const archived = seeded('DocumentReference', 'doc-durand-ordonnance-2021');
    expect(acts(archived, withoutTags(masked(archived)))).to.deep.include({ actions: ['document.mask'], unjudged: true });
    // Deleted, and the archive tag added or taken off on the way.
    expect(acts(current, withArchiveTag({ ...current, status: 'entered-in-error' }))).to.deep.include({ actions: ['document.delete'], unjudged: true });
    expect(acts(archived, withoutTags({ ...archived, status: 'entered-in-error' }))).to.deep.include({ actions: ['document.delete'], unjudged: true });
  });
});

describe('FHIR gateway: the acts of a Patient PATCH', () => {
  const patientOf = (id: string) => parseResource('Patient', seeded('Patient', id) as unknown as Resource);

  /** `patient` with its dossier extension replaced by `facts`, as a FHIR client writes it. */
  function withDossier(patient: Patient, facts: Parameters<typeof dossierExtension>[0]): Patient {
    return { ...patient, extension: [dossierExtension(facts), ...(patient.extension ?? []).filter((e) => e.url !== DOSSIER_EXTENSION)] };
  }
  const EXTENSION_OP = { op: 'add', path: '/extension' };
  const TELECOM = [{ system: 'email' as const, value: 'jeanne@example.org' }];

  it('reads a closure, and the closure of a closed dossier (to be judged, and refused), as our client writes them', () => {
    const adult = patientOf(PATIENT_ADULT.id);
    const { createdAt } = dossierFactsOf(adult);
    const closing = { ...withDossier(adult, { status: 'closed', createdAt: createdAt!, closeReason: 'Je ne souhaite plus utiliser le DMP.' }), active: false, telecom: TELECOM };
    expect(patientPatchActs(adult, closing, [{ op: 'add', path: '/active' }, EXTENSION_OP, { op: 'add', path: '/telecom' }])).to.deep.equal({ actions: ['dossier.close', 'notification.manage'], unjudged: false });
    const closed = patientOf(PATIENT_CLOSED.id);
    const again = { ...withDossier(closed, { status: 'closed', createdAt: dossierFactsOf(closed).createdAt!, closeReason: 'Encore une fois.' }), active: false };
    expect(patientPatchActs(closed, again, [{ op: 'add', path: '/active' }, EXTENSION_OP])).to.deep.equal({ actions: ['dossier.close'], unjudged: false });
  });

  it('refuses a rewrite of the dossier’s dates beside an allowed act', () => {
    const adult = patientOf(PATIENT_ADULT.id);
    const facts = dossierFactsOf(adult);
    const backdated = { ...withDossier(adult, { status: 'active', createdAt: '2001-01-01T00:00:00.000Z' }), telecom: TELECOM };
    expect(patientPatchActs(adult, backdated, [EXTENSION_OP, { op: 'add', path: '/telecom' }]).unjudged).to.equal(true);
    // Closed in the past, yet active: a reactivation of an active dossier changes nothing.
    const closedAt = { ...withDossier(adult, { status: 'active', createdAt: facts.createdAt!, closedAt: '2024-01-01T00:00:00.000Z' }), active: true };
    expect(patientPatchActs(adult, closedAt, [{ op: 'add', path: '/active' }, EXTENSION_OP]).unjudged).to.equal(true);
    // Closing does not move the creation date either.
    const closing = { ...withDossier(adult, { status: 'closed', createdAt: '2001-01-01T00:00:00.000Z', closeReason: 'Fermeture.' }), active: false };
    expect(patientPatchActs(adult, closing, [{ op: 'add', path: '/active' }, EXTENSION_OP]).unjudged).to.equal(true);
  });
});
