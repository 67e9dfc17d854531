import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { db } from '../mocks/db/store.js';
import { startMockBackend } from '../mocks/browser.js';
import { clearAllDrafts } from '../src/drafts/draft-store.js';
import { setStoryProviderOptions, type ProviderOptions } from '../stories/support.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  // A docs page per element: its attributes, properties, events, parts and custom properties from
  // custom-elements.json, above its stories.
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  // The worker starts with the whole reference backend; a story adds its own handlers on top.
  loaders: [mswLoader(() => startMockBackend())],
  // A story's `parameters.provider` (a request timeout, a session length) reaches the provider
  // its render wraps the element in.
  decorators: [
    (story, { parameters }) => {
      setStoryProviderOptions(parameters.provider as ProviderOptions | undefined);
      return story();
    },
  ],
  // Every story starts from the seed, whatever the previous one wrote: in the mock backend, and in
  // the drafts kept in IndexedDB (a failed save keeps one, which the next story would offer back).
  beforeEach: async () => {
    // Edits the previous story left unsaved are written a moment after their last keystroke:
    // written now, as when the page is left, they are cleared with the rest rather than offered
    // to this story.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await new Promise((resolve) => setTimeout(resolve));
    db.reset();
    await clearAllDrafts();
  },
};
export default preview;
