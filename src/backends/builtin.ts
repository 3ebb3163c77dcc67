import { backendFactory, registerBackend, type BackendFactory } from './registry.js';

/** Each built-in adapter's factory, loaded on demand. */
const BUILTIN: Record<string, () => Promise<BackendFactory>> = {
  demo: async () => {
    const { createDemoBackend } = await import('./demo/index.js');
    return (settings) => createDemoBackend({ latencyMs: 120, ...settings.demo });
  },
  rest: async () => (await import('./rest/index.js')).restBackendFactory,
  sharepoint: async () => (await import('./sharepoint/index.js')).sharePointBackendFactory,
  // Says that a token function is missing once loaded (`requireGraphToken`); the script tag preloads it anyway.
  graph: async () => (await import('./graph/index.js')).graphBackendFactory,
};

/**
 * The adapters behind `backend="demo|rest|sharepoint|graph"`: each loads on demand, so a page that
 * uses one backend does not download the others (the script tag preloads the one a
 * `<kring-community backend>` names). An integrator's own registration (made earlier) wins.
 */
export function registerBuiltinBackends(): void {
  for (const [name, load] of Object.entries(BUILTIN)) {
    if (!backendFactory(name)) registerBackend(name, async (settings) => (await load())(settings));
  }
}
