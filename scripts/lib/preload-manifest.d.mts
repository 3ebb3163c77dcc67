import type { Plugin } from 'vite';

export const MANIFEST_FILE: string;
export function chunkGroups(entries: {
  core: string;
  /** The public API module (`src/api.ts`), which the core loads on demand. */
  api?: string;
  backends: Record<string, string>;
  elements: Record<string, string>;
}): NonNullable<import('rolldown').OutputOptions['codeSplitting']>;
export function preloadManifest(): Plugin;
export function inlinePreloadManifest(distDir: string): Plugin;
