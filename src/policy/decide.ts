import { SYNTHESIS_TYPE_CODE, type Category } from '../model/category.js';
import { PATIENT_DEPOSIT_CATEGORY } from '../model/document-types.js';
import { CREATION_CHANNEL } from './channels.js';
import { isValidJustification } from './justification.js';
import { professionMayRead } from './matrix.js';
import { isReleasedToPatient } from './release.js';
import { isSecretConnection } from './roles.js';
import type {
  AccessMode,
  Action,
  Decision,
  Obligation,
  PolicyActor,
  PolicyDocumentInput,
  PolicyDossierInput,
  PolicyInput,
  PolicyRequest,
  ProfessionalActor,
  ReasonCode,
} from './types.js';
import { REASON_CODES } from './types.js';

// ---------------------------------------------------------------------------------------------
// Decisions are built once and shared: the hot path returns one of them and allocates nothing.

type ModeSlot = AccessMode | 'none';
const MODE_SLOTS: readonly ModeSlot[] = ['none', 'normal', 'break-glass', 'regulation'];

const LOG: readonly Obligation[] = Object.freeze(['log-access']);
const LOG_AND_NOTIFY: readonly Obligation[] = Object.freeze(['log-access', 'notify-patient']);
const LOG_AND_JUSTIFY: readonly Obligation[] = Object.freeze(['log-access', 'require-justification']);

function freezeDecision(reason: ReasonCode, slot: ModeSlot, obligations: readonly Obligation[]): Decision {
  const allowed = reason === 'allowed';
  return Object.freeze(slot === 'none' ? { allowed, reason, obligations } : { allowed, reason, mode: slot, obligations });
}

/** By mode, then reason; `notified` is the allowed decision that also notifies the patient. */
const DECISIONS = Object.fromEntries(
  MODE_SLOTS.map((slot) => [
    slot,
    {
      notified: freezeDecision('allowed', slot, LOG_AND_NOTIFY),
      byReason: Object.fromEntries(
        REASON_CODES.map((reason) => [
          reason,
          freezeDecision(reason, slot, reason === 'justification-required' ? LOG_AND_JUSTIFY : LOG),
        ]),
      ) as Readonly<Record<ReasonCode, Decision>>,
    },
  ]),
) as Readonly<Record<ModeSlot, { readonly notified: Decision; readonly byReason: Readonly<Record<ReasonCode, Decision>> }>>;

/** A denial; `mode` only when the decision is about a professional's access to content. */
function deny(reason: Exclude<ReasonCode, 'allowed'>, mode?: AccessMode): Decision {
  return DECISIONS[mode ?? 'none'].byReason[reason];
}

function allow(mode: AccessMode | undefined, notifyPatient: boolean): Decision {
  const slot = DECISIONS[mode ?? 'none'];
  return notifyPatient ? slot.notified : slot.byReason.allowed;
}

// ---------------------------------------------------------------------------------------------
// What each action is, as data: one line per action.

type ActionRule = {
  /** A `document` must come with the request. */
  readonly needsDocument: boolean;
  /** Still evaluated on a closed dossier (step 5). */
  readonly onClosed: boolean;
  /** Patient or legal representative only (step 6). */
  readonly patientSide: boolean;
  /** Professional access to the content (step 7): carries a mode. */
  readonly content: boolean;
  /** Checked against the document itself (step 8). */
  readonly documentLevel: boolean;
  /** Refused in an emergency mode, which reads only (step 7.6). */
  readonly write: boolean;
};

function rule(flags: Partial<ActionRule>): ActionRule {
  return { needsDocument: false, onClosed: false, patientSide: false, content: false, documentLevel: false, write: false, ...flags };
}

