/** How long a break-glass or regulation grant lasts (DESIGN.md: the grant is for one hour). */
export const EMERGENCY_GRANT_DURATION_MS = 60 * 60 * 1000;

/**
 * How long a grant received now still lasts, by this device's clock. `expiresAt` is by the
 * server's clock: a device clock behind it cannot stretch the grant past its hour, and one so far
 * ahead that the grant would seem over already (or a server answering with a frozen clock) counts
 * the hour from now.
 */
export function grantLifetimeMs(expiresAt: string, now: number): number {
  const byServer = Date.parse(expiresAt) - now;
  return byServer > 0 ? Math.min(byServer, EMERGENCY_GRANT_DURATION_MS) : EMERGENCY_GRANT_DURATION_MS;
}
