import type { DmpEventDetails, DmpEventName } from '../../events.js';

/**
 * Dispatches a typed `dmp-*` event, bubbling and composed so hosts can listen above shadow
 * roots. Returns false when a cancelable event was vetoed.
 */
export function emit<N extends DmpEventName>(
  target: EventTarget,
  name: N,
  detail: DmpEventDetails[N],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
