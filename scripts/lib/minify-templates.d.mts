import type { Plugin } from 'vite';

export function minifyCssParts(parts: readonly string[]): string[] | undefined;
export function minifyHtmlParts(parts: readonly string[]): string[];
export function minifyTemplatesIn(
  code: string,
  program: unknown,
  fileName: string,
  warn?: (message: string) => void,
): { code: string; map: unknown } | null;
export function minifyTemplates(): Plugin;
