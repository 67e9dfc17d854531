import { AccessLogEntrySchema, ActionSchema, ReasonCodeSchema, type AccessLogEntry } from '../model/access-log.js';
import type { AccessMode, Action } from '../policy/types.js';
import { insIdentifier } from './ins.js';
import { MappingError, codeIn, codingIn, idOfReference, need, parseWith, rppsOf } from './parse.js';
import type { AuditEvent, Reference } from './schemas.js';
import {
  ACCESS_MODE_CODES,
  ACCESS_MODE_SYSTEM,
  ACTION_SYSTEM,
  ACTOR_ID_SYSTEM,
  ACTOR_KIND_SYSTEM,
  AUDIT_ENTITY_TYPE_SYSTEM,
  AUDIT_EVENT_TYPE_SYSTEM,
  AUDIT_TAG_SYSTEM,
  OBJECT_ROLE_SYSTEM,
  PROFESSION_SYSTEM,
  RPPS_SYSTEM,
  SECURITY_SOURCE_SYSTEM,
} from './systems.js';

/*
 * AccessLogEntry ↔ AuditEvent. The requesting agent carries who (RPPS identifier for a
 * professional, a Patient or RelatedPerson reference for the patient's side, our actor id for
 * the others), the actor kind in agent.type and the profession in agent.role; the action is the
 * FHIR C/R/U/D with our policy action as subtype; the outcome 0 (allowed) or 4 (denied) with
 * the reason code as outcomeDesc; the access mode is purposeOfEvent, the break-glass
 * justification its text; entities are the patient and the document concerned.
 */

const CRUD: Readonly<Record<Action, 'C' | 'R' | 'U' | 'D'>> = {
  'dossier.create': 'C',
  'dossier.read': 'R',
  'dossier.close': 'U',
  'dossier.reactivate': 'U',
  'document.list': 'R',
  'document.read': 'R',
  'document.add': 'C',
  'document.replace': 'C',
  'document.mask': 'U',
  'document.unmask': 'U',
  'document.set-visibility': 'U',
  'document.archive': 'U',
  'document.delete': 'D',
  'synthesis.read': 'R',
  'synthesis.write': 'C',
  'history.read': 'R',
  'authorization.read': 'R',
  'authorization.grant-self': 'U',
  'authorization.manage': 'U',
  'opposition.manage': 'U',
  'notification.manage': 'U',
  'representative.manage': 'U',
};

const MODE_OF_CODE: Readonly<Record<string, AccessMode>> = Object.fromEntries(
  Object.entries(ACCESS_MODE_CODES).map(([mode, code]) => [code, mode as AccessMode]),
);

export const SECRET_TAG = { system: AUDIT_TAG_SYSTEM, code: 'secret' } as const;

/** Whether a resource (an AuditEvent, a Consent) was made under a minor's connexion secrète. */
export function madeInSecret(resource: { meta?: { tag?: ReadonlyArray<{ system?: string | undefined; code?: string | undefined }> | undefined } | undefined }): boolean {
  return resource.meta?.tag?.some((t) => t.system === SECRET_TAG.system && t.code === SECRET_TAG.code) ?? false;
}

const ORGANISATION_KIND = 'organisation';

/** The patient whose dossier was accessed: a reference when the Patient exists, the INS always. */
export interface AuditedPatient {
  id?: string | undefined;
  ins: string;
}

function who(actor: AccessLogEntry['actor']): Reference {
  const id = actor.id;
  switch (actor.kind) {
    case 'professional':
      return {
        ...(id ? { reference: `Practitioner/${id}` } : {}),
        ...(actor.rpps ? { identifier: { system: RPPS_SYSTEM, value: `8${actor.rpps}` } } : {}),
        display: actor.name,
      };
    case 'patient':
      return { ...(id ? { reference: `Patient/${id}` } : {}), display: actor.name };
    case 'legal-representative':
      return { ...(id ? { reference: `RelatedPerson/${id}` } : {}), display: actor.name };
    default:
      return { ...(id ? { identifier: { system: ACTOR_ID_SYSTEM, value: id } } : {}), display: actor.name };
  }
}

