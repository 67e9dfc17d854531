import { useState } from 'react';
import type { Actor, DmpError, PatientDisplay } from 'dmp-elements';
import type { DocumentOpenDetail } from 'dmp-elements/dmp-document-list';
// One module per element: the page loads these three elements only (`dmp-elements/react` has them all).
import { DmpDocumentList } from 'dmp-elements/react/dmp-document-list';
import { DmpProvider } from 'dmp-elements/react/dmp-provider';
import { DmpSynthesisEditor } from 'dmp-elements/react/dmp-synthesis-editor';

/** The user the hospital software authenticated (here Dr Martin, a seeded actor of the mock). */
const ACTOR: Actor = {
  kind: 'professional',
  id: 'ps-martin',
  rpps: '10003456786',
  profession: '10',
  specialty: 'SM26',
  displayName: 'Dr Claire Martin',
  organisation: { name: 'Cabinet médical des Brotteaux', city: 'Lyon' },
};

/** The patient as the hospital's own records know her; the DMP is found by her INS. */
const PATIENT_INS = '258036938304702';
const PATIENT: PatientDisplay = { name: 'Jeanne DURAND', birthDate: '1958-03-14', sex: 'F' };

export function App() {
  const [opened, setOpened] = useState('Aucun document ouvert.');
  const [expired, setExpired] = useState(false);

  // content() reads the file through the provider's client: the read is logged, and an access
  // history on the page shows it. It may fail (offline, refused, the user left): say so.
  async function open({ document, content }: DocumentOpenDetail) {
    setOpened(`Document ouvert : ${document.title}`);
    try {
      const file = await content();
      setOpened(`Document ouvert : ${document.title} (${file.size} octets)`);
    } catch (error) {
      // Words of the page's own: the message names the route, for logs, and the server's words
      // (`error.problem`) may repeat the patient's NIR.
      const kind = (error as Partial<DmpError>).kind;
      const why = kind === 'forbidden' ? 'accès refusé' : kind === 'network' ? 'hors ligne' : 'réessayez plus tard';
      setOpened(`Document ouvert : ${document.title} — lecture impossible : ${why}`);
    }
  }

  return (
    <main>
      <h1>Dossier de {PATIENT.name}</h1>
      <DmpProvider baseUrl="/api/dmp/v1" locale="fr" actor={ACTOR} onDmpSessionExpired={() => setExpired(true)}>
        <section>
          <h2>Documents du DMP</h2>
          <DmpDocumentList patientIns={PATIENT_INS} patient={PATIENT} onDmpDocumentOpen={(e) => void open(e.detail)} />
        </section>
        <section>
          <h2>Volet de synthèse médicale</h2>
          <DmpSynthesisEditor patientIns={PATIENT_INS} patient={PATIENT} />
        </section>
      </DmpProvider>
      <p id="opened-document" role="status">
        {opened}
      </p>
      {expired && <p role="alert">Session expirée : reconnectez-vous.</p>}
    </main>
  );
}
