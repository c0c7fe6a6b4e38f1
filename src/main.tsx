import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { loadRallyMap } from './map/map-loader.ts';
import { loadEmbeddedCollection } from './state/embedded-rallies.ts';
import { basemapFromPicture } from './state/picture-basemap.ts';
import { noteOfflineCopyPage, registerServiceWorkerWhenIdle } from './state/offline.ts';
import { rallyStore, setBasemap } from './state/rally-store.ts';
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
// A generated page's map picture carries the basemap; only a page without one downloads it.
const pictureBasemap = basemapFromPicture(document);
if (pictureBasemap) setBasemap({ status: 'ready', ...pictureBasemap });
else void import('./state/load-basemap.ts').then(({ loadBasemap }) => loadBasemap(setBasemap));

const root = document.getElementById('root');
// Only an embed tells its host page its height; the full site never loads that code.
if (root && rallyStore.getState().presentation === 'embed') {
  void import('./state/embed-height.ts').then(({ startPostingEmbedHeight }) => {
    startPostingEmbedHeight(root);
  });
}
if (root) {
  // The build's picture of the map, handed back to React unchanged (see MapSlot in app.tsx).
  const mapPicture = root.querySelector('.map-picture')?.innerHTML ?? '';
  const app = (
    <StrictMode>
      <App mapPicture={mapPicture} />
    </StrictMode>
  );
  // 404.html, the one page without a canonical address, is rendered as "not found". When its address
  // names a city (one beyond the prerendered pages, or the service worker's offline fallback), its
  // markup is not that city's: it is drawn afresh rather than hydrated.
  const markupFitsRoute =
    document.querySelector('link[rel="canonical"]') !== null || rallyStore.getState().route.kind === 'not-found';
  if (hasEmbeddedData && root.firstElementChild && markupFitsRoute) {
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
