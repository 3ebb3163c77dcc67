import type { Plugin } from 'vite';

export function secondMinify(options?: { module?: boolean }): Plugin;
