import type { ReactiveControllerHost } from 'lit';
import { allowedValue } from '../../attribute-values.js';

/**
 * Attribute values checked against their allowed values. A bad value is logged once (naming the
 * element, the attribute and what is allowed) and kept in `list` for the element to show.
 */
export class AttributeProblems {
  list: string[] = [];
  readonly #logged = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost & Element) {}

  /** The allowed value, in any case (`FULL` is `full`); on a bad value a problem and the fallback. */
  check<T extends string>(
    attribute: string,
    value: string | null | undefined,
    allowed: readonly T[],
    fallback: T,
  ): T {
    if (value == null || value === '') return fallback;
    const match = allowedValue(value, allowed);
    if (match !== undefined) return match;
    this.report(
      `<${this.host.localName}> ${attribute}="${value}" is not valid; use one of: ${allowed.join(', ')}.`,
    );
    return fallback;
  }

  /** Logs a configuration problem once and keeps it for rendering. */
  report(message: string): void {
    if (!this.#logged.has(message)) {
      this.#logged.add(message);
      console.error(`[kring] ${message}`);
    }
    if (!this.list.includes(message)) {
      this.list = [...this.list, message];
      this.host.requestUpdate();
    }
  }

  /** Forgets the problems before the attributes are checked again. */
  clear(): void {
    if (!this.list.length) return;
    this.list = [];
    this.host.requestUpdate();
  }
}
