/**
 * The keyboard behaviour of the shared ComboboxController (src/elements/shared/combobox-controller.ts),
 * driven with real keys through both elements that use it: the expertise finder and the people picker
 * answer the same keys the same way. The one declared difference is the selection model: the finder
 * activates no option until an arrow key is pressed (Enter searches), the picker activates the best
 * match as soon as it shows (Enter adds it).
 */
import { expect, fixture, html, waitUntil as waitUntilDefault } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/expertise-finder/define.js';
import '../src/elements/people-picker/define.js';
import { announcementQueue } from '../src/elements/shared/announcer.js';
import { FakeClient, PEOPLE, person, provide, skill } from './helpers/expertise-finder.js';
import { typeBurst } from './helpers/typing.js';

/** The machine is shared and busy: allow more than the default second for a condition. */
const waitUntil = (condition: () => unknown, message?: string) =>
  waitUntilDefault(condition, message, { timeout: 5000 });

interface Subject {
  tag: 'kring-expertise-finder' | 'kring-people-picker';
  selection: 'manual' | 'automatic';
  /** The element's count announcement for three results. */
  threeFound: string;
  /** Whether Tab leaves the popup open (the finder's facets and buttons follow its results). */
  tabKeepsOpen: boolean;
  /** The box that scrolls the options. */
  scroller: string;
}

const SUBJECTS: Subject[] = [
  {
    tag: 'kring-expertise-finder',
    selection: 'manual',
    threeFound: '3 people found',
    tabKeepsOpen: true,
    scroller: '[part~="results"]',
  },
  {
    tag: 'kring-people-picker',
    selection: 'automatic',
    threeFound: '3 colleagues found.',
    tabKeepsOpen: false,
    scroller: '[part~="popup"]',
  },
];

async function mount(subject: Subject, client: FakeClient): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provide(host, client);
  const wrapper = await fixture<HTMLDivElement>(
    subject.tag === 'kring-expertise-finder'
      ? html`<div>
          <kring-expertise-finder style="--kring-finder-max-height: 7rem"></kring-expertise-finder>
          <button>After</button>
        </div>`
      : html`<div>
          <kring-people-picker max-results="20"></kring-people-picker>
          <button>After</button>
        </div>`,
    { parentNode: host },
  );
  const element = wrapper.querySelector<HTMLElement>(subject.tag)!;
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

function view(element: HTMLElement) {
  const root = element.shadowRoot!;
  const input = root.querySelector('input')!;
  return {
    input,
    options: () => [...root.querySelectorAll<HTMLElement>('[role="option"]')],
    expanded: () => input.getAttribute('aria-expanded') === 'true',
    /** The name in the option the field points at with aria-activedescendant. */
    activeName: () => {
      const id = input.getAttribute('aria-activedescendant');
      const option = id ? root.getElementById(id) : null;
      return option?.querySelector('[part~="name"], .option-name')?.textContent?.trim();
    },
  };
}

/** The element with `text` typed into its field and at least `results` options shown. */
async function typed(subject: Subject, client: FakeClient, text: string, results: number) {
  const element = await mount(subject, client);
  const field = view(element);
  field.input.focus();
  await typeBurst(text);
  await waitUntil(() => field.options().length >= results, `${results} results`);
  return { element, field };
}

/** Escape keydowns that got out of the element (none should while Escape closes or clears something). */
function escapesOutside(): { count: () => number; stop: () => void } {
  let count = 0;
  const listener = (event: KeyboardEvent) => {
    if (event.key === 'Escape') count++;
  };
  document.addEventListener('keydown', listener);
  return { count: () => count, stop: () => document.removeEventListener('keydown', listener) };
}

