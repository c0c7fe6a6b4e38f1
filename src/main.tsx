import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { loadRallyMap } from './map/map-loader.ts';
import { loadEmbeddedCollection } from './state/embedded-rallies.ts';
import { noteOfflineCopyPage, registerServiceWorkerWhenIdle } from './state/offline.ts';
import { rallyStore } from './state/rally-store.ts';
import { reloadOnceOnStaleChunk } from './state/stale-chunk-reload.ts';
import { startUrlSync } from './state/url-sync.ts';

/* Started by boot.ts after the page's first frame. */
startUrlSync();
// Lazily loaded files (languages, the share menu) may vanish in a redeploy.
reloadOnceOnStaleChunk();
noteOfflineCopyPage();

// Pages generated at build time carry the validated rally data and the
// rendered panel; a data edit means a new build, so the file is not fetched
// again. Only the development server's page has to fetch it.
const dataElement = document.getElementById('rally-data');
const embeddedData = dataElement?.textContent;
const hasEmbeddedData =
  embeddedData !== undefined && loadEmbeddedCollection(embeddedData, dataElement?.getAttribute('data-as-of'));
if (!hasEmbeddedData) void import('./state/load-rallies.ts').then(({ loadRallies }) => loadRallies());
// The map's code is already on its way (boot.ts preloads it); start it now.
loadRallyMap();

const root = document.getElementById('root');
// Only an embed tells its host page its height; the full site never loads that code.
if (root && rallyStore.getState().presentation === 'embed') {
  void import('./state/embed-height.ts').then(({ startPostingEmbedHeight }) => {
    startPostingEmbedHeight(root);
  });
}
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
