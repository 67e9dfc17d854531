/** A module for the lazy-loading tests to fetch. */
export const LOADED = 'loaded';
