import { msg } from '@lit/localize';
import type { AccessLogEntry } from '../../model/access-log.js';

export function outcomeLabel(outcome: AccessLogEntry['outcome']): string {
  return outcome === 'allowed'
    ? msg('Autorisé')
    : msg('Refusé');
}