const RULES: ReadonlyMap<string, ActionRule> = new Map<Action, ActionRule>([
  ['dossier.create', rule({})],
  ['dossier.read', rule({ onClosed: true })],
  ['dossier.close', rule({ patientSide: true })],
  ['dossier.reactivate', rule({ onClosed: true })],
  ['document.list', rule({ content: true })],
  ['document.read', rule({ needsDocument: true, content: true, documentLevel: true })],
  ['document.add', rule({ needsDocument: true, content: true, documentLevel: true, write: true })],
  ['document.replace', rule({ needsDocument: true, content: true, documentLevel: true, write: true })],
  ['document.mask', rule({ needsDocument: true, patientSide: true })],
  ['document.unmask', rule({ needsDocument: true, patientSide: true })],
  ['document.set-visibility', rule({ needsDocument: true, content: true, documentLevel: true, write: true })],
  ['document.archive', rule({ needsDocument: true, content: true, documentLevel: true, write: true })],
  ['document.delete', rule({ needsDocument: true, patientSide: true, documentLevel: true })],
  ['synthesis.read', rule({ content: true, documentLevel: true })],
  ['synthesis.write', rule({ content: true, write: true })],
  ['history.read', rule({ onClosed: true, patientSide: true })],
  ['authorization.read', rule({ content: true })],
  ['authorization.grant-self', rule({})],
  ['authorization.manage', rule({ patientSide: true })],
  ['opposition.manage', rule({ patientSide: true })],
  ['notification.manage', rule({ patientSide: true })],
  ['representative.manage', rule({ patientSide: true })],
]);

/**
 * The synthesis is read at dossier level: a `synthesis.read` without a document is judged
 * against a synthesis with no visibility flags, and against the real one when it is given.
 */
const SYNTHESIS_AT_DOSSIER_LEVEL: PolicyDocumentInput = Object.freeze({
  category: 'synthesis',
  masked: false,
  invisibleToPatient: false,
  invisibleToLegalRepresentatives: false,
});

// ---------------------------------------------------------------------------------------------
// Step 1: shape. Hand-written guards: a schema parse per call would cost the 1M decisions/s.

const CATEGORY_NAMES: Readonly<Record<Category, true>> = {
  synthesis: true,
  'treatment-and-care': true,
  report: true,
  imaging: true,
  biology: true,
  prevention: true,
  patient: true,
  reimbursement: true,
  administrative: true,
};

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function isActor(actor: unknown): actor is PolicyActor {
  if (!isBag(actor)) return false;
  switch (actor.kind) {
    case 'patient':
    case 'legal-representative':
      return typeof actor.id === 'string';
    case 'professional':
      return (
        typeof actor.rpps === 'string' &&
        typeof actor.profession === 'string' &&
        isOptionalString(actor.id) &&
        isOptionalString(actor.specialty) &&
        isOptionalBoolean(actor.regulator)
      );
    case 'administrative-staff':
      return isOptionalString(actor.id) && isOptionalString(actor.organisationId);
    case 'occupational-physician':
    case 'insurer':
      return isOptionalString(actor.id);
    default:
      return false;
  }
}

function isDossier(dossier: unknown): dossier is PolicyDossierInput {
  if (!isBag(dossier)) return false;
  const { status, patientId, oppositions, insStatus } = dossier;
  if (status !== 'active' && status !== 'closed' && status !== 'none') return false;
  // An existing dossier is someone's: linkage (step 3) has nothing to compare without it.
  if (status === 'none' ? !isOptionalString(patientId) : typeof patientId !== 'string') return false;
  return (
    typeof dossier.patientIsMinor === 'boolean' &&
    (dossier.legalRepresentativeIds === undefined || isStringArray(dossier.legalRepresentativeIds)) &&
    isStringArray(dossier.treatingPhysiciansRpps) &&
    isStringArray(dossier.authorizedRpps) &&
    isStringArray(dossier.blockedRpps) &&
    isBag(oppositions) &&
    typeof oppositions.breakGlass === 'boolean' &&
    typeof oppositions.regulation === 'boolean' &&
    (insStatus === undefined || insStatus === 'PROV' || insStatus === 'RECUP' || insStatus === 'VALI' || insStatus === 'QUAL')
  );
}

function isDocument(document: unknown): document is PolicyDocumentInput {
  return (
    isBag(document) &&
    typeof document.category === 'string' &&
    Object.hasOwn(CATEGORY_NAMES, document.category) &&
    isOptionalString(document.typeCode) &&
    isOptionalString(document.authorRpps) &&
    typeof document.masked === 'boolean' &&
    typeof document.invisibleToPatient === 'boolean' &&
    typeof document.invisibleToLegalRepresentatives === 'boolean' &&
    isOptionalString(document.submittedAt)
  );
}

