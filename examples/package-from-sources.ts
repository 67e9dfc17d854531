import type { Alias } from 'vite';
import { entries } from '../vite.config.ts';

/**
 * `dmp-elements` and `dmp-elements/<name>` resolved to the sources of what the package builds
 * them from: the examples import what an application imports, and build without `npm run build`
 * first. (`npm run check:package` checks that the built package answers to the same names.)
 */
export const packageFromSources: Alias[] = Object.entries(entries).map(([name, file]) => ({
  find: name === 'index' ? /^dmp-elements$/ : new RegExp(`^dmp-elements/${name}$`),
  replacement: file,
}));
