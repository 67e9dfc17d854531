import type { ActorKind, CreationChannel } from './types.js';

/**
 * Where each kind of actor opens a dossier: online for the patient's side, at a caisse for its
 * staff, at the professional's [seed]. Actors the law keeps out have no channel.
 */
export const CREATION_CHANNEL = {
  patient: 'online',
  'legal-representative': 'online',
  professional: 'professional',
  'administrative-staff': 'caisse',
} as const satisfies Partial<Record<ActorKind, CreationChannel>>;
