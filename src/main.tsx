import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { rallyRecordsPath } from './lib/address.ts';
import { parsePageNames, rememberPageNames } from './lib/page-names.ts';
import { getMapLoad, loadClustersWithMap, loadRallyMap, subscribeToMapLoad } from './map/map-loader.ts';
import { longCityList } from './panel/city-list.tsx';
import { loadEmbeddedCollection } from './state/embedded-rallies.ts';
import { applyEmbeddedLanguage } from './state/language.ts';
import { basemapFromPicture, hasPictureBasemap } from './state/picture-basemap.ts';
import { readMapPicture } from './map/read-map-picture.ts';
import { noteOfflineCopyPage, registerServiceWorkerWhenIdle, storeLoadedMapFilesOffline } from './state/offline.ts';
import { rallyStore, setBasemap } from './state/rally-store.ts';
import { selectPageIdentity } from './state/selectors.ts';
import { reloadOnceOnStaleChunk } from './state/stale-chunk-reload.ts';
import { startUrlSync } from './state/url-sync.ts';

/* Started by boot.ts after the page's first frame. */
// A page in another language than English carries its catalogue and translation, to be taken over in it.
applyEmbeddedLanguage(document.getElementById('rally-language')?.textContent);
// The names of the page's countries and quotes' languages, written by the build: no Intl.DisplayNames to build.
const pageNames = parsePageNames(document.getElementById('rally-names')?.textContent);
if (pageNames) rememberPageNames(pageNames);
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
// A page of a site with many rallies names its rally index (src/lib/rally-index.ts) in a preload link instead.
const rallyIndexLink = hasEmbeddedData ? null : document.querySelector<HTMLLinkElement>('link#rally-index');
if (rallyIndexLink) {
  // The list and the clusters for many rallies load while the rallies download.
  longCityList.load();
  loadClustersWithMap();
}
if (!hasEmbeddedData) {
  void import('./state/load-rallies.ts').then(({ loadRallies, setRallySource }) => {
    if (rallyIndexLink) {
      const url = rallyIndexLink.href;
      setRallySource({
        format: 'index',
        url,
        recordsUrl: new URL(rallyRecordsPath(import.meta.env.BASE_URL), url).href,
      });
    }
    void loadRallies();
  });
}
// The interactive map (Leaflet) loads when the reader reaches for the map (src/app.tsx); until then the build's
// picture is the map. Its basemap comes with it: a generated page's map picture carries the basemap, decoded in a
// task of its own once the map's code is asked for; only a page without a picture downloads the basemap file.
// The map region is held on to, as the page renders another page's map from an offline copy's (whose basemap is the
// same) without its picture.
const pictureRegion = document.querySelector('.map-region') ?? document;
// The map's files, once loaded, are stored for offline use by the service worker, however the two were timed.
const stopWaitingToStoreMap = subscribeToMapLoad(() => {
  if (getMapLoad().status !== 'loaded') return;
  stopWaitingToStoreMap();
  storeLoadedMapFilesOffline();
});
const stopWaitingForMap = subscribeToMapLoad(() => {
  if (getMapLoad().status !== 'loading') return;
  stopWaitingForMap();
  if (hasPictureBasemap(pictureRegion)) {
    setTimeout(() => {
      const pictureBasemap = basemapFromPicture(pictureRegion);
      if (pictureBasemap) setBasemap({ status: 'ready', ...pictureBasemap });
    }, 0);
  } else void import('./state/load-basemap.ts').then(({ loadBasemap }) => loadBasemap(setBasemap));
});

const root = document.getElementById('root');
// Only an embed tells its host page its height; the full site never loads that code.
if (root && rallyStore.getState().presentation === 'embed') {
  void import('./state/embed-height.ts').then(({ startPostingEmbedHeight }) => {
    startPostingEmbedHeight(root);
  });
}
if (root) {
  // Whether the generated HTML is this very page (and not an offline copy of another one, see showsItsAddress).
  const showsThisPage = root.firstElementChild !== null && showsItsAddress(root);
  // The build's picture of the map, read back for React to hydrate unchanged (see MapSlot in app.tsx); a picture of
  // another page is not shown.
  const pictureSvg = showsThisPage ? root.querySelector('.map-picture > svg') : null;
  const mapPicture = pictureSvg ? readMapPicture(pictureSvg) : null;
  const app = (
    <StrictMode>
      <App mapPicture={mapPicture} />
    </StrictMode>
  );
  // Without a picture of this page (the development server's page, or an offline copy of another page that the app
  // renders this page from), the interactive map is the only map: it loads at once.
  if (!mapPicture) loadRallyMap();
  const takesOverThePage = hasEmbeddedData && showsThisPage;
  if (takesOverThePage) {
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
  return root.dataset.page === selectPageIdentity(rallyStore.getState());
}
