import { createApp } from 'vue';
// Each import registers one tag.
import 'dmp-elements/dmp-provider';
import 'dmp-elements/dmp-document-list';
import 'dmp-elements/dmp-synthesis-editor';
// The mock backend stands in for the hospital's DMP gateway: drop it to use a real one.
import { startMockBackend } from '../../mocks/browser.js';
import App from './App.vue';

async function main(): Promise<void> {
  await startMockBackend();
  createApp(App).mount('#app');
}

void main();
