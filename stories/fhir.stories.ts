import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { worker } from '../mocks/browser.js';
import { ACTORS, PATIENT_ADULT } from '../mocks/data/index.js';
import '../src/context/dmp-provider.js';
import '../src/elements/dmp-access-history/dmp-access-history.js';
import '../src/elements/dmp-break-glass/dmp-break-glass.js';
import '../src/elements/dmp-consent-panel/dmp-consent-panel.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import '../src/elements/dmp-dossier/dmp-dossier.js';
import '../src/elements/dmp-patient-profile/dmp-patient-profile.js';
import '../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
import { FhirDmpClient } from '../src/fhir/index.js';

const FHIR_BASE = '/fhir/R4';

/**
 * The same elements on a FHIR R4 server (IHE MHD / PDSm) instead of the JSON API: the provider
 * gets a `FhirDmpClient`; the page's MSW worker serves Medplum's in-memory FHIR server behind
 * the policy gateway. Loading the R4 definitions takes a few seconds the first time.
 */
const meta: Meta = {
  title: 'FHIR adapter/Elements on a FHIR server',
  loaders: [
    async () => {
      const { fhirGateway, fhirHandlers } = await import('../mocks/fhir/index.js');
      worker.use(...fhirHandlers(FHIR_BASE));
      await fhirGateway.ready();
      return {};
    },
  ],
  parameters: { a11y: { test: 'error' } },
};
export default meta;

type Story = StoryObj;

function onFhir(content: ReturnType<typeof html>, actorId: string) {
  const actor = ACTORS.find((a) => a.id === actorId);
  const client = new FhirDmpClient({ baseUrl: FHIR_BASE, headers: () => ({ Authorization: `Bearer ${actorId}` }) });
  return html`<dmp-provider .actor=${actor} .client=${client}>${content}</dmp-provider>`;
}

const INS = PATIENT_ADULT.identity.ins;

export const DocumentList: Story = { render: () => onFhir(html`<dmp-document-list patient-ins=${INS}></dmp-document-list>`, 'ps-martin') };
export const DocumentListPharmacist: Story = { render: () => onFhir(html`<dmp-document-list patient-ins=${INS}></dmp-document-list>`, 'ps-dubois') };
export const AccessHistory: Story = { render: () => onFhir(html`<dmp-access-history patient-ins=${INS}></dmp-access-history>`, PATIENT_ADULT.id) };
export const ConsentPanel: Story = { render: () => onFhir(html`<dmp-consent-panel patient-ins=${INS}></dmp-consent-panel>`, PATIENT_ADULT.id) };
export const BreakGlass: Story = { render: () => onFhir(html`<dmp-break-glass patient-ins=${INS}></dmp-break-glass>`, 'ps-morel') };
export const SynthesisEditor: Story = { render: () => onFhir(html`<dmp-synthesis-editor patient-ins=${INS}></dmp-synthesis-editor>`, 'ps-martin') };
export const PatientProfile: Story = { render: () => onFhir(html`<dmp-patient-profile patient-ins=${INS}></dmp-patient-profile>`, PATIENT_ADULT.id) };
export const Dossier: Story = { render: () => onFhir(html`<dmp-dossier patient-ins=${INS}></dmp-dossier>`, PATIENT_ADULT.id) };
