import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';

// What each element shows under the documented tokens and the older names: theming-all.test.ts.

describe('focus rings follow --kring-color-focus', () => {
  it('<kring-people-picker> outlines its field in the focus colour', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div style="--kring-color-accent: rgb(1, 2, 3); --kring-color-focus: rgb(20, 21, 22)">
        <kring-people-picker></kring-people-picker>
      </div>`,
    );
    const picker = page.querySelector('kring-people-picker') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await picker.updateComplete;
    picker.shadowRoot!.querySelector('input')!.focus();
    const field = picker.shadowRoot!.querySelector('.field')!;
    expect(getComputedStyle(field).outlineColor, 'focus ring colour').to.equal('rgb(20, 21, 22)');
  });
});

/** A computed CSS colour as [r, g, b, alpha], channels 0–1 (rgb(), rgba() and color(srgb …) forms). */
function parseColour(value: string): [number, number, number, number] {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(value);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3]), Number(srgb[4] ?? 1)];
  const rgb = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(value);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255, Number(rgb[4] ?? 1)];
  throw new Error(`unparsed colour ${value}`);
}

function luminance([r, g, b]: number[]): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast of a (possibly translucent) border over an opaque background. */
function contrastOver(border: string, background: string): number {
  const [r, g, b, a] = parseColour(border);
  const bg = parseColour(background);
  const shown = [r, g, b].map((channel, index) => channel * a + bg[index] * (1 - a));
  const [light, dark] = [luminance(shown), luminance(bg)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('field outlines (WCAG 1.4.11)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the people picker and the kudos composer outline their fields at 3:1 or more (${colorScheme})`, async () => {
      await emulateMedia({ colorScheme });
      try {
        const page = await fixture<HTMLDivElement>(
          html`<div
            style=${colorScheme === 'dark'
              ? 'color: #ececf1; background: #121317'
              : 'color: #1b1b1f; background: #fff'}
          >
            <kring-people-picker></kring-people-picker>
            <kring-kudos-composer></kring-kudos-composer>
          </div>`,
        );
        const picker = page.querySelector('kring-people-picker') as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        const composer = page.querySelector('kring-kudos-composer') as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        await picker.updateComplete;
        await composer.updateComplete;
        const background = getComputedStyle(page).backgroundColor;
        const field = picker.shadowRoot!.querySelector('.field')!;
        const textarea = composer.shadowRoot!.querySelector('textarea')!;
        for (const [name, element] of [
          ['picker field', field],
          ['composer message', textarea],
        ] as const) {
          const style = getComputedStyle(element);
          const surface = style.backgroundColor.includes('0)') ? background : style.backgroundColor;
          expect(contrastOver(style.borderTopColor, surface), name).to.be.at.least(3);
        }
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  }
});
