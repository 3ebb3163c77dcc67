import { backendFactory, registerBackend, type BackendFactory } from './registry.js';
import { requireGraphToken } from './graph/settings.js';

/**
 * The adapters behind `backend="demo|rest|sharepoint|graph"` for ESM builds: each loads on demand,
 * so a page that uses one backend does not download the others. The script-tag bundle registers
 * URL-based loaders instead (see `src/iife.ts`).
 */
export function registerBuiltinBackends(): void {
  registerDefault('demo', async (settings) => {
    const { createDemoBackend } = await import('./demo/index.js');
    return createDemoBackend({ latencyMs: 120, ...settings.demo });
  });
  registerDefault('rest', async (settings) => {
    const { restBackendFactory } = await import('./rest/index.js');
    return restBackendFactory(settings);
  });
  registerDefault('sharepoint', async (settings) => {
    const { sharePointBackendFactory } = await import('./sharepoint/index.js');
    return sharePointBackendFactory(settings);
  });
  registerDefault('graph', async (settings) => {
    requireGraphToken(settings);
    const { graphBackendFactory } = await import('./graph/index.js');
    return graphBackendFactory(settings);
  });
}

/** An integrator's own registration (made earlier) wins over the built-in one. */
function registerDefault(name: string, factory: BackendFactory): void {
  if (!backendFactory(name)) registerBackend(name, factory);
}
