import type { Authorization } from '../../model/authorization.js';
import type { DossierInfo, LegalRepresentative, StoredNotificationPreferences, StoredOppositions } from '../../model/dossier.js';
import type { Action, Decision } from '../../policy/types.js';

/** The questions the panel asks `decide`, one per section. */
export const PANEL_ACTIONS = [
  'authorization.read',
  'authorization.manage',
  'opposition.manage',
  'notification.manage',
  'representative.manage',
  'dossier.close',
  'dossier.reactivate',
] as const satisfies readonly Action[];
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** The sections only the patient's side may use; their forms are fetched for those who may. */
export const PATIENT_SIDE_ACTIONS = [
  'opposition.manage',
  'notification.manage',
  'representative.manage',
  'dossier.close',
] as const satisfies readonly PanelAction[];

/** Where a message shows: a section, or `status` (the dossier's state, at the top). */
export type Section = 'authorizations' | 'oppositions' | 'notifications' | 'representatives' | 'close' | 'status';

export interface PanelData {
  ins: string;
  dossier: DossierInfo;
  decisions: Record<PanelAction, Decision>;
  authorizations?: Authorization[] | undefined;
  oppositions?: StoredOppositions | undefined;
  preferences?: StoredNotificationPreferences | undefined;
  representatives?: LegalRepresentative[] | undefined;
}
