// custom-elements.json feeds the docs, Storybook controls, IDEs and the generated React/Vue typings, so
// it must list every real event with its class and every part, and nothing else.
// Run: `node --test test/manifest.test.mjs` (npm test runs it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/lib/entries.mjs';
import { manifestProblems } from '../scripts/manifest-check.mjs';

const committed = JSON.parse(readFileSync(join(projectRoot, 'custom-elements.json'), 'utf8'));

/** A copy of the committed manifest with one element changed by `change(declaration)`. */
function withElement(tag, change) {
  const copy = structuredClone(committed);
  const declaration = copy.modules
    .flatMap((module) => module.declarations ?? [])
    .find((d) => d.tagName === tag);
  change(declaration);
  return copy;
}

describe('custom-elements.json', () => {
  it('lists every event with its class and description, and documents every part', () => {
    assert.deepEqual(manifestProblems(committed), []);
  });

  it('lists all 18 Kring events, each typed with its event class', () => {
    const events = committed.modules
      .flatMap((module) => module.declarations ?? [])
      .flatMap((declaration) => declaration.events ?? []);
    assert.equal(new Set(events.map((event) => event.name)).size, 18);
    for (const event of events) assert.match(event.type.text, /^Kring[A-Za-z]+Event$/, event.name);
  });

  it('reports phantom, unnamed and untyped events', () => {
    const problems = manifestProblems(
      withElement('kring-invite', (invite) => {
        invite.events.push({ name: 'invite', type: { text: 'KringInviteSentEvent' } });
        invite.events.push({ type: { text: 'KringInviteRevokedEvent' } });
        invite.events.push({ name: 'kring-invite-copied', description: 'A link was copied.' });
      }),
    );
    assert.ok(
      problems.some((line) => line.includes('event "invite" is not a Kring event name')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((line) => line.includes('unnamed event (KringInviteRevokedEvent)')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((line) => line.includes('"kring-invite-copied" has no event class type')),
      problems.join('\n'),
    );
  });

  it('reports an event typed with the wrong class, and an event class no element lists', () => {
    const problems = manifestProblems(
      withElement('kring-community', (community) => {
        community.events = community.events.filter((event) => event.name !== 'kring-error');
        community.events[0].type = { text: 'KringErrorEvent' };
      }),
    );
    assert.ok(problems.some((line) => line.includes('is typed KringErrorEvent, which fires "kring-error"')));
    assert.ok(
      problems.some((line) =>
        line.startsWith('KringErrorEvent (src/events/community.ts) fires "kring-error"'),
      ),
    );
  });

  it('reports an event an element fires (here through its base class) without @event', () => {
    const problems = manifestProblems(
      withElement('kring-report', (report) => {
        report.events = report.events.filter((event) => event.name !== 'kring-metrics-load');
      }),
    );
    assert.deepEqual(problems, [
      '<kring-report>: fires "kring-metrics-load" (new KringMetricsLoadEvent in src/elements/shared/monthly-metrics-element.ts) without `@event`.',
    ]);
  });

  it('reports a part in a template without @csspart', () => {
    const problems = manifestProblems(
      withElement('kring-people-picker', (picker) => {
        picker.cssParts = picker.cssParts.filter((part) => part.name !== 'popup');
      }),
    );
    assert.deepEqual(problems, [
      '<kring-people-picker>: part "popup" (in src/elements/people-picker/people-picker.ts) has no `@csspart`.',
    ]);
  });
});