/** An access-log entry as an AuditEvent (the seed export and the mock gateway's log). */
export function toAuditEvent(entry: AccessLogEntry, patient: AuditedPatient) {
  const { actor, target } = entry;
  const agents = [
    {
      type: { coding: [{ system: ACTOR_KIND_SYSTEM, code: actor.kind }] },
      ...(actor.profession ? { role: [{ coding: [{ system: PROFESSION_SYSTEM, code: actor.profession }] }] } : {}),
      who: who(actor),
      name: actor.name,
      requestor: true,
    },
    ...(actor.organisation
      ? [{ type: { coding: [{ system: ACTOR_KIND_SYSTEM, code: ORGANISATION_KIND }] }, who: { type: 'Organization', display: actor.organisation }, requestor: false }]
      : []),
  ];
  const entities = [
    {
      what: { ...(patient.id ? { reference: `Patient/${patient.id}` } : {}), identifier: insIdentifier(patient.ins) },
      type: { system: AUDIT_ENTITY_TYPE_SYSTEM, code: '1', display: 'Person' },
      role: { system: OBJECT_ROLE_SYSTEM, code: '1', display: 'Patient' },
    },
    ...(target
      ? [
          {
            ...(target.documentId ? { what: { reference: `DocumentReference/${target.documentId}` } } : {}),
            type: { system: AUDIT_ENTITY_TYPE_SYSTEM, code: '2', display: 'System Object' },
            role: { system: OBJECT_ROLE_SYSTEM, code: '4', display: 'Domain Resource' },
            ...(target.title ? { name: target.title } : {}),
          },
        ]
      : []),
  ];
  return {
    resourceType: 'AuditEvent' as const,
    id: entry.id,
    ...(entry.secret ? { meta: { tag: [{ ...SECRET_TAG }] } } : {}),
    type: { system: AUDIT_EVENT_TYPE_SYSTEM, code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: ACTION_SYSTEM, code: entry.action }],
    action: CRUD[entry.action],
    recorded: entry.at,
    outcome: entry.outcome === 'allowed' ? ('0' as const) : ('4' as const),
    outcomeDesc: entry.reason,
    purposeOfEvent: [
      { coding: [{ system: ACCESS_MODE_SYSTEM, code: ACCESS_MODE_CODES[entry.mode] }], ...(entry.justification ? { text: entry.justification } : {}) },
    ],
    agent: agents,
    source: {
      observer: { display: 'DMP — passerelle FHIR dmp-elements' },
      type: [{ system: SECURITY_SOURCE_SYSTEM, code: '4', display: 'Application Server' }],
    },
    entity: entities,
  };
}

/** A parsed AuditEvent as an access-log entry; a MappingError names what the model misses. */
export function fromAuditEvent(event: AuditEvent): AccessLogEntry {
  const index = event.agent.findIndex((a) => a.requestor);
  const agent = need(index >= 0 ? event.agent[index] : undefined, 'agent', 'Aucun agent demandeur');
  const at = `agent.${index}`;
  const kind = need(codeIn(agent.type, ACTOR_KIND_SYSTEM), `${at}.type`, 'Type d’acteur inconnu');
  const reference = agent.who?.reference;
  const id =
    idOfReference(reference, 'Practitioner') ??
    idOfReference(reference, 'Patient') ??
    idOfReference(reference, 'RelatedPerson') ??
    (agent.who?.identifier?.system === ACTOR_ID_SYSTEM ? agent.who.identifier.value : undefined);
  const rpps = rppsOf(agent.who?.identifier);
  const profession = codeIn(agent.role, PROFESSION_SYSTEM);
  const organisation = event.agent.find((a) => !a.requestor && codeIn(a.type, ACTOR_KIND_SYSTEM) === ORGANISATION_KIND)?.who?.display;
  const action = ActionSchema.safeParse(codingIn(event.subtype, ACTION_SYSTEM));
  if (!action.success) throw new MappingError([{ path: 'subtype', message: 'Aucune action de la politique DMP' }]);
  const purpose = event.purposeOfEvent?.find((p) => codeIn(p, ACCESS_MODE_SYSTEM));
  const mode = MODE_OF_CODE[codeIn(purpose, ACCESS_MODE_SYSTEM) ?? ''];
  const reason = ReasonCodeSchema.safeParse(event.outcomeDesc);
  if (!reason.success) throw new MappingError([{ path: 'outcomeDesc', message: 'Aucun motif de la politique DMP' }]);
  const targetEntity = event.entity?.find((e) => e.type?.code === '2');
  const documentId = idOfReference(targetEntity?.what?.reference, 'DocumentReference');
  const target = targetEntity && (documentId || targetEntity.name) ? { ...(documentId ? { documentId } : {}), ...(targetEntity.name ? { title: targetEntity.name } : {}) } : undefined;
  const entry: AccessLogEntry = {
    id: event.id,
    at: event.recorded,
    actor: {
      kind,
      ...(id ? { id } : {}),
      name: need(agent.who?.display ?? agent.name, `${at}.who.display`),
      ...(rpps ? { rpps } : {}),
      ...(profession ? { profession } : {}),
      ...(organisation ? { organisation } : {}),
    },
    action: action.data,
    ...(target ? { target } : {}),
    mode: need(mode, 'purposeOfEvent', 'Aucun mode d’accès DMP'),
    ...(purpose?.text ? { justification: purpose.text } : {}),
    outcome: event.outcome === '0' ? 'allowed' : 'denied',
    reason: reason.data,
    secret: madeInSecret(event),
  };
  return parseWith(AccessLogEntrySchema, entry);
}
