import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export interface MinifiedCssLiterals {
  code: string;
  map: import('magic-string').SourceMap | null;
  minified: number;
  skipped: number;
}
export function minifyCssLiterals(code: string, filename: string): MinifiedCssLiterals | null;
export function minifyCssLiteralsPlugin(): VitePlugin;
export function minifyCssLiteralsEsbuild(): EsbuildPlugin;
