import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeTopic, CommunityClientApi } from '../../client/types.js';

/**
 * Calls `onChange` when the client reports a change in one of `topics` (a kudos given, an
 * invitation accepted…), so a view of figures can reload. Follows the host's client as it changes.
 */
export class ClientChangesController implements ReactiveController {
  private subscribed?: CommunityClientApi;
  private unsubscribe?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly client: () => CommunityClientApi | undefined,
    private readonly topics: readonly ChangeTopic[],
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const client = this.client();
    if (client === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = client;
    this.unsubscribe = client?.subscribe((change) => {
      if (this.topics.includes(change.topic)) this.onChange();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.subscribed = undefined;
  }
}
