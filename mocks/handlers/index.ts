import { http } from 'msw';
import { API_PREFIX, ROUTES, type RouteName } from '../../src/model/routes.js';
import { db } from '../db/store.js';
import { FaultSpecSchema } from '../db/faults.js';
import * as dossiers from './dossiers.js';
import * as documents from './documents.js';
import { json } from './http.js';
import { readBody, route, type Resolver } from './route.js';
import { sendDueNotices } from './request-context.js';
import * as settings from './settings.js';
import * as prevention from './prevention.js';
import * as synthesis from './synthesis.js';

const listNotifications: Resolver = ({ actor }) => {
  // The outbox is a testing aid, and still what the patient side is told: a patient sees their
  // own dossier's notifications, a legal representative those of the dossiers they represent,
  // anyone else none.
  const theirs = [...db.dossiers.keys()].filter((ins) => dossiers.isOwnSide(actor, db.policyDossier(ins)));
  for (const ins of theirs) sendDueNotices(ins);
  return json({ items: db.notifications.filter((n) => theirs.includes(n.ins)) });
};

/** Every route of the API table has exactly one resolver: the compiler checks it. */
const RESOLVERS: Record<RouteName, Resolver> = {
  getDossier: dossiers.getDossier,
  createDossier: dossiers.createDossier,
  closeDossier: dossiers.closeDossier,
  reactivateDossier: dossiers.reactivateDossier,
  listDocuments: documents.listDocuments,
  latestDocuments: documents.latestDocuments,
  addDocument: documents.addDocument,
  getDocument: documents.getDocument,
  getDocumentContent: documents.getDocumentContent,
  updateDocument: documents.updateDocument,
  deleteDocument: documents.deleteDocument,
  getSynthesis: synthesis.getSynthesis,
  listSynthesisVersions: synthesis.listSynthesisVersions,
  getSynthesisVersion: synthesis.getSynthesisVersion,
  saveSynthesis: synthesis.saveSynthesis,
  getPrevention: prevention.getPrevention,
  savePrevention: prevention.savePrevention,
  listAuthorizations: settings.listAuthorizations,
  changeAuthorization: settings.changeAuthorization,
  searchProfessionals: settings.searchProfessionals,
  getOppositions: settings.getOppositions,
  setOppositions: settings.setOppositions,
  getNotificationPreferences: settings.getNotificationPreferences,
  setNotificationPreferences: settings.setNotificationPreferences,
  listRepresentatives: settings.listRepresentatives,
  addRepresentative: settings.addRepresentative,
  removeRepresentative: settings.removeRepresentative,
  listAccessLog: settings.listAccessLog,
  requestEmergencyAccess: settings.requestEmergencyAccess,
  listNotifications,
};

const METHOD = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const;

const apiHandlers = (Object.keys(ROUTES) as RouteName[]).map((name) => {
  const spec = ROUTES[name];
  return METHOD[spec.method](`*${API_PREFIX}${spec.path}`, route(spec.method, 'action' in spec ? spec.action : undefined, RESOLVERS[name]));
});

/** Test and story controls; not part of the DMP API. */
const controlHandlers = [
  http.post(`*${API_PREFIX}/__mock/reset`, () => {
    db.reset();
    return new Response(null, { status: 204 });
  }),
  http.post(`*${API_PREFIX}/__mock/faults`, async ({ request }) => {
    const spec = await readBody(request, FaultSpecSchema);
    if (!spec.ok) return spec.response;
    db.faults.add(spec.value);
    return new Response(null, { status: 204 });
  }),
  http.delete(`*${API_PREFIX}/__mock/faults`, () => {
    db.faults.clear();
    return new Response(null, { status: 204 });
  }),
];

export const handlers = [...controlHandlers, ...apiHandlers];
export { db };
