import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { PATIENT_ADULT, PATIENT_NO_DOSSIER } from '../../mocks/data/index.js';
import { DmpError } from '../../src/client/errors.js';
import '../../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../../src/elements/dmp-document-list/dmp-document-list.js';
import '../../src/elements/dmp-dossier-create/dmp-dossier-create.js';
import { requestErrorText } from '../../src/elements/dmp-dossier-create/messages.js';
import '../../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { errorText } from '../../src/i18n/error-text.js';
import { alias, button, db, dropOnce, find, get, guardian, mount, settle, typeIn, until, visibleText, waitFor, worker, suiteHooks } from './support.js';

/*
 * What the elements load after their first load (support code fetched on first use, see
 * `npm run size`) may fail to arrive: the network drops between the page and the first click.
 * Each test makes one such chunk fail once, as the browser would see it offline, and checks that
 * the user is told, that nothing typed is lost, and that the same gesture works once the network
 * is back. Every chunk is fetched here for the first time, in this file's own page.
 */

const ADULT = PATIENT_ADULT.identity.ins;
const OFFLINE = errorText(new DmpError('network', 'offline'));

/** The modules at `path` that the page fetches from now on, by URL (each goes through). */
function fetchesOf(path: string | RegExp): string[] {
  const fetched: string[] = [];
  worker.use(
    http.get(typeof path === 'string' ? `*/${path}` : path, ({ request }) => {
      fetched.push(request.url);
      return passthrough();
    }),
  );
  return fetched;
}

