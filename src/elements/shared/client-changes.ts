import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeTopic, ClientChange, CommunityClientApi } from '../../client/types.js';

/**
 * Calls `onChange` when the client reports a change in one of `topics` (a kudos given, an
 * invitation accepted…), so an element can reload what it shows. Follows the host's client as it
 * changes (subscribing before the host renders) while the host is connected, lets go on disconnect
 * and takes it up again on reconnect. `onClient` runs each time it follows another client.
 */
export class ClientChangesController implements ReactiveController {
  #subscribed?: CommunityClientApi;
  #unsubscribe?: () => void;
  #connected = false;

  readonly #client: () => CommunityClientApi | undefined;
  readonly #topics: readonly ChangeTopic[];
  readonly #onChange: (change: ClientChange, client: CommunityClientApi) => void;
  readonly #onClient?: (client: CommunityClientApi | undefined) => void;

  constructor(
    host: ReactiveControllerHost,
    client: () => CommunityClientApi | undefined,
    topics: readonly ChangeTopic[],
    onChange: (change: ClientChange, client: CommunityClientApi) => void,
    onClient?: (client: CommunityClientApi | undefined) => void,
  ) {
    this.#client = client;
    this.#topics = topics;
    this.#onChange = onChange;
    this.#onClient = onClient;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribed = undefined;
  }

  #follow(): void {
    const client = this.#client();
    if (!this.#connected || client === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = client;
    this.#unsubscribe = client?.subscribe((change) => {
      if (this.#topics.includes(change.topic)) this.#onChange(change, client);
    });
    this.#onClient?.(client);
  }
}
