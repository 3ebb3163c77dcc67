import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { parseMessage, mentionsIn, safeHref } from '../src/kudos/message.js';
import { renderMessage, LINK_REL } from '../src/kudos/render-message.js';

/** Renders a message into a fresh paragraph, like the feed does. */
function rendered(message: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.style.overflowWrap = 'anywhere';
  paragraph.style.inlineSize = '20rem';
  document.body.append(paragraph);
  render(renderMessage(message), paragraph);
  return paragraph;
}

/** Every element the message produced, ignoring lit's comment markers. */
function elementsIn(root: Element): Element[] {
  return [...root.querySelectorAll('*')];
}

describe('kudos message parsing', () => {
  afterEach(() => document.querySelectorAll('body > p').forEach((node) => node.remove()));

  it('splits text, mentions and http(s) links and keeps every character', () => {
    const message =
      'Thanks @Sanne.de-Vries for https://intranet.example/wiki/Plan_(v2), see http://x.nl/a?b=1. Great!';
    const parts = parseMessage(message);
    expect(parts.map((part) => part.kind)).to.deep.equal([
      'text',
      'mention',
      'text',
      'link',
      'text',
      'link',
      'text',
    ]);
    expect(parts[1]).to.deep.include({ text: '@Sanne.de-Vries', handle: 'Sanne.de-Vries' });
    expect(parts[3]).to.deep.include({ text: 'https://intranet.example/wiki/Plan_(v2)' });
    expect(parts[5]).to.deep.include({ text: 'http://x.nl/a?b=1', href: 'http://x.nl/a?b=1' });
    expect(parts.map((part) => part.text).join('')).to.equal(message);
  });

  it('leaves e-mail addresses, bare @ signs and trailing punctuation out of mentions', () => {
    expect(mentionsIn('mail jan@example.nl or @ alone, thanks @Émile.')).to.deep.equal(['Émile']);
    expect(parseMessage('(https://a.nl/x)').map((part) => part.text)).to.deep.equal([
      '(',
      'https://a.nl/x',
      ')',
    ]);
  });

  it('only makes links of http and https', () => {
    expect(safeHref('https://a.nl')).to.equal('https://a.nl/');
    expect(safeHref('javascript:alert(1)')).to.equal(undefined);
    expect(safeHref('data:text/html,<script>alert(1)</script>')).to.equal(undefined);
    expect(safeHref('http://')).to.equal(undefined);
    expect(safeHref('https://intranet.example@evil.example/login')).to.equal(undefined);
    expect(safeHref('https://user:secret@intranet.example/')).to.equal(undefined);
    expect(
      parseMessage('see https://intranet.example@evil.example/x').map((part) => part.kind),
    ).to.deep.equal(['text']);
    for (const hostile of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(
        parseMessage(`see ${hostile}`).every((part) => part.kind === 'text'),
        hostile,
      ).to.equal(true);
    }
  });
});

describe('kudos message rendering', () => {
  afterEach(() => document.querySelectorAll('body > p').forEach((node) => node.remove()));

  it('renders links with rel="noopener noreferrer" and mentions as styled text', () => {
    const paragraph = rendered('Thanks @Bram, read https://intranet.example/news');
    const links = paragraph.querySelectorAll('a');
    expect(links.length).to.equal(1);
    expect(links[0].getAttribute('href')).to.equal('https://intranet.example/news');
    expect(links[0].getAttribute('rel')).to.equal(LINK_REL);
    expect(links[0].getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[0].getAttribute('target')).to.equal('_blank');
    expect(paragraph.querySelector('.mention')?.textContent).to.equal('@Bram');
    expect(paragraph.textContent).to.equal('Thanks @Bram, read https://intranet.example/news');
  });

  it('renders hostile markup as visible text and runs nothing', async () => {
    const ran: string[] = [];
    (window as unknown as { kudosPwned: (what: string) => void }).kudosPwned = (what) => ran.push(what);
    const hostile = [
      '<script>kudosPwned("script")</script>',
      '<img src=x onerror="kudosPwned(\'img\')">',
      '<svg onload="kudosPwned(\'svg\')"></svg>',
      '<a href="javascript:kudosPwned(\'href\')">click</a>',
      '" onmouseover="kudosPwned(\'attr\')" x="',
      'javascript:kudosPwned("bare")',
      '<iframe srcdoc="<script>parent.kudosPwned(1)</script>"></iframe>',
      'https://a.nl/"><img src=x onerror=kudosPwned("url")>',
    ].join(' ');
    const paragraph = rendered(hostile);
    // The only element allowed is the one real link, and it carries no handler or script URL.
    const elements = elementsIn(paragraph);
    expect(elements.map((element) => element.localName)).to.deep.equal(['a']);
    const link = elements[0] as HTMLAnchorElement;
    expect(link.protocol).to.equal('https:');
    expect([...link.attributes].map((attribute) => attribute.name).sort()).to.deep.equal([
      'dir',
      'href',
      'part',
      'rel',
      'target',
    ]);
    expect(paragraph.textContent).to.equal(hostile);
    // An image with the same broken source has failed to load: an injected one would have fired by now.
    await new Promise((resolve) => {
      const probe = new Image();
      probe.onerror = probe.onload = resolve;
      probe.src = 'x';
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(ran).to.deep.equal([]);
  });

  it('wraps a 5,000-character unbroken string inside its box', () => {
    const long = 'A'.repeat(5_000);
    const paragraph = rendered(`${long} and https://example.nl/${'b'.repeat(3_000)}`);
    expect(paragraph.textContent!.length).to.be.greaterThan(8_000);
    expect(paragraph.scrollWidth).to.be.at.most(paragraph.clientWidth + 1);
    expect(paragraph.querySelectorAll('a').length).to.equal(1);
  });

  it('keeps right-to-left text as text', () => {
    const paragraph = rendered('شكرا @Layla على المساعدة https://a.nl');
    expect(paragraph.textContent).to.equal('شكرا @Layla على المساعدة https://a.nl');
    expect(paragraph.querySelector('.mention')?.textContent).to.equal('@Layla');
    // Isolated, so the "@" stays in front of the name inside right-to-left text.
    expect(paragraph.querySelector('.mention')?.getAttribute('dir')).to.equal('auto');
    expect(paragraph.querySelector('a')?.getAttribute('dir')).to.equal('auto');
  });
});
