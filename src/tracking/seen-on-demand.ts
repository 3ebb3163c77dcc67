import type { ReactiveControllerHost } from 'lit';
import type { CommunityClientApi } from '../client/types.js';

/**
 * Gives `host` a `SeenController` once its client records (tracking on): the controller's code loads
 * then, so a page with tracking off (or whose community has not answered yet) never downloads it
 * (issue 18). The check runs on connect and after each update, when a client may have arrived or turned
 * tracking on (once asked, it returns at once); a failed load (offline) tries again on the next one.
 */
export function seenOnDemand(
  host: ReactiveControllerHost & Element,
  client: () => CommunityClientApi | undefined,
): void {
  let asked = false;
  const check = (): void => {
    const current = client();
    if (asked || !current || current.tracking === false) return;
    asked = true;
    import('./seen-controller.js').then(
      // Added to a connected host, the controller starts watching at once (lit calls hostConnected).
      ({ SeenController }) => void new SeenController(host, client),
      () => (asked = false),
    );
  };
  host.addController({ hostConnected: check, hostUpdated: check });
}
