/**
 * Storybook shows the elements as an intranet page would: in a sans-serif UI font, without the
 * onboarding checklist in front of them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import config from '../.storybook/main.js';
import { applyPreviewStyle } from '../.storybook/preview-style.js';

describe('Storybook configuration', () => {
  it('renders stories in the demo’s system UI font, not the browser’s serif default', async () => {
    applyPreviewStyle();
    applyPreviewStyle();
    expect(document.querySelectorAll('#kring-preview-style')).to.have.length(1);
    const el = await fixture<HTMLElement>(html`<p>Kring</p>`);
    const family = getComputedStyle(el).fontFamily;
    expect(family).to.match(/^"?Segoe UI"?, system-ui/);
    expect(family).to.match(/sans-serif$/);
  });

  it('does not show the onboarding checklist or update notifications', () => {
    expect(config.features).to.include({ sidebarOnboardingChecklist: false, menuOnboardingChecklist: false });
    expect(config.core).to.include({ disableWhatsNewNotifications: true });
  });
});
