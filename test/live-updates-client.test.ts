import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { LiveEvent } from '../src/backends/backend.js';
import type { FetchLike } from '../src/backends/http/index.js';
import { createRestBackend } from '../src/backends/rest/index.js';
import { createClient } from '../src/client/community-client.js';
import type { ClientChange } from '../src/client/types.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import type { Kudos } from '../src/model.js';
import { $$, inCommunity, testBackend } from './helpers/kudos.js';

const endpoint = '/api/kring';

/** A server-sent events response whose chunks the test writes and whose end it decides. */
function sseResponse() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

/** A fetch answering `/events` with the next prepared stream (or the given status), recording requests. */
function streamingFetch() {
  const requests: { url: string; headers: Headers }[] = [];
  const streams: ReturnType<typeof sseResponse>[] = [];
  let status = 200;
  const fetch: FetchLike = async (input, init) => {
    // The client's other reads (the outbox asks who is signed in) are not this test's business.
    if (!String(input).endsWith('/events')) return new Response(null, { status: 503 });
    requests.push({ url: String(input), headers: new Headers(init?.headers) });
    if (status !== 200) return new Response(null, { status });
    const stream = sseResponse();
    streams.push(stream);
    return stream.response;
  };
  return {
    fetch,
    requests,
    streams,
    answer: (code: number) => void (status = code),
  };
}

const kudos = (id: string, message: string): Kudos => ({
  id,
  from: 'p00002',
  to: ['p00003'],
  message,
  createdAt: '2026-11-20T09:59:00.000Z',
  reactions: [{ type: 'thanks', count: 0, reactedByMe: false }],
});

