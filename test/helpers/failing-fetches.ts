/**
 * Requests of this test page that fail as they do offline, through the runner's `fail-requests` command
 * (test/helpers/fail-requests.mjs).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { disposeClients } from './client-fake-backend.js';

/** The outbox code's module, loaded apart when `loadOutbox: 'when-needed'`. */
export const OUTBOX_CODE = '/src/client/outbox.ts';

/** From now on, fetching `path` fails; `null` stops that. Returns how many failed before. */
export async function failFetching(path: string | null): Promise<number> {
  return (await executeServerCommand<{ failed: number }, { path: string | null }>('fail-requests', { path }))
    .failed;
}

/** How many fetches failed since the last `failFetching`. */
export async function failedFetches(): Promise<number> {
  return (await executeServerCommand<{ failed: number }, undefined>('failed-requests')).failed;
}

/** For `afterEach`: disposes the test's clients and lets every request through again. */
export async function disposeClientsAndGoOnline(): Promise<void> {
  disposeClients();
  await failFetching(null);
}
