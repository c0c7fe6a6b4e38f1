import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { loadRallies } from './state/load-rallies.ts';
import './styles/app.css';

// Start the data request before React renders, so it overlaps with start-up.
void loadRallies();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