function isRequest(request: unknown): request is PolicyRequest {
  if (!isBag(request)) return false;
  const { mode, channel } = request;
  return (
    (mode === undefined || mode === 'normal' || mode === 'break-glass' || mode === 'regulation') &&
    isOptionalString(request.justification) &&
    isOptionalBoolean(request.consent) &&
    (channel === undefined || channel === 'online' || channel === 'professional' || channel === 'caisse') &&
    isOptionalBoolean(request.secret) &&
    isOptionalString(request.now)
  );
}

const NO_REQUEST: PolicyRequest = Object.freeze({});

// ---------------------------------------------------------------------------------------------
// Steps 2–9, in POLICY.md's order: the first rule that fails gives the reason.

/**
 * What the DMP allows, and why. Pure and synchronous: time comes only from `request.now`. Never
 * throws: anything that is not a well-formed `PolicyInput` is `invalid-request`.
 */
export function decide(input: PolicyInput | unknown): Decision {
  try {
    return evaluate(input);
  } catch {
    // Only a hostile input gets here — a throwing getter, a revoked Proxy — and a gateway must
    // still log and refuse it rather than fail open or crash.
    return deny('invalid-request');
  }
}

function evaluate(input: unknown): Decision {
  if (!isBag(input) || typeof input.action !== 'string') return deny('invalid-request');
  const action = input.action as Action;
  const actionRule = RULES.get(action);
  if (actionRule === undefined) return deny('invalid-request');
  const { actor, dossier } = input;
  if (!isActor(actor) || !isDossier(dossier)) return deny('invalid-request');
  let document: PolicyDocumentInput;
  if (input.document === undefined) {
    if (actionRule.needsDocument) return deny('invalid-request');
    // Of the actions that may come without one, only synthesis.read looks at its document.
    document = SYNTHESIS_AT_DOSSIER_LEVEL;
  } else if (isDocument(input.document)) {
    document = input.document;
  } else {
    return deny('invalid-request');
  }
  // The document of synthesis.read is the VSM (POLICY.md step 8); any other is a caller's mistake.
  if (action === 'synthesis.read' && document.category !== 'synthesis') return deny('invalid-request');
  let request: PolicyRequest = NO_REQUEST;
  if (input.request !== undefined) {
    if (!isRequest(input.request)) return deny('invalid-request');
    request = input.request;
  }

  // 2. Never-actors [seed].
  if (actor.kind === 'occupational-physician' || actor.kind === 'insurer') return deny('never-authorized-actor');

  // 3. Linkage. Creating an existing dossier is answered by step 4; on `none` there is nothing to
  // link to, except that a creation is its person's (or their representatives') when the backend
  // names them in `patientId`: no one opens a DMP in someone else's name and becomes its patient.
  if (dossier.status !== 'none' ? action !== 'dossier.create' : action === 'dossier.create' && dossier.patientId !== undefined) {
    if (actor.kind === 'patient' && actor.id !== dossier.patientId) return deny('not-own-dossier');
    if (actor.kind === 'legal-representative' && !(dossier.legalRepresentativeIds?.includes(actor.id) ?? false)) {
      return deny('not-legal-representative');
    }
  }

  // 4. Existence.
  if (action === 'dossier.create') {
    if (dossier.status !== 'none') return deny('dossier-exists');
  } else if (dossier.status === 'none') {
    return deny('no-dossier');
  }

  // 5. A closed dossier answers only its status, its reactivation and its history.
  if (dossier.status === 'closed' && !actionRule.onClosed) return deny('dossier-closed');

  // 6. Patient-side actions.
  const patientSide = actor.kind === 'patient' || actor.kind === 'legal-representative';
  if (actionRule.patientSide && !patientSide) return deny('patient-only');

  switch (actor.kind) {
    case 'professional':
      return decideForProfessional(actor, action, actionRule, dossier, document, request);
    case 'administrative-staff':
      return decideForAdministrativeStaff(action, dossier, document, request);
    default:
      return decideForPatientSide(actor.kind === 'patient', action, actionRule, dossier, document, request);
  }
}

