/** Every demo backend's stored writes start with this; `Kring.signOut()` removes them. */
export const DEMO_STORAGE_PREFIX = 'kring-demo:';
