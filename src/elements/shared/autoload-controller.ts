import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeForAutoload } from '../../autoload.js';

/** Kring tags rendered inside the host's shadow root load on first use, like those in the page. */
export class AutoloadController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // The shadow root exists by now: lit creates it before it connects the controllers.
    if (this.host.shadowRoot) observeForAutoload(this.host.shadowRoot);
  }
}
