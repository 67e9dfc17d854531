import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { db } from '../mocks/db/store.js';
import { startMockBackend } from '../mocks/browser.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  // The worker starts with the whole reference backend; a story adds its own handlers on top.
  loaders: [mswLoader(() => startMockBackend())],
  // Every story starts from the seed, whatever the previous one wrote.
  beforeEach: () => {
    db.reset();
  },
};
export default preview;
