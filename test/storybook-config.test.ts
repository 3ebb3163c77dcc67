/**
 * Storybook shows the elements as an intranet page would: in the elements' own sans-serif UI font, without
 * the onboarding checklist in front of them, and with only their public API in the docs tables and controls.
 */
import { expect, fixture, html } from '@open-wc/testing';
import config from '../.storybook/main.js';
import { applyPreviewStyle } from '../.storybook/preview-style.js';
import { publicManifest } from '../.storybook/public-manifest.js';
import '../src/elements/skill-list/define.js';

describe('Storybook configuration', () => {
  it('renders stories in the elements’ own font stack, not the browser’s serif default', async () => {
    applyPreviewStyle();
    applyPreviewStyle();
    expect(document.querySelectorAll('#kring-preview-style')).to.have.length(1);
    const text = await fixture<HTMLElement>(html`<p>Kring</p>`);
    const family = getComputedStyle(text).fontFamily;
    expect(family).to.match(/^"?Segoe UI"?, /);
    expect(family).to.match(/sans-serif$/);
    const element = await fixture<HTMLElement>(html`<kring-skill-list></kring-skill-list>`);
    expect(family, 'the page around a story and the element in it').to.equal(
      getComputedStyle(element).fontFamily,
    );
  });

  it('does not show the onboarding checklist or update notifications', () => {
    expect(config.features).to.include({ sidebarOnboardingChecklist: false, menuOnboardingChecklist: false });
    expect(config.core).to.include({ disableWhatsNewNotifications: true });
  });

  it('gives the docs tables and controls the public members only', async () => {
    type Manifest = {
      modules: Array<{ declarations?: Array<{ tagName?: string; members?: Array<{ name: string }> }> }>;
    };
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const members = (source: Manifest, tag: string) =>
      source.modules
        .flatMap((module) => module.declarations ?? [])
        .find((declaration) => declaration.tagName === tag)
        ?.members?.map((member) => member.name) ?? [];
    // What the analyzer lists, and Storybook would show as properties without the filter.
    expect(members(manifest, 'kring-profile-card')).to.include.members(['#personTask', 'client', 'language']);
    const shown = members(publicManifest(manifest), 'kring-profile-card');
    expect(shown).to.include.members(['person', 'view', 'hrefTemplate']);
    for (const internal of ['#personTask', '#hover', 'client', 'config', 'language', 'notConnectedAfterMs'])
      expect(shown, internal).not.to.include(internal);
  });
});
