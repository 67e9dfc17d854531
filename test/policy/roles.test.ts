import { expect } from '@open-wc/testing';
import type { ActorKind } from '../../src/model/actor.js';
import { isSecretConnection, isToldOfHiddenDocuments, mayBeTreatingPhysician } from '../../src/policy/index.js';

describe('mayBeTreatingPhysician', () => {
  it('is a médecin (profession 10) and no other profession', () => {
    expect(mayBeTreatingPhysician('10')).to.equal(true);
    for (const profession of ['21', '40', '50', '60', '70', '28', '95', '']) expect(mayBeTreatingPhysician(profession), profession).to.equal(false);
  });
});

describe('isSecretConnection', () => {
  const professional = { kind: 'professional' } as const;
  it('holds for a professional who asks it on a minor’s dossier', () => {
    expect(isSecretConnection(true, professional, true)).to.equal(true);
  });
  it('does not hold unasked, on an adult’s dossier, or for the patient’s side', () => {
    expect(isSecretConnection(false, professional, true)).to.equal(false);
    expect(isSecretConnection(true, professional, false)).to.equal(false);
    expect(isSecretConnection(true, { kind: 'patient' }, true)).to.equal(false);
    expect(isSecretConnection(true, { kind: 'legal-representative' }, true)).to.equal(false);
  });
});

describe('isToldOfHiddenDocuments (DECISIONS.md 12)', () => {
  it('tells a professional, and no one else, what is hidden from them', () => {
    const kinds: ActorKind[] = ['patient', 'legal-representative', 'professional', 'administrative-staff', 'occupational-physician', 'insurer'];
    for (const kind of kinds) expect(isToldOfHiddenDocuments({ kind }), kind).to.equal(kind === 'professional');
  });
});