function decideForProfessional(
  actor: ProfessionalActor,
  action: Action,
  actionRule: ActionRule,
  dossier: PolicyDossierInput,
  document: PolicyDocumentInput,
  request: PolicyRequest,
): Decision {
  const { rpps } = actor;
  if (!actionRule.content) {
    switch (action) {
      case 'dossier.create':
        return decideCreation(CREATION_CHANNEL.professional, dossier, request);
      case 'dossier.reactivate':
        // A blocked professional may still carry the patient's consent to reactivate: no access follows.
        return request.consent === true ? allow(undefined, false) : deny('consent-required');
      case 'authorization.grant-self':
        if (dossier.blockedRpps.includes(rpps)) return deny('blocked');
        return request.consent === true ? allow(undefined, true) : deny('consent-required');
      default:
        // dossier.read: the existence test, open to anyone past step 4.
        return allow(undefined, false);
    }
  }

  // 7. Access to the content. The mode reported is the one the access runs (or would run) under.
  const asked = request.mode ?? 'normal';
  // 7.1 "bloqué ne peut pas accéder … avec ou sans l'autorisation": every mode, médecin traitant included.
  if (dossier.blockedRpps.includes(rpps)) return deny('blocked', asked);
  const isTreating = dossier.treatingPhysiciansRpps.includes(rpps);
  const hasNormalAccess = isTreating || dossier.authorizedRpps.includes(rpps);
  // 7.3 Someone with normal access runs as normal: no needless emergency trace (design choice).
  const mode: AccessMode = hasNormalAccess ? 'normal' : asked;
  if (mode === 'regulation') {
    if (actor.regulator !== true) return deny('not-regulator', mode);
    if (dossier.oppositions.regulation) return deny('patient-opposed', mode);
    if (!isValidJustification(request.justification)) return deny('justification-required', mode);
  } else if (mode === 'break-glass') {
    if (dossier.oppositions.breakGlass) return deny('patient-opposed', mode);
    if (!isValidJustification(request.justification)) return deny('justification-required', mode);
  } else if (!hasNormalAccess) {
    return deny('not-authorized', mode);
  }
  // 7.6 Emergency access reads only (design choice).
  if (mode !== 'normal' && actionRule.write) return deny('not-authorized', mode);

  // 8. The document itself.
  if (actionRule.documentLevel) {
    // What one adds is new: it is one's own, but the matrix still applies to its category.
    const adding = action === 'document.add';
    const isAuthor = adding || (document.authorRpps !== undefined && document.authorRpps === rpps);
    if ((adding || !isAuthor) && !professionMayRead(actor.profession, document.category, document.typeCode)) {
      return deny('profession-not-permitted', mode);
    }
    // Masked first: a professional the patient masked a document from learns nothing more of it,
    // not even that it is the patient's own.
    if (document.masked && !isAuthor && !isTreating) return deny('masked', mode);
    // The patient's own space (class 90, DOCPAT*) holds what the patient declares: professionals
    // read it where the matrix lets them, only the patient side writes it, archives it or sets
    // its flags (design choice, issues 3, 7 and 10).
    if (actionRule.write && isPatientsOwn(document)) return deny('patient-only', mode);
    if ((action === 'document.replace' || action === 'document.set-visibility' || action === 'document.archive') && !isAuthor && !isTreating) {
      return deny('not-author', mode);
    }
  }

  // 9. Action-specific.
  switch (action) {
    case 'synthesis.write':
      if (!isTreating) return deny('not-treating-physician', mode);
      if (!insQualified(dossier)) return deny('ins-not-qualified', mode);
      break;
    // A new version is health data submitted under the INS as much as a first one (DOMAIN.md).
    case 'document.add':
    case 'document.replace':
      // A VSM sent as a document writes the synthesis all the same: the médecin traitant's act.
      if (document.typeCode === SYNTHESIS_TYPE_CODE && !isTreating) return deny('not-treating-physician', mode);
      if (!insQualified(dossier)) return deny('ins-not-qualified', mode);
      break;
    case 'authorization.read':
      // Emergency access shows content, not who else may see it.
      if (mode !== 'normal') return deny('not-authorized', mode);
      break;
  }
  const secret = isSecretConnection(request.secret === true, actor, dossier.patientIsMinor);
  // An emergency access under connexion secrète is announced to no one, as its history line.
  return allow(mode, (mode !== 'normal' && !secret) || (action === 'document.add' && isAnnouncedNow(document, secret)));
}

