// Tokens and element defaults first, so every component stylesheet cascades after them.
import './lib/theme/theme.css';
import './lib/theme/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { AppProviders } from './app/providers.tsx';
import { TokenMissing } from './app/TokenMissing.tsx';
import { createClientForPage } from './lib/transport/index.ts';
import { initTheme } from './lib/theme/theme-store.ts';

initTheme();
const boot = createClientForPage();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
if (!boot.ok) document.documentElement.dataset.appState = 'no-token';

createRoot(container).render(
  <StrictMode>
    {boot.ok ? (
      <AppProviders client={boot.client}>
        <App />
      </AppProviders>
    ) : (
      <TokenMissing />
    )}
  </StrictMode>,
);
