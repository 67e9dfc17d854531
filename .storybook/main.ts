import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // MSW's worker must be served from the root to control the preview.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};
export default config;
