import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';

/** The colour an element resolved for one of its inner tokens (`--_accent`, `--_surface`…). */
const token = (element: Element, name: string) => getComputedStyle(element).getPropertyValue(name).trim();

describe('theming with the documented --kring-color-* properties', () => {
  for (const tag of ['kring-kudos-feed', 'kring-kudos-composer', 'kring-people-picker']) {
    it(`<${tag}> follows --kring-color-accent, surface and border; the older names still work`, async () => {
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <div
            class="documented"
            style="--kring-color-accent: rgb(1, 2, 3); --kring-color-surface: rgb(4, 5, 6);
                 --kring-color-border: rgb(7, 8, 9); --kring-accent-color: rgb(250, 0, 0)"
          ></div>
          <div class="older" style="--kring-accent-color: rgb(10, 11, 12)"></div>
        </div>`,
      );
      const documented = document.createElement(tag);
      const older = document.createElement(tag);
      page.querySelector('.documented')!.append(documented);
      page.querySelector('.older')!.append(older);
      await (documented as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(token(documented, '--_accent'), 'the documented name wins').to.equal('rgb(1, 2, 3)');
      expect(token(documented, '--_surface')).to.equal('rgb(4, 5, 6)');
      expect(token(documented, '--_border')).to.equal('rgb(7, 8, 9)');
      expect(token(older, '--_accent'), 'a page themed with the older name keeps its colour').to.equal(
        'rgb(10, 11, 12)',
      );
    });
  }
});
