import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import customElements from '../custom-elements.json';
import { applyPreviewStyle } from './preview-style.js';
import { publicManifest } from './public-manifest.js';
// Registers every element, exactly as the script-tag bundle does.
import '../src/index.js';

// Controls and the docs tables (attributes, properties, events, slots, parts, CSS properties): the public
// API only, not the private and protected members the analyzer also lists.
setCustomElementsManifest(publicManifest(customElements));

// The elements' own font stack around them instead of the browser's serif default.
applyPreviewStyle();

/**
 * Story parameters Kring adds:
 * - `kringCommunity: false` renders the story without the wrapping `<kring-community>` (for stories
 *   of `<kring-community>` itself, or stories that bring their own, e.g. with `backend="rest"`).
 * - `kringCommunity: { backend: 'rest', endpoint: '/api/kring' }` changes the wrapper's attributes.
 */
type CommunityParameter = false | { backend?: string; endpoint?: string; tracking?: 'on' | 'off' };

const preview: Preview = {
  tags: ['autodocs'],
  // Starts msw (REST stories register handlers with `beforeEach({ msw })` or `parameters.msw`).
  loaders: [mswLoader()],
  globalTypes: {
    lang: {
      description: 'Language of the Kring elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'nl', title: 'Nederlands' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en' },
  decorators: [
    (story, context) => {
      const community = context.parameters.kringCommunity as CommunityParameter | undefined;
      if (community === false) return story();
      const settings = community ?? {};
      return html`<kring-community
        backend=${settings.backend ?? 'demo'}
        endpoint=${ifDefined(settings.endpoint)}
        tracking=${settings.tracking ?? 'off'}
        lang=${context.globals.lang ?? 'en'}
        >${story()}</kring-community
      >`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
};

export default preview;
