import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Listens for one Kring event on the host's document while the host is connected (typed by the page's
 * event map), and lets go when it disconnects: how an element answers a request that another element
 * or the page sends, without reaching into it.
 */
export class PageEventController<K extends keyof DocumentEventMap> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly type: K,
    private readonly listener: (event: DocumentEventMap[K]) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.ownerDocument.addEventListener(this.type, this.listener);
  }

  hostDisconnected(): void {
    this.host.ownerDocument.removeEventListener(this.type, this.listener);
  }
}
