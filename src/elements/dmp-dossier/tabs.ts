import { PROFILE_TYPE_CODE } from '../../model/category.js';
import { nominalDocument } from '../../model/nominal-document.js';
import type { Action, Decision, PolicyDocumentInput, PolicyRequest, ReasonCode } from '../../policy/types.js';

/** The five tabs of the DMP, in their order on screen; also the values of the `tab` attribute. */
export const DOSSIER_TABS = ['recap', 'documents', 'profile', 'management', 'history'] as const;
export type DossierTab = (typeof DOSSIER_TABS)[number];

export function isDossierTab(value: unknown): value is DossierTab {
  return (DOSSIER_TABS as readonly unknown[]).includes(value);
}

/**
 * A policy question about the dossier on screen, asked with the session's mode and the time;
 * `request` replaces parts of that request (another mode, to know whether it would open).
 */
export type Ask = (action: Action, document?: PolicyDocumentInput, request?: PolicyRequest) => Decision;

interface TabRule {
  /** The tab can be used when any of these is allowed; the first one's refusal is the one shown. */
  actions: readonly [Action, ...Action[]];
  document?: PolicyDocumentInput;
}

/**
 * Which policy question opens each tab. Management opens on reading the authorizations (the
 * consent panel then shows read-only what may not be changed) or on reactivating a closed
 * dossier, which the patient does from there.
 */
export const TAB_RULES: Readonly<Record<DossierTab, TabRule>> = {
  recap: { actions: ['dossier.read'] },
  documents: { actions: ['document.list'] },
  profile: { actions: ['document.read'], document: nominalDocument('patient', PROFILE_TYPE_CODE) },
  management: { actions: ['authorization.read', 'dossier.reactivate'] },
  history: { actions: ['history.read'] },
};

/**
 * Refusals that no consent, emergency access or change of the patient's settings will lift for
 * this actor: the tab is not shown at all. A closed dossier is said once, in the récapitulatif's
 * status, rather than by every tab.
 */
const HIDING_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'patient-only',
  'never-authorized-actor',
  'profession-not-permitted',
  'dossier-closed',
  'no-dossier',
]);

export type TabAccess = { tab: DossierTab; allowed: true } | { tab: DossierTab; allowed: false; reason: ReasonCode };

/** The tabs this actor sees, each usable or refused with its reason; hidden ones left out. */
export function visibleTabs(ask: Ask): TabAccess[] {
  const shown: TabAccess[] = [];
  for (const tab of DOSSIER_TABS) {
    const { actions, document } = TAB_RULES[tab];
    const [first, ...others] = actions;
    const decision = ask(first, document);
    if (decision.allowed || others.some((action) => ask(action, document).allowed)) shown.push({ tab, allowed: true });
    else if (!HIDING_REASONS.has(decision.reason)) shown.push({ tab, allowed: false, reason: decision.reason });
  }
  return shown;
}
