/**
 * The instant the seed data is written relative to. Every seeded date is at or before it, so a
 * story or test that fixes the mock's clock here sees the data exactly as designed (for example
 * which invisible-to-patient document is still inside its one-month window).
 */
export const SEED_NOW = '2026-11-20T09:00:00.000Z';
