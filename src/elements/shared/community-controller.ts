import type { ReactiveElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { clientContext, configContext, type KringConfig } from '../../context.js';
import type { CommunityClientApi } from '../../client/types.js';
import type { Language } from '../../i18n/index.js';
import { CommunityConnectionController } from './community-connection.js';

/**
 * The host's community: the client and config from the nearest `<kring-community>` (or the page-level
 * one), followed as they change, and whether one answered in time (`community-connection.ts`). A change
 * requests an update named `client` or `config`, so `changed.has('client')` works in the host.
 */
export class CommunityController {
  client?: CommunityClientApi;
  config?: KringConfig;

  readonly #connection: CommunityConnectionController;
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement, notConnectedAfterMs: () => number) {
    this.#host = host;
    // The consumers come first, so later controllers see the client when the host connects.
    new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (client) => this.#set('client', client),
    });
    new ContextConsumer(host, {
      context: configContext,
      subscribe: true,
      callback: (config) => this.#set('config', config),
    });
    this.#connection = new CommunityConnectionController(
      host,
      () => ({ client: this.client, config: this.config }),
      notConnectedAfterMs,
    );
  }

  /** True when no community answered in time, or it answered with a configuration problem. */
  get notConnected(): boolean {
    return this.#connection.notConnected;
  }

  /** What the host says instead of loading forever (see `notConnected`). */
  notConnectedMessage(language: Language): string {
    return this.#connection.message(language);
  }

  #set<K extends 'client' | 'config'>(name: K, value: this[K]): void {
    const old = this[name];
    if (old === value) return;
    this[name] = value;
    this.#host.requestUpdate(name, old);
    // A community that arrives late clears the flag; one with a configuration problem sets it.
    this.#connection.changed(name);
  }
}
