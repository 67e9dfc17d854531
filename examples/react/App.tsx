import { useState } from 'react';
import type { Actor, DmpDocument, PatientDisplay } from 'dmp-elements';
import { DmpDocumentList, DmpProvider, DmpSynthesisEditor } from 'dmp-elements/react';

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
  const [opened, setOpened] = useState<DmpDocument | undefined>();
  const [expired, setExpired] = useState(false);

  return (
    <main>
      <h1>Dossier de {PATIENT.name}</h1>
      <DmpProvider baseUrl="/api/dmp/v1" locale="fr" actor={ACTOR} onDmpSessionExpired={() => setExpired(true)}>
        <section>
          <h2>Documents du DMP</h2>
          <DmpDocumentList patientIns={PATIENT_INS} patient={PATIENT} onDmpDocumentOpen={(e) => setOpened(e.detail.document)} />
        </section>
        <section>
          <h2>Volet de synthèse médicale</h2>
          <DmpSynthesisEditor patientIns={PATIENT_INS} patient={PATIENT} />
        </section>
      </DmpProvider>
      <p id="opened-document" role="status">
        {opened ? `Document ouvert : ${opened.title}` : 'Aucun document ouvert.'}
      </p>
      {expired && <p role="alert">Session expirée : reconnectez-vous.</p>}
    </main>
  );
}