describe('live updates (REST adapter and client)', () => {
  it('is off unless the server is said to offer it', () => {
    expect(createRestBackend({ endpoint }).capabilities.liveUpdates).to.equal(false);
    expect(createRestBackend({ endpoint, liveUpdates: true }).capabilities.liveUpdates).to.equal(true);
  });

  it('reads events split anywhere, with the token, the resume id and CRLF line ends', async () => {
    const server = streamingFetch();
    const backend = createRestBackend({
      endpoint,
      fetch: server.fetch,
      liveUpdates: true,
      getToken: () => 'secret-token',
    });
    const events: LiveEvent[] = [];
    const controller = new AbortController();
    const done = backend.streamEvents!({
      lastEventId: '41',
      signal: controller.signal,
      onEvent: (event) => events.push(event),
    });
    await waitUntil(() => server.streams.length === 1);
    const [request] = server.requests;
    expect(request.url).to.match(/\/api\/kring\/events$/);
    expect(request.headers.get('authorization')).to.equal('Bearer secret-token');
    expect(request.headers.get('last-event-id')).to.equal('41');
    expect(request.headers.get('accept')).to.equal('text/event-stream');
    const [stream] = server.streams;
    stream.write('retry: 2000\n\n: ping\n\nid: 42\nevent: kud');
    stream.write(`os\ndata: ${JSON.stringify({ kudos: kudos('k-1', 'Hallo') })}\n`);
    stream.write('\r\nid: 43\r\nevent: endorsement\r\ndata: {"personId":"p00003","skill":"Go"}\r\n\r\n');
    stream.end();
    await done;
    expect(events.map((event) => [event.id, event.type])).to.deep.equal([
      ['42', 'kudos'],
      ['43', 'endorsement'],
    ]);
    expect((events[0].data as { kudos: Kudos }).kudos.message).to.equal('Hallo');
  });

  it('the client applies events as changes and resumes after a drop with the last id', async () => {
    const server = streamingFetch();
    const backend = createRestBackend({ endpoint, fetch: server.fetch, liveUpdates: true });
    const client = createClient(backend, { storage: null, eventTarget: null, random: () => 0 });
    const changes: ClientChange[] = [];
    client.subscribe((change) => changes.push(change));
    await waitUntil(() => server.streams.length === 1);
    server.streams[0].write('id: 7\nevent: ready\ndata: {}\n\n');
    await waitUntil(() => client.liveConnected, 'attached');
    server.streams[0].write(
      `id: 8\nevent: kudos\ndata: ${JSON.stringify({ kudos: kudos('k-8', 'Live') })}\n\n`,
    );
    await waitUntil(() => changes.some((change) => change.topic === 'kudos'));
    expect(changes.find((change) => change.topic === 'kudos')?.kudos?.id).to.equal('k-8');
    expect(changes.find((change) => change.topic === 'people')?.ids).to.deep.equal(['p00003']);
    server.streams[0].end();
    await waitUntil(() => server.streams.length === 2, 'reconnected');
    expect(server.requests[1].headers.get('last-event-id')).to.equal('8');
    client.dispose();
  });

  it('does not ask again when the server offers no stream (204)', async () => {
    const server = streamingFetch();
    server.answer(204);
    const backend = createRestBackend({ endpoint, fetch: server.fetch, liveUpdates: true });
    const client = createClient(backend, { storage: null, eventTarget: null, random: () => 0 });
    client.subscribe(() => undefined);
    await waitUntil(() => server.requests.length === 1);
    // The answer is handled before a later subscriber could start another stream.
    await new Promise((resolve) => setTimeout(resolve));
    client.subscribe(() => undefined);
    expect(server.requests.length).to.equal(1);
    client.dispose();
  });

  it('a feed shows a pushed kudos once, also when the same kudos comes again and a refetch crosses it', async () => {
    const { backend } = testBackend();
    let push!: (event: LiveEvent) => void;
    const live = new Proxy(backend, {
      get(target, property, receiver) {
        if (property === 'capabilities') return { ...target.capabilities, liveUpdates: true };
        if (property === 'streamEvents')
          return ({ onEvent, signal }: { onEvent: (event: LiveEvent) => void; signal: AbortSignal }) => {
            push = onEvent;
            onEvent({ id: '1', type: 'ready', data: {} });
            return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const { element } = await inCommunity<KringKudosFeed>(
      live,
      html`<kring-kudos-feed limit="5"></kring-kudos-feed>`,
    );
    await waitUntil(() => $$(element, '[part~="item"]').length > 0, 'the feed loaded');
    // The stream opens once its code has arrived (it loads with the first subscriber).
    await waitUntil(() => push !== undefined, 'the stream is open');
    // Someone else gives kudos: the backend has it, and the stream says so.
    const [me] = (await backend.searchPeople({ limit: 3 })).items.map((match) => match.person.id);
    const given = await backend.giveKudos(
      { to: [me], message: 'Pushed to the page' },
      { idempotencyKey: 'live-1' },
    );
    push({ id: '2', type: 'kudos', data: { kudos: given } });
    const shown = () =>
      $$(element, '[part~="item"] [part~="message"]').filter(
        (node) => node.textContent?.trim() === 'Pushed to the page',
      );
    await waitUntil(() => shown().length === 1, 'the pushed kudos shows');
    push({ id: '3', type: 'kudos', data: { kudos: given } });
    push({ id: '4', type: 'reaction', data: { kudos: { ...given, reactions: given.reactions } } });
    await element.updateComplete;
    expect(shown().length).to.equal(1);

    // The feed reloads (another limit) while the event of a kudos that its new page also holds arrives.
    const crossing = await backend.giveKudos(
      { to: [me], message: 'Read and pushed at once' },
      { idempotencyKey: 'live-2' },
    );
    element.setAttribute('limit', '6');
    await element.updateComplete;
    push({ id: '5', type: 'kudos', data: { kudos: crossing } });
    const crossed = () =>
      $$(element, '[part~="item"] [part~="message"]').filter(
        (node) => node.textContent?.trim() === 'Read and pushed at once',
      );
    await waitUntil(() => crossed().length > 0 && $$(element, '[part~="item"]').length >= 6, 'reloaded');
    expect(crossed().length).to.equal(1);
    expect(shown().length).to.equal(1);
  });
});
