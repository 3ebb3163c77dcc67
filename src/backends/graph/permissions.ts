import { BackendError, isBackendError } from '../../errors.js';

/** What the adapter was doing when Graph refused: each needs its own delegated permission. */
export type GraphArea = 'me' | 'people' | 'search' | 'skills' | 'sites-read' | 'sites-write';

/** The least-privileged delegated permission behind each area (Microsoft Graph permissions reference). */
export const GRAPH_PERMISSIONS: Record<GraphArea, string> = {
  me: 'User.Read',
  people: 'User.Read.All',
  search: 'User.Read.All',
  skills: 'User.Read.All',
  'sites-read': 'Sites.Read.All',
  'sites-write': 'Sites.ReadWrite.All',
};

const ACTIONS: Record<GraphArea, string> = {
  me: 'read your profile',
  people: 'read colleagues’ profiles',
  search: 'search the directory',
  skills: 'read skills',
  'sites-read': 'read the community lists',
  'sites-write': 'save to the community lists',
};

/** Error code of the message below, for callers that decide on it. */
export const MISSING_PERMISSION_CODE = 'missing-permission';

/** A 403 rewritten as "missing permission X": what an administrator must grant, by name. */
export function missingPermission(area: GraphArea, cause?: unknown): BackendError {
  const permission = GRAPH_PERMISSIONS[area];
  return new BackendError(
    'forbidden',
    `Microsoft Graph did not allow Kring to ${ACTIONS[area]}: missing permission ${permission}. ` +
      `An administrator must grant the delegated Microsoft Graph permission ${permission} to this app ` +
      '(Microsoft Entra admin center → App registrations → API permissions → Grant admin consent).',
    { status: 403, code: MISSING_PERMISSION_CODE, cause },
  );
}

/** Runs `work`, turning a 403 into the permission message for `area`. */
export async function withPermission<T>(area: GraphArea, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isBackendError(error) && error.kind === 'forbidden' && error.code !== MISSING_PERMISSION_CODE) {
      throw missingPermission(area, error);
    }
    throw error;
  }
}
