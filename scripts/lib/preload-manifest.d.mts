import type { Plugin } from 'vite';

export const MANIFEST_FILE: string;
export function chunkGroups(entries: {
  core: string;
  backends: Record<string, string>;
  elements: Record<string, string>;
}): NonNullable<import('rolldown').OutputOptions['codeSplitting']>;
export function preloadManifest(): Plugin;
export function inlinePreloadManifest(distDir: string): Plugin;
