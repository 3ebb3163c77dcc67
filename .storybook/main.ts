import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      // The root vite.config.ts is the library build; Storybook gets a plain app config.
      builder: { viteConfigPath: '.storybook/vite.config.ts' },
    },
  },
  // msw's worker (public/mockServiceWorker.js) must be served from the root.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No onboarding checklist in the sidebar or menu: readers come for the elements.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
};

export default config;
