import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The mock backend stands in for the hospital's DMP gateway: drop these two lines to use a real one.
import { startMockBackend } from '../../mocks/browser.js';
import { App } from './App.js';

async function main(): Promise<void> {
  await startMockBackend();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void main();