/**
 * Whether the patient is told of a new document at once (`notify-patient` on `document.add`): one
 * kept from the patient waits for the two-week notice (DOMAIN.md), and one kept from the legal
 * representatives, or written under a connexion secrète (`secret`: asked, and one, see
 * isSecretConnection), which keeps it from them, is announced to no one, since the dossier's
 * notices may reach them.
 */
function isAnnouncedNow(document: PolicyDocumentInput, secret: boolean): boolean {
  return !document.invisibleToPatient && !document.invisibleToLegalRepresentatives && !secret;
}

/** Only a qualified INS may reference health data a professional submits; none given is not checked here. */
function insQualified(dossier: PolicyDossierInput): boolean {
  return dossier.insStatus === undefined || dossier.insStatus === 'QUAL';
}

function decideForAdministrativeStaff(
  action: Action,
  dossier: PolicyDossierInput,
  document: PolicyDocumentInput,
  request: PolicyRequest,
): Decision {
  // No authorization needed: the administrative part is theirs by function (design choice).
  switch (action) {
    case 'dossier.read':
    case 'document.list':
      return allow(undefined, false);
    case 'document.read':
      return document.category === 'administrative' ? allow(undefined, false) : deny('profession-not-permitted');
    case 'dossier.create':
      return decideCreation(CREATION_CHANNEL['administrative-staff'], dossier, request);
    default:
      return deny('profession-not-permitted');
  }
}

function decideForPatientSide(
  isPatient: boolean,
  action: Action,
  actionRule: ActionRule,
  dossier: PolicyDossierInput,
  document: PolicyDocumentInput,
  request: PolicyRequest,
): Decision {
  // 8. The document itself. Patients are not subject to `masked`: it hides from professionals.
  if (actionRule.documentLevel) {
    // Documents deposited by the patient (DOCPAT01–06) sit in their subject's category but are theirs too.
    const own = isPatientsOwn(document);
    if (action === 'document.add') {
      if (!own) return deny('profession-not-permitted');
    } else {
      if (document.invisibleToPatient && !isReleasedToPatient(document.submittedAt, request.now)) {
        return deny('invisible-to-patient');
      }
      if (!isPatient && document.invisibleToLegalRepresentatives) return deny('invisible-to-legal-representative');
      // The visibility flags belong to the authoring professional.
      if (action === 'document.set-visibility') return deny('not-author');
      if ((action === 'document.replace' || action === 'document.archive') && !own) return deny('not-author');
    }
  }

  // 9. Action-specific.
  switch (action) {
    case 'dossier.create':
      return decideCreation(CREATION_CHANNEL[isPatient ? 'patient' : 'legal-representative'], dossier, request);
    case 'synthesis.write':
      return deny('not-treating-physician');
    case 'authorization.grant-self':
      // They record consent with authorization.manage; grant-self is the professional's own act.
      return deny('invalid-request');
    default:
      return allow(undefined, action === 'document.add' && isAnnouncedNow(document, false));
  }
}

function decideCreation(channel: NonNullable<PolicyRequest['channel']>, dossier: PolicyDossierInput, request: PolicyRequest): Decision {
  if (request.channel !== channel) return deny('invalid-request');
  // Minors' dossiers are opened only by a professional or at a caisse [seed].
  if (channel === 'online' && dossier.patientIsMinor) return deny('minor-online-creation');
  if (request.consent !== true) return deny('consent-required');
  // Only a qualified INS may reference health data; online, the patient's own login stands for it.
  if (channel !== 'online' && dossier.insStatus !== undefined && dossier.insStatus !== 'QUAL') return deny('ins-not-qualified');
  return allow(undefined, false);
}

/**
 * A document of the patient's own space: category `patient`, or one of the six codes the patient
 * deposits (DOCPAT01–06) filed in that code's own category.
 */
function isPatientsOwn(document: PolicyDocumentInput): boolean {
  return document.category === 'patient' || (document.typeCode !== undefined && PATIENT_DEPOSIT_CATEGORY[document.typeCode] === document.category);
}
