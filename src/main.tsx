import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { loadRallyMap } from './map/map-loader.ts';
import { loadEmbeddedCollection } from './state/embedded-rallies.ts';
import { applyEmbeddedLanguage } from './state/language.ts';
import { basemapFromPicture, hasPictureBasemap } from './state/picture-basemap.ts';
import { readMapPicture } from './map/read-map-picture.ts';
import { noteOfflineCopyPage, registerServiceWorkerWhenIdle } from './state/offline.ts';
import { pageIdentity, type Route } from './lib/address.ts';
import { rallyStore, setBasemap } from './state/rally-store.ts';
import { selectIsNotFound } from './state/selectors.ts';
import { reloadOnceOnStaleChunk } from './state/stale-chunk-reload.ts';
import { startUrlSync } from './state/url-sync.ts';

/* Started by boot.ts after the page's first frame. */
// A page in another language than English carries its catalogue and translation, to be taken over in it.
applyEmbeddedLanguage(document.getElementById('rally-language')?.textContent);
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
// A generated page's map picture carries the basemap; only a page without one downloads it. It is decoded in a
// task of its own, not in this one, which also starts taking over the page (Lighthouse's TBT); the map is built
// in a later task still (MapSlot in app.tsx).
if (hasPictureBasemap(document)) {
  setTimeout(() => {
    const pictureBasemap = basemapFromPicture(document);
    if (pictureBasemap) setBasemap({ status: 'ready', ...pictureBasemap });
  }, 0);
} else void import('./state/load-basemap.ts').then(({ loadBasemap }) => loadBasemap(setBasemap));

const root = document.getElementById('root');
// Only an embed tells its host page its height; the full site never loads that code.
if (root && rallyStore.getState().presentation === 'embed') {
  void import('./state/embed-height.ts').then(({ startPostingEmbedHeight }) => {
    startPostingEmbedHeight(root);
  });
}
if (root) {
  // The build's picture of the map, read back for React to hydrate unchanged (see MapSlot in app.tsx).
  const pictureSvg = root.querySelector('.map-picture > svg');
  const mapPicture = pictureSvg ? readMapPicture(pictureSvg) : null;
  const app = (
    <StrictMode>
      <App mapPicture={mapPicture} />
    </StrictMode>
  );
  if (hasEmbeddedData && root.firstElementChild && showsItsAddress(root)) {
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

/**
 * Whether the generated HTML in `root` is the page the address asks for, in
 * the page's language, and can be taken over as it is. An offline copy of
 * another page of the same language (src/service-worker/) is not: the app
 * then renders the address's page from the data the copy carries.
 */
function showsItsAddress(root: HTMLElement): boolean {
  const state = rallyStore.getState();
  const route: Route = selectIsNotFound(state) ? { kind: 'not-found' } : state.route;
  return root.dataset.page === pageIdentity(route, state.presentation, state.language);
}
