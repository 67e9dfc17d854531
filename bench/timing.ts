/** Timing helpers shared by the benchmarks: frames, paints, DOM conditions, medians. */

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Until the frame after next: what was put in the DOM has been styled, laid out and painted. */
export async function painted(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

/**
 * Until just after the next paint: a task queued from a frame callback runs once that frame is
 * painted. Both sides of a comparison are timed this way, so neither pays a whole extra frame.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );
}

/** Resolves as soon as `done()` holds after a change under `root`, without waiting for a frame. */
export function whenTrue(root: Node, done: () => boolean): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