describe('support code loaded on first use, when it cannot be fetched', () => {
  suiteHooks('lazy', [ADULT]);

  it('dmp-document-list: the virtualizer — the list says it could not load, and Retry shows the rows', async () => {
    const drop = dropOnce('@lit-labs/virtualizer/virtualize.*');
    const { el } = await mount(html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list>`, 'ps-martin');
    await until(el, 'La liste des documents n’a pas pu être chargée.');
    await until(el, OFFLINE);
    expect(drop.dropped()).to.equal(1);
    button(el, 'Réessayer').click();
    await waitFor(() => el.shadowRoot!.querySelector('.body [role="row"]'), 'the rows never came');
  });

  it('dmp-document-list: the add form — the click says why nothing opened, the next one opens it', async () => {
    const { el } = await mount(html`<dmp-document-list patient-ins=${ADULT}></dmp-document-list>`, 'ps-martin');
    await waitFor(() => el.shadowRoot!.querySelector('.body [role="row"]'), 'the rows never came');
    const drop = dropOnce('dmp-document-list/add-document.*');
    button(el, 'Ajouter un document').click();
    await until(el, 'Le formulaire d’ajout n’a pas pu être chargé');
    expect(drop.dropped()).to.equal(1);
    expect(get<HTMLDialogElement>(el, '#add-dialog').open).to.equal(false);
    button(el, 'Ajouter un document').click();
    await waitUntil(() => get<HTMLDialogElement>(el, '#add-dialog').open, 'the add form never opened');
    expect(visibleText(el)).not.to.contain('Le formulaire d’ajout n’a pas pu être chargé');
  });

  it('dmp-consent-panel: the patient’s sections — never fetched for a professional; for the patient, says offline in their place, and Retry brings them', async () => {
    const fetched = fetchesOf('dmp-consent-panel/patient-sections.*');
    const reader = await mount(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'ps-martin');
    await waitFor(() => find(reader.el, '#authorizations li'), 'the panel never loaded');
    await settle();
    expect(fetched).to.deep.equal([]);
    expect(find(reader.el, '#oppositions, #notifications, #representatives, #close')).to.equal(null);
    expect(visibleText(reader.el)).not.to.contain('Chargement');
    reader.provider.remove();

    const drop = dropOnce('dmp-consent-panel/patient-sections.*');
    const { el } = await mount(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne');
    await waitFor(() => find(el, '#authorizations li'), 'the panel never loaded');
    await until(el, OFFLINE);
    expect(drop.dropped()).to.equal(1);
    expect(find(el, '#notifications')).to.equal(null);
    // The sections the panel draws itself are there and usable meanwhile.
    expect(find(el, '#search')).not.to.equal(null);
    button(el, 'Réessayer').click();
    await waitFor(() => find(el, '#oppositions input') && find(el, '#notify-email') && find(el, '#rep-firstName') && find(el, '#close-reason'), 'the sections never came');
    expect(visibleText(el)).not.to.contain(OFFLINE);
  });

  it('dmp-consent-panel: the form checks — not saved, what was typed stays, Save again saves it', async () => {
    const { el } = await mount(html`<dmp-consent-panel patient-ins=${ADULT}></dmp-consent-panel>`, 'pat-durand-jeanne');
    await waitFor(() => find(el, '#notify-email'), 'the panel never loaded');
    const drop = dropOnce('dmp-consent-panel/validation.*');
    await typeIn(el, '#notify-email', 'jeanne.d@example.org');
    get(el, '#notifications button[type="submit"]').click();
    await until(el, `La modification n’a pas été enregistrée : ${OFFLINE}`);
    expect(drop.dropped()).to.be.greaterThan(0);
    expect(find<HTMLInputElement>(el, '#notify-email')!.value).to.equal('jeanne.d@example.org');
    expect(db.dossiers.get(ADULT)!.notificationPreferences.email).to.equal('jeanne.durand@example.org');
    get(el, '#notifications button[type="submit"]').click();
    await waitUntil(() => db.dossiers.get(ADULT)!.notificationPreferences.email === 'jeanne.d@example.org', 'never saved');
  });

  it('dmp-dossier-create: the form checks — a failed early fetch says nothing, a failed submission says offline, the next one goes on', async () => {
    // Two drops: the fetch made as the element appears, then the one the submission makes.
    const early = dropOnce('dmp-dossier-create/checks.*');
    const identity = PATIENT_NO_DOSSIER;
    const { el } = await mount(
      html`<dmp-dossier-create nir=${identity.ins} ins-status=${identity.insStatus} .traits=${identity.traits}></dmp-dossier-create>`,
      'ps-dubois',
    );
    await waitUntil(() => early.dropped() === 1, 'the element never fetched its checks');
    // The failed import reaches the element after the service worker's round trip.
    await settle();
    expect(visibleText(el)).not.to.contain(OFFLINE);
    const late = dropOnce('dmp-dossier-create/checks.*');
    button(el, 'Rechercher un DMP existant').click();
    await until(el, requestErrorText(new DmpError('network', 'offline')));
    expect(late.dropped()).to.equal(1);
    expect(find<HTMLInputElement>(el, '#nir')!.value.replace(/\s/g, '')).to.equal(PATIENT_NO_DOSSIER.ins);
    // The host names another patient: the alert was about the previous one's search.
    el.setAttribute('nir', ADULT);
    await settle();
    expect(visibleText(el)).not.to.contain(requestErrorText(new DmpError('network', 'offline')));
    el.setAttribute('nir', identity.ins);
    await settle();
    button(el, 'Rechercher un DMP existant').click();
    await until(el, 'information et consentement');
  });

  it('dmp-patient-profile: the directives upload form — never fetched for a professional; for the patient, says offline in its place, and Retry brings it', async () => {
    const fetched = fetchesOf('dmp-patient-profile/directives-form.*');
    const reader = await mount(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'ps-martin');
    await waitFor(() => find(reader.el, '.directives-files li'), 'the profile never loaded');
    await settle();
    expect(fetched).to.deep.equal([]);
    expect(find(reader.el, '.directives-upload')).to.equal(null);
    reader.provider.remove();

    const drop = dropOnce('dmp-patient-profile/directives-form.*');
    // The patient's edit form is prefetched too: kept from arriving, it is still a first fetch for the next test.
    worker.use(http.get('*/dmp-patient-profile/form.*', () => HttpResponse.error()));
    const { el } = await mount(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, 'pat-durand-jeanne');
    await waitFor(() => find(el, '.directives-files li'), 'the profile never loaded');
    await until(el, OFFLINE);
    expect(drop.dropped()).to.equal(1);
    expect(find(el, '.directives-upload')).to.equal(null);
    button(el, 'Réessayer').click();
    await waitFor(() => find(el, '.directives-upload #directives-file'), 'the upload form never came');
    expect(visibleText(el)).not.to.contain(OFFLINE);
  });

  it('dmp-patient-profile: the edit form — says offline in its place, and Retry brings it', async () => {
    const drop = dropOnce('dmp-patient-profile/form.*');
    const { el } = await mount(html`<dmp-patient-profile patient-ins=${ADULT}></dmp-patient-profile>`, guardian(ADULT, 'lazy'));
    await waitFor(() => find(el, '#edit'), 'the profile never loaded');
    await waitUntil(() => drop.dropped() === 1, 'the form was never fetched');
    get(el, '#edit').click();
    await until(el, OFFLINE);
    const retry = button(el, 'Réessayer');
    retry.focus();
    retry.click();
    // The button goes with its error: focus waits on the element's title, not on the page.
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    await waitFor(() => find(el, 'form.profile-form input, form.profile-form select'), 'the form never came');
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
  });

  it('dmp-synthesis-editor: the form and its editing actions — never fetched for a reader', async () => {
    const fetched = fetchesOf(/\/dmp-synthesis-editor\/(edit-view|editing)\./);
    const { el, provider } = await mount(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, 'pat-durand-jeanne');
    await waitFor(() => find(el, '.read .entry'), 'the synthesis never loaded');
    await settle();
    expect(fetched).to.deep.equal([]);
    expect(find(el, '[data-action="edit"]')).to.equal(null);
    provider.remove();
  });

  it('dmp-synthesis-editor: the version history — says offline with Retry, reads nothing until its view is here, and Retry lists the versions', async () => {
    const { el } = await mount(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, 'ps-bernard');
    await waitFor(() => find(el, 'details.versions'), 'the synthesis never loaded');
    const reads = () => db.logOf(ADULT).filter((e) => e.action === 'synthesis.read').length;
    const before = reads();
    const drop = dropOnce('dmp-synthesis-editor/compare-view.*');
    get<HTMLDetailsElement>(el, 'details.versions').open = true;
    await until(el, OFFLINE);
    expect(drop.dropped()).to.equal(1);
    // A read whose answer could not be shown would be a line in the patient's history for nothing.
    expect(reads()).to.equal(before);
    button(el, 'Réessayer').click();
    await waitFor(() => el.shadowRoot!.querySelectorAll('.version-list li').length === 2, 'the versions never came');
    expect(reads()).to.equal(before + 1);
    // The list's styles came with its module.
    expect(getComputedStyle(get(el, '.version-list li')).display).to.equal('flex');
  });

  it('dmp-synthesis-editor: the form and the schema checks — the form says offline with Retry, Save fetches the checks again and saves', async () => {
    // Both are fetched as soon as an author's synthesis is loaded: both fetches fail.
    const form = dropOnce('dmp-synthesis-editor/edit-view.*');
    const checks = dropOnce('dmp-synthesis-editor/schema-check.*');
    const { el } = await mount(html`<dmp-synthesis-editor patient-ins=${ADULT}></dmp-synthesis-editor>`, alias('ps-martin', 'lazy'));
    await waitFor(() => find(el, '[data-action="edit"]'), 'the synthesis never loaded');
    await waitUntil(() => form.dropped() === 1 && checks.dropped() === 1, 'the form and the checks were never fetched');
    await settle();
    expect(visibleText(el)).not.to.contain(OFFLINE);
    get(el, '[data-action="edit"]').click();
    await until(el, OFFLINE);
    const retry = button(el, 'Réessayer');
    retry.focus();
    retry.click();
    await waitFor(() => find(el, '[data-key="treatments:tt-metformine:dosage"]'), 'the form never came');
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    await typeIn(el, '[data-key="treatments:tt-metformine:dosage"]', '1 comprimé matin, midi et soir');
    get(el, '[data-action="save"]').click();
    await waitFor(() => /Version \d+ enregistrée\./.test(visibleText(el)), () => `never saved: ${visibleText(el).slice(0, 600)}`);
    expect(db.syntheses.get(ADULT)!.at(-1)!.content.treatments.find((t) => t.id === 'tt-metformine')?.dosage).to.equal('1 comprimé matin, midi et soir');
  });

});
