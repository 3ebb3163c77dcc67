import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeTopic, ClientChange, CommunityClientApi } from '../../client/types.js';

/**
 * Calls `onChange` when the client reports a change in one of `topics` (a kudos given, an
 * invitation accepted…), so an element can reload what it shows. Follows the host's client as it
 * changes (subscribing before the host renders), lets go on disconnect and takes it up again on
 * reconnect. `onClient` runs each time a new client is followed.
 */
export class ClientChangesController implements ReactiveController {
  private subscribed?: CommunityClientApi;
  private unsubscribe?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly client: () => CommunityClientApi | undefined,
    private readonly topics: readonly ChangeTopic[],
    private readonly onChange: (change: ClientChange, client: CommunityClientApi) => void,
    private readonly onClient?: (client: CommunityClientApi) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.subscribed) this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.subscribed = undefined;
  }

  private follow(): void {
    const client = this.client();
    if (client === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = client;
    this.unsubscribe = client?.subscribe((change) => {
      if (this.topics.includes(change.topic)) this.onChange(change, client);
    });
    if (client) this.onClient?.(client);
  }
}
