// The event convention: every Kring event is a class in `src/events/` extending `Event`, bubbling out of
// shadow roots, with a static `eventName` and a typed `detail`, and typed for listeners on `document`
// (this file must type-check: `npm run typecheck` covers test/).
import { expect } from '@open-wc/testing';
import * as events from '../src/events/index.js';
import * as kring from '../src/index.js';
import type { Kudos, KudosInput } from '../src/model.js';

type EventClass = { eventName: string; new (detail: never): Event & { detail: unknown } };

const eventClasses = (Object.entries(events) as [string, unknown][]).filter(
  (entry): entry is [string, EventClass] =>
    typeof entry[1] === 'function' && typeof (entry[1] as Partial<EventClass>).eventName === 'string',
);

describe('Kring events', () => {
  it('are one class per event name, each exported from the package index', () => {
    const names = eventClasses.map(([, eventClass]) => eventClass.eventName);
    expect(names).to.have.length(18);
    expect(new Set(names).size).to.equal(names.length);
    for (const [className, eventClass] of eventClasses) {
      expect(className).to.match(/^Kring[A-Za-z]+Event$/);
      expect(eventClass.eventName).to.match(/^kring-[a-z-]+$/);
      expect((kring as Record<string, unknown>)[className], className).to.equal(eventClass);
    }
  });

  it('keep the earlier class names as aliases', () => {
    expect(kring.MetricsLoadEvent).to.equal(events.KringMetricsLoadEvent);
    expect(kring.ReportDownloadEvent).to.equal(events.KringReportDownloadEvent);
    expect(kring.PersonSelectEvent).to.equal(events.KringPersonSelectEvent);
    expect(kring.InviteRequestEvent).to.equal(events.KringInviteRequestEvent);
    expect(kring.EndorseEvent).to.equal(events.KringEndorseEvent);
  });

  it('bubble out of shadow roots under their name and carry their detail', () => {
    for (const [className, eventClass] of eventClasses) {
      const detail = { marker: className } as never;
      const event = new eventClass(detail);
      expect(event, className).to.be.instanceOf(Event);
      expect(event.type, className).to.equal(eventClass.eventName);
      expect(event.bubbles && event.composed, className).to.equal(true);
      expect(event.detail, className).to.equal(detail);
    }
  });

  it('are cancelable where the element acts on them (person select, report download)', () => {
    const cancelable = eventClasses
      .filter(([, eventClass]) => new eventClass({} as never).cancelable)
      .map(([, eventClass]) => eventClass.eventName)
      .sort();
    expect(cancelable).to.deep.equal(['kring-person-select', 'kring-report-download']);
  });

  it('reach a typed listener on document from inside a shadow root', () => {
    const host = document.createElement('div');
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(host);
    const kudos = { id: 'k1', message: 'Thanks' } as Kudos;
    const input = { to: ['p2'], message: 'Thanks' } as KudosInput;
    let heard: string | undefined;
    let rule: string | undefined;
    const onSent = (event: events.KringKudosSentEvent) => {
      // Typed through GlobalEventHandlersEventMap: no cast, and a wrong field does not compile.
      heard = event.detail.kudos.message;
      // @ts-expect-error `detail` has no `receivers`
      void event.detail.receivers;
    };
    const onFailed = (event: events.KringKudosFailedEvent) => (rule = event.detail.code);
    document.addEventListener('kring-kudos-sent', onSent);
    document.addEventListener('kring-kudos-sent', (event) => {
      const message: string = event.detail.input.message;
      void message;
    });
    document.addEventListener('kring-kudos-failed', onFailed);
    try {
      inner.dispatchEvent(new events.KringKudosSentEvent({ kudos, input }));
      expect(heard).to.equal('Thanks');
      inner.dispatchEvent(
        new events.KringKudosFailedEvent({
          input,
          error: new kring.BackendError('invalid', 'Too many today', { code: 'kudos.daily-limit' }),
          code: 'kudos.daily-limit',
        }),
      );
      expect(rule).to.equal('kudos.daily-limit');
    } finally {
      document.removeEventListener('kring-kudos-sent', onSent);
      document.removeEventListener('kring-kudos-failed', onFailed);
      host.remove();
    }
  });
});
