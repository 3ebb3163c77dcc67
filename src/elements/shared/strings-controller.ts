import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onStringsChange } from '../../i18n/index.js';

/**
 * Renders its element again when an integrator registers a language or strings after the element
 * has rendered (a page script that runs late, a language pack loaded on demand).
 */
export class StringsController implements ReactiveController {
  #unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = onStringsChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
