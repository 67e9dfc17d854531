/**
 * Offers `blob` as a file: a temporary `<a download>` inside `root`, clicked once. The object URL
 * is revoked a little later, since some browsers read it only after the click has returned.
 */
export function offerDownload(root: ShadowRoot, blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `2026-11-20`: the user's calendar day, for a file name. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
