import { createApp } from 'vue';
// Each import registers one tag (in an application: `import 'dmp-elements/dmp-provider'`…).
import '../../src/context/dmp-provider.js';
import '../../src/elements/dmp-document-list/dmp-document-list.js';
import '../../src/elements/dmp-synthesis-editor/dmp-synthesis-editor.js';
// The mock backend stands in for the hospital's DMP gateway: drop it to use a real one.
import { startMockBackend } from '../../mocks/browser.js';
import App from './App.vue';

async function main(): Promise<void> {
  await startMockBackend();
  createApp(App).mount('#app');
}

void main();
