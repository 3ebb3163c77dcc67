import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommunityClientApi } from '../client/types.js';

/**
 * Gives `host` a `SeenController` once its client records (tracking on): the controller's code loads
 * then, so a page with tracking off (or whose community has not answered yet) never downloads it
 * (issue 18). Until then the controller's check below runs on connect and after each update, when a
 * client may have arrived or turned tracking on; a failed load (offline) tries again on the next one.
 */
export function seenOnDemand(
  host: ReactiveControllerHost & Element,
  client: () => CommunityClientApi | undefined,
): ReactiveController {
  let loading = false;
  const check = (): void => {
    const current = client();
    if (loading || !current || current.tracking === false) return;
    loading = true;
    host.removeController(waiting);
    import('./seen-controller.js').then(
      // Added to a connected host, the controller starts watching at once (lit calls hostConnected).
      ({ SeenController }) => void new SeenController(host, client),
      () => {
        loading = false;
        host.addController(waiting);
      },
    );
  };
  const waiting: ReactiveController = { hostConnected: check, hostUpdated: check };
  host.addController(waiting);
  return waiting;
}
