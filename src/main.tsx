import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { loadRallyMap } from './map-loader.ts';
import { loadEmbeddedCollection, loadRallies } from './state/load-rallies.ts';
import { startPostingEmbedHeight } from './state/embed-height.ts';
import { noteOfflineCopyPage, registerServiceWorkerWhenIdle } from './state/offline.ts';
import { rallyStore } from './state/rally-store.ts';
import { reloadOnceOnStaleChunk, startUrlSync } from './state/url-sync.ts';
import './styles/app.css';
import './styles/sheet.css';

startUrlSync();
reloadOnceOnStaleChunk();
noteOfflineCopyPage();

// Pages generated at build time carry the validated rally data and the
// rendered panel; a data edit means a new build, so the file is not fetched
// again. Only the development server's page has to fetch it.
const dataElement = document.getElementById('rally-data');
const embeddedData = dataElement?.textContent;
const hasEmbeddedData =
  embeddedData !== undefined && loadEmbeddedCollection(embeddedData, dataElement?.getAttribute('data-as-of'));
if (!hasEmbeddedData) void loadRallies();
// Fetch the map's code now rather than after the first render.
loadRallyMap();

const root = document.getElementById('root');
if (root && rallyStore.getState().presentation === 'embed') startPostingEmbedHeight(root);
if (root) {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  if (hasEmbeddedData && root.firstElementChild) {
    // As a transition, React hydrates in short slices instead of one long task,
    // so a tap during start-up is answered at once (and Lighthouse's TBT stays low).
    startTransition(() => {
      hydrateRoot(root, app);
    });
  } else {
    createRoot(root).render(app);
  }
}
registerServiceWorkerWhenIdle();
