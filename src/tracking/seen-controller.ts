import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommunityClientApi } from '../client/types.js';

/** Share of the element that must be on screen before it counts as seen. */
export const SEEN_THRESHOLD = 0.5;

type Host = ReactiveControllerHost & Element;

/** Elements already reported in this page view: a page view is one document's lifetime. */
const reported = new WeakSet<Element>();
const controllers = new WeakMap<Element, SeenController>();
let sharedObserver: IntersectionObserver | undefined;

/**
 * Whether an entry counts as seen: at least half of the element is visible, or, for an element
 * taller than twice the viewport (a dashboard), it fills at least half of the viewport.
 */
export function isSeen(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  if (entry.intersectionRatio >= SEEN_THRESHOLD) return true;
  const viewport = entry.rootBounds?.height ?? window.innerHeight;
  return viewport > 0 && entry.intersectionRect.height >= viewport * SEEN_THRESHOLD;
}

/** Ratios at which the browser reports, fine enough for the tall-element rule. */
const THRESHOLDS = Array.from({ length: 11 }, (_, step) => step / 10);

/** One observer for every element on the page, however many cards there are. */
function observer(): IntersectionObserver {
  sharedObserver ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (isSeen(entry)) controllers.get(entry.target)?.becameVisible();
      }
    },
    { threshold: THRESHOLDS },
  );
  return sharedObserver;
}

/**
 * Records one `element-seen` activity event (subject: the tag name) the first time at least half of
 * the host is visible (or, for a host taller than twice the viewport, half the viewport shows it),
 * once per page view. Tracking off is honoured by the client, which then sends
 * nothing. Add to any element: `new SeenController(this, () => this.client)`.
 */
export class SeenController implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly client: () => CommunityClientApi | undefined,
    private readonly subject: () => string = () => host.localName,
  ) {
    host.addController(this);
  }

  /** Whether this element was already reported in this page view. */
  get seen(): boolean {
    return reported.has(this.host);
  }

  hostConnected(): void {
    this.watch();
  }

  hostDisconnected(): void {
    this.unwatch();
  }

  /** The client may arrive after the element connected (a late `<kring-community>`), or change. */
  hostUpdated(): void {
    this.watch();
  }

  /**
   * Watches only with a client that records: with tracking off (or no community yet) nothing would be
   * sent, so the browser computes no intersections for it. The observer reports the current state as
   * soon as it starts, so an element already on screen is seen then.
   */
  private watch(): void {
    const client = this.client();
    if (client?.tracking === false) return this.unwatch();
    if (!client || this.seen || controllers.has(this.host) || typeof IntersectionObserver === 'undefined') {
      return;
    }
    controllers.set(this.host, this);
    observer().observe(this.host);
  }

  /** `controllers` holds exactly the hosts being watched. */
  private unwatch(): void {
    if (controllers.delete(this.host)) sharedObserver?.unobserve(this.host);
  }

  /** @internal Called by the shared observer. */
  becameVisible(): void {
    const client = this.client();
    if (this.seen || !client) return;
    reported.add(this.host);
    this.unwatch();
    client.track({ type: 'element-seen', subject: this.subject() });
  }
}
