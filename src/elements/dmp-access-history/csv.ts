import { msg } from '@lit/localize';
import { formatDateTime } from '../../i18n/format.js';
import { actionLabel, modeLabel } from '../../i18n/labels.js';
import { loggedRefusalText } from '../../i18n/logged-refusal.js';
import type { AccessLogEntry } from '../../model/access-log.js';
import { actorRoleLabel } from '../../i18n/labels.js';
import { outcomeLabel } from './texts.js';

/** French spreadsheets split on `;` (the comma is their decimal separator). */
export const CSV_SEPARATOR = ';';
/** Lets Excel read the file as UTF-8 rather than the system code page. */
export const UTF8_BOM = '\uFEFF';

/**
 * `=`, `+`, `-` and `@` start a formula in spreadsheets (DECISIONS 18), and a leading tab or
 * carriage return is trimmed by some of them before that test (OWASP CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One quoted cell: inner quotes doubled, a would-be formula defused with a leading `'`. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole file: BOM, every field quoted, `;` between fields, CRLF after each row (RFC 4180). */
export function encodeCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR) + '\r\n').join('');
}

/** The history as rows, header first, with the same words as on screen. */
export function accessLogRows(entries: readonly AccessLogEntry[], locale: string | undefined): string[][] {
  const header = [
    msg('Date et heure'),
    msg('Nom'),
    msg('RPPS'),
    msg('Profession ou rôle'),
    msg('Organisation'),
    msg('Action'),
    msg('Objet'),
    msg('Mode d’accès'),
    msg('Résultat'),
    msg('Motif du refus'),
    msg('Justification'),
  ];
  const rows = entries.map((e) => [
    formatDateTime(e.at, locale),
    e.actor.name,
    e.actor.rpps ?? '',
    actorRoleLabel(e.actor),
    e.actor.organisation ?? '',
    actionLabel(e.action),
    e.target?.title ?? '',
    modeLabel(e.mode),
    outcomeLabel(e.outcome),
    e.outcome === 'denied' ? loggedRefusalText(e.reason) : '',
    e.justification ?? '',
  ]);
  return [header, ...rows];
}
