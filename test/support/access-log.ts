import type { AccessLogEntry } from '../../src/model/access-log.js';

/** An access log line to inject in the mock backend: a professional's normal, allowed reading, unless `overrides` say otherwise. */
export function logEntry(overrides: Partial<AccessLogEntry>): AccessLogEntry {
  return {
    id: 'log-injected',
    at: '2026-11-19T08:00:00.000Z',
    actor: { kind: 'professional', id: 'ps-x', name: 'Dr Injecté', rpps: '10003456786', profession: '10', organisation: 'Clinique' },
    action: 'document.read',
    target: { documentId: 'doc-x', title: 'Compte rendu' },
    mode: 'normal',
    outcome: 'allowed',
    reason: 'allowed',
    secret: false,
    ...overrides,
  };
}