async function press(element: HTMLElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

for (const subject of SUBJECTS) {
  describe(`combobox keyboard: <${subject.tag}>`, () => {
    beforeEach(() => announcementQueue().clear());

    it('arrows wrap, Home/End jump once an option is active, Escape closes then clears and stops there', async () => {
      const { element, field } = await typed(subject, new FakeClient(), 'power bi', 3);
      expect(field.expanded()).to.equal(true);
      await waitUntil(
        () => announcementQueue().liveRegion.textContent!.includes(subject.threeFound),
        'the count is said',
      );

      // The selection model: manual shows no active option, automatic the best match.
      if (subject.selection === 'manual') {
        expect(field.input.hasAttribute('aria-activedescendant')).to.equal(false);
        // With no option active, Home and End stay with the text field's caret.
        await press(element, 'Home');
        expect(field.input.selectionStart).to.equal(0);
        expect(field.input.hasAttribute('aria-activedescendant')).to.equal(false);
        await press(element, 'ArrowDown');
      }
      expect(field.activeName()).to.equal('Anna Müller');
      expect(field.options()[0].getAttribute('aria-selected')).to.equal('true');

      await press(element, 'ArrowDown');
      expect(field.activeName()).to.equal('Ayşe Öztürk');
      await press(element, 'End');
      expect(field.activeName()).to.equal('Bjørn Olsen');
      await press(element, 'ArrowDown');
      expect(field.activeName(), 'Down wraps to the first').to.equal('Anna Müller');
      await press(element, 'ArrowUp');
      expect(field.activeName(), 'Up wraps to the last').to.equal('Bjørn Olsen');
      await press(element, 'Home');
      expect(field.activeName()).to.equal('Anna Müller');
      await expect(element).to.be.accessible();

      const outside = escapesOutside();
      await press(element, 'Escape');
      expect(field.expanded()).to.equal(false);
      expect(field.input.hasAttribute('aria-activedescendant')).to.equal(false);
      expect(field.input.value, 'closing keeps the text').to.equal('power bi');
      await press(element, 'Escape');
      expect(field.input.value, 'the second Escape clears').to.equal('');
      expect(outside.count(), 'Escape that did something stays in the element').to.equal(0);
      await press(element, 'Escape');
      expect(outside.count(), 'Escape with nothing to do goes on (a dialog may close)').to.equal(1);
      outside.stop();
      expect(element.shadowRoot!.activeElement).to.equal(field.input);
    });

    it('opens with the arrow keys: Down on the first option, Up on the last, Alt+Down without one; Alt+Up closes', async () => {
      const { element, field } = await typed(subject, new FakeClient(), 'power bi', 3);
      await press(element, 'Escape');
      expect(field.expanded()).to.equal(false);

      await press(element, 'ArrowUp');
      await waitUntil(() => field.expanded() && field.activeName() === 'Bjørn Olsen', 'Up opens on the last');
      await press(element, 'Alt+ArrowUp');
      expect(field.expanded(), 'Alt+Up closes').to.equal(false);

      await press(element, 'ArrowDown');
      await waitUntil(
        () => field.expanded() && field.activeName() === 'Anna Müller',
        'Down opens on the first',
      );
      await press(element, 'Escape');

      await press(element, 'Alt+ArrowDown');
      await waitUntil(() => field.expanded(), 'Alt+Down opens');
      // Alt+Down moves nowhere; only automatic selection marks the best match, as when typing.
      if (subject.selection === 'manual')
        expect(field.input.hasAttribute('aria-activedescendant')).to.equal(false);
      else expect(field.activeName()).to.equal('Anna Müller');
      expect(element.shadowRoot!.activeElement).to.equal(field.input);
    });

    it(`Tab ${subject.tabKeepsOpen ? 'keeps the results for the controls after them' : 'closes the suggestions'} and never chooses`, async () => {
      const { element, field } = await typed(subject, new FakeClient(), 'power bi', 3);
      if (subject.selection === 'manual') await press(element, 'ArrowDown');
      let chosen = 0;
      element.addEventListener('kring-person-select', () => chosen++);
      element.addEventListener('kring-people-change', () => chosen++);
      await press(element, 'Tab');
      expect(element.shadowRoot!.activeElement, 'the focus left the field').not.to.equal(field.input);
      expect(field.expanded()).to.equal(subject.tabKeepsOpen);
      expect(chosen, 'Tab chose nobody').to.equal(0);
    });

    it('scrolls the active option into view', async () => {
      const many = Array.from({ length: 20 }, (_, index) =>
        person(`x${index}`, `Excel Person ${String(index + 1).padStart(2, '0')}`, {
          skills: [skill('Excel', 'expert', 20 - index)],
        }),
      );
      const { element, field } = await typed(subject, new FakeClient([...PEOPLE, ...many]), 'excel', 10);
      const scroller = element.shadowRoot!.querySelector<HTMLElement>(subject.scroller)!;
      expect(scroller.scrollHeight, 'the list scrolls').to.be.greaterThan(scroller.clientHeight);
      const visible = (option: HTMLElement) => {
        const box = scroller.getBoundingClientRect();
        const row = option.getBoundingClientRect();
        return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
      };
      const last = field.options().at(-1)!;
      expect(visible(last), 'the last option starts out of view').to.equal(false);
      if (subject.selection === 'manual') await press(element, 'ArrowDown');
      await press(element, 'End');
      expect(field.input.getAttribute('aria-activedescendant')).to.equal(last.id);
      await waitUntil(() => visible(last), 'the last option scrolled into view');
      await press(element, 'Home');
      await waitUntil(() => visible(field.options()[0]), 'the first option scrolled back into view');
    });
  });
}
