// LoadController (src/elements/shared/load-controller.ts): what the profile card relies on in place of
// @lit/task — a run per change of arguments, the newest run wins, a reload keeps the shown value on screen
// without an update until the new one is here, and a failed run shows its error.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LoadController } from '../src/elements/shared/load-controller.js';

interface Call {
  args: readonly [string];
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: Error) => void;
}

class LoadHost extends LitElement {
  static override properties = { key: {} };
  key = '';
  calls: Call[] = [];
  /** What each update rendered, in order. */
  renders: string[] = [];
  readonly load = new LoadController(this, {
    load: (args: readonly [string], signal) =>
      new Promise<string>((resolve, reject) => this.calls.push({ args, signal, resolve, reject })),
    args: () => (this.key ? ([this.key] as const) : undefined),
  });

  override render() {
    const shown = `${this.load.status}:${this.load.value ?? ''}`;
    this.renders.push(shown);
    return html`${shown}`;
  }
}
customElements.define('load-controller-host', LoadHost);

async function host(key: string) {
  const element = await fixture<LoadHost>(html`<load-controller-host .key=${key}></load-controller-host>`);
  return element;
}

describe('LoadController', () => {
  it('runs when its arguments change, not again for the same ones, and nothing without arguments', async () => {
    const element = await host('');
    expect(element.calls).to.have.length(0);
    element.key = 'a';
    await element.updateComplete;
    expect(element.calls.map((call) => call.args[0])).to.deep.equal(['a']);
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(1);
    element.calls[0].resolve('A');
    await waitUntil(() => element.shadowRoot!.textContent === 'complete:A', 'the value shows');
  });

  it('keeps the newest run: an older one is aborted and its late answer ignored', async () => {
    const element = await host('a');
    element.key = 'b';
    await element.updateComplete;
    const [first, second] = element.calls;
    expect(first.signal.aborted).to.equal(true);
    expect(second.signal.aborted).to.equal(false);
    second.resolve('B');
    first.resolve('A');
    await waitUntil(() => element.shadowRoot!.textContent === 'complete:B', 'the newest value shows');
    await element.updateComplete;
    expect(element.load.value).to.equal('B');
  });

  it('a reload keeps the shown value without an update, and renders once when the new one arrives', async () => {
    const element = await host('a');
    element.calls[0].resolve('A');
    await waitUntil(() => element.shadowRoot!.textContent === 'complete:A', 'first value');
    const rendersBefore = element.renders.length;
    const reload = element.load.run();
    await element.updateComplete;
    expect(element.renders.length, 'no update when the reload starts').to.equal(rendersBefore);
    expect(element.calls).to.have.length(2);
    element.calls[1].resolve('A2');
    await reload;
    await element.updateComplete;
    expect(element.renders.slice(rendersBefore)).to.deep.equal(['complete:A2']);
  });

  it('shows an error, and a retry from it shows the loading state at once', async () => {
    const element = await host('a');
    element.calls[0].reject(new Error('refused'));
    await waitUntil(() => element.shadowRoot!.textContent === 'error:', 'the error shows');
    expect((element.load.error as Error).message).to.equal('refused');
    void element.load.run();
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).to.equal('pending:');
    element.calls[1].resolve('A');
    await waitUntil(() => element.shadowRoot!.textContent === 'complete:A', 'the retried value shows');
  });
});
