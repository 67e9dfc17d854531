import { expect } from '@open-wc/testing';
import { clearAllDrafts as clearAllDraftsExported } from '../src/index.js';
import { clearAllDrafts, clearDraftsOf, deleteDraft, draftAuthor, draftKey, readDraft, writeDraft, type Draft } from '../src/drafts/draft-store.js';

const DRAFT: Draft<{ note: string }> = { content: { note: 'à finir' }, baseEtag: '"vsm-2"', baseVersion: 2, savedAt: '2026-11-20T09:00:00.000Z' };

describe('draft store (IndexedDB)', () => {
  beforeEach(() => clearAllDrafts());

  it('names a draft by author, patient and kind', () => {
    expect(draftKey('ps-martin', '258036938304702')).to.equal('ps-martin|258036938304702|synthesis');
    expect(draftKey('ps-martin', '258036938304702', 'note')).to.equal('ps-martin|258036938304702|note');
  });

  it('names an author by kind and id, so that a patient and a professional sharing an id do not share drafts', async () => {
    const patient = draftAuthor({ kind: 'patient', id: '42', displayName: 'Jeanne Durand' });
    const professional = draftAuthor({ kind: 'professional', id: '42', rpps: '10101010101', profession: 'medecin', displayName: 'Dr Martin' });
    const byRpps = draftAuthor({ kind: 'professional', rpps: '42', profession: 'medecin', displayName: 'Dr Martin' });
    expect([patient, professional, byRpps]).to.deep.equal(['patient:42', 'professional:42', 'professional:42']);
    await writeDraft(draftKey(professional, '258036938304702'), DRAFT);
    expect(await readDraft(draftKey(patient, '258036938304702'))).to.equal(undefined);
    await writeDraft(draftKey(patient, '258036938304702'), { ...DRAFT, content: { note: 'la patiente' } });
    await clearDraftsOf(patient);
    expect(await readDraft(draftKey(professional, '258036938304702'))).to.deep.equal(DRAFT);
  });

  it('stores, reads back, replaces and deletes a draft', async () => {
    const key = draftKey('ps-martin', '258036938304702');
    expect(await readDraft(key)).to.equal(undefined);
    await writeDraft(key, DRAFT);
    expect(await readDraft(key)).to.deep.equal(DRAFT);
    await writeDraft(key, { ...DRAFT, content: { note: 'fini' } });
    expect((await readDraft<{ note: string }>(key))?.content.note).to.equal('fini');
    await deleteDraft(key);
    expect(await readDraft(key)).to.equal(undefined);
  });

  it('opens a new connection when the one it had was closed under it, and loses no draft', async () => {
    const key = draftKey('ps-martin', '258036938304702');
    await writeDraft(key, DRAFT);
    const transaction = IDBDatabase.prototype.transaction;
    let refused = 0;
    // As a browser whose connection was lost: the next transaction throws InvalidStateError once.
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (refused++ === 0) throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return transaction.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      await writeDraft(key, { ...DRAFT, content: { note: 'après la coupure' } });
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
    expect(refused).to.equal(2);
    expect((await readDraft<{ note: string }>(key))?.content.note).to.equal('après la coupure');
  });

  it('keeps in the page a draft the device cannot store, still saying the write failed, until it is stored, deleted or its author leaves', async () => {
    const key = draftKey('ps-martin', '258036938304702');
    const other = draftKey('ps-lefebvre', '258036938304702');
    const transaction = IDBDatabase.prototype.transaction;
    // A device that refuses every write (storage full, private mode).
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return transaction.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      let failed: unknown;
      await writeDraft(key, DRAFT).catch((error: unknown) => (failed = error));
      expect((failed as DOMException | undefined)?.name).to.equal('QuotaExceededError');
      const kept = await readDraft<{ note: string }>(key);
      // Marked as kept in the page: a reload would lose it.
      expect(kept).to.deep.equal({ ...DRAFT, inPage: true });
      // A copy: what the element changes afterwards is not what was kept.
      kept!.content.note = 'changé';
      expect((await readDraft<{ note: string }>(key))?.content.note).to.equal('à finir');
      expect(await readDraft(other)).to.equal(undefined);
      await writeDraft(other, DRAFT).catch(() => undefined);
      await clearDraftsOf('ps-martin').catch(() => undefined);
      expect(await readDraft(key)).to.equal(undefined);
      expect(await readDraft(other)).to.deep.equal({ ...DRAFT, inPage: true });
      await deleteDraft(other).catch(() => undefined);
      expect(await readDraft(other)).to.equal(undefined);
      await writeDraft(key, DRAFT).catch(() => undefined);
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
    // Stored at last, the draft read from the page written back as it is: the device's copy is
    // the one read, and it is not said to be in the page.
    await writeDraft(key, { ...DRAFT, content: { note: 'sur l’appareil' }, inPage: true });
    expect(await readDraft<{ note: string }>(key)).to.deep.equal({ ...DRAFT, content: { note: 'sur l’appareil' } });
  });

  it('keeps one draft per author: another author does not read it', async () => {
    await writeDraft(draftKey('ps-martin', '212066926611226'), DRAFT);
    expect(await readDraft(draftKey('ps-lefebvre', '212066926611226'))).to.equal(undefined);
    expect(await readDraft(draftKey('ps-martin', '258036938304702'))).to.equal(undefined);
  });

  it('keeps the draft in the database "dmp-elements", store "drafts"', async () => {
    await writeDraft(draftKey('ps-martin', '258036938304702'), DRAFT);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dmp-elements');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stored = await new Promise((resolve) => {
      const request = db.transaction('drafts').objectStore('drafts').get('ps-martin|258036938304702|synthesis');
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    expect(stored).to.deep.equal(DRAFT);
  });

  it('clears one author’s drafts, every patient and kind, and no one else’s', async () => {
    const own = [draftKey('ps-martin', '258036938304702'), draftKey('ps-martin', '212066926611226', 'profile')];
    const others = [draftKey('ps-lefebvre', '212066926611226'), draftKey('ps-martin~2', '258036938304702')];
    for (const key of [...own, ...others]) await writeDraft(key, DRAFT);
    await clearDraftsOf('ps-martin');
    for (const key of own) expect(await readDraft(key), key).to.equal(undefined);
    for (const key of others) expect(await readDraft(key), key).to.deep.equal(DRAFT);
  });

  it('clears every author’s drafts on the device, through the package’s own export (a sign-out elsewhere, the end of a shift)', async () => {
    await writeDraft(draftKey('ps-martin', '258036938304702'), DRAFT);
    await writeDraft(draftKey('ps-lefebvre', '212066926611226'), DRAFT);
    await clearAllDraftsExported();
    expect(await readDraft(draftKey('ps-martin', '258036938304702'))).to.equal(undefined);
    expect(await readDraft(draftKey('ps-lefebvre', '212066926611226'))).to.equal(undefined);
  });
});
