import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KringConfig } from '../../context.js';
import type { Language } from '../../i18n/index.js';
import { loadProblems, problemText } from './problem-text.js';

/**
 * Controllers waiting for a community, each with the time it stops waiting: one timer serves them all (a
 * page of 200 cards set 200 timers), set for the earliest.
 */
const waiting = new Map<CommunityConnectionController, number>();
let wakeAt = Infinity;
let wakeTimer: ReturnType<typeof setTimeout> | undefined;

function wakeBy(at: number): void {
  if (at >= wakeAt) return;
  clearTimeout(wakeTimer);
  wakeAt = at;
  wakeTimer = setTimeout(wake, Math.max(0, at - performance.now()));
}

function wake(): void {
  wakeAt = Infinity;
  const now = performance.now();
  let next = Infinity;
  for (const [controller, at] of waiting) {
    if (at > now) next = Math.min(next, at);
    else {
      waiting.delete(controller);
      controller.waited();
    }
  }
  if (next < Infinity) wakeBy(next);
}

interface Connection {
  client?: unknown;
  config?: KringConfig;
}

/**
 * Whether the element reached a `<kring-community>`: `notConnected` turns true when none answered within
 * `afterMs` (a community elsewhere on the page without `page`, or none at all), so the element says so
 * instead of loading forever; at once when the community answered with a configuration problem.
 */
export class CommunityConnectionController implements ReactiveController {
  /** Turns true only once the text that says so is here (it loads with the first problem). */
  notConnected = false;
  /** What `notConnected` is to become (the text may still be loading). */
  #wanted = false;

  readonly #host: ReactiveControllerHost & Element;
  readonly #connection: () => Connection;
  readonly #afterMs: () => number;

  constructor(host: ReactiveControllerHost & Element, connection: () => Connection, afterMs: () => number) {
    this.#host = host;
    this.#connection = connection;
    this.#afterMs = afterMs;
    host.addController(this);
  }

  hostConnected(): void {
    const at = performance.now() + this.#afterMs();
    waiting.set(this, at);
    wakeBy(at);
  }

  hostDisconnected(): void {
    waiting.delete(this);
  }

  /** @internal The wait after connecting is over. */
  waited(): void {
    const { client, config } = this.#connection();
    if (client) return;
    // A community that answered with its settings but has no client has not connected its backend
    // (it says why itself when that failed), so only a missing community is reported here.
    if (!config)
      loadProblems().then(
        (problems) => problems.reportMissingCommunity(this.#host.localName),
        () => {},
      );
    this.#set(true);
  }

  /** The host's `client` or `config` changed: a late community clears the flag, a bad one sets it. */
  changed(name: PropertyKey | undefined): void {
    const { client, config } = this.#connection();
    if (name === 'client' && client && this.notConnected) this.#set(false);
    // A community whose attributes are wrong will not send a client: say why at once, without waiting.
    if (name === 'config' && config?.problem && !client) this.#set(true);
  }

  /**
   * What an element without a client says: that there is no community, the community's configuration
   * problem (a bad `backend`), or (when a community answered with its settings) that it has not
   * connected its backend.
   */
  message(language: Language): string {
    const config = this.#connection().config;
    const problem = config?.problem;
    const text = problem
      ? problemText(language, 'community.badAttribute', { problem })
      : problemText(language, config ? 'community.notStarted' : 'community.notConnected');
    // `notConnected` turned true when the texts were here, and the host waits for its language's strings:
    // this is a string but for a host that renders before either.
    if (typeof text === 'string') return text;
    void text.then(() => this.#host.requestUpdate());
    return '';
  }

  #set(value: boolean): void {
    this.#wanted = value;
    // Shown when the texts are here, or could not come (then `message` gives the one sentence the core has).
    const show = () => this.#show();
    if (value) loadProblems().then(show, show);
    else this.#show();
  }

  #show(): void {
    if (this.notConnected === this.#wanted) return;
    this.notConnected = this.#wanted;
    this.#host.requestUpdate();
  }
}
