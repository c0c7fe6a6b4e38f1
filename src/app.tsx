import { useT } from './state/use-t.ts';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { formatCalendarDate } from './lib/format-date.ts';
import { MapErrorBoundary } from './map/map-error-boundary.tsx';
import { MapPicture } from './map/map-picture.tsx';
import type { PictureElement } from './lib/picture-tree.ts';
import { getMapLoad, subscribeToMapLoad, type MapLoad } from './map/map-loader.ts';
import { usePictureUntilReachedFor } from './map/use-picture-until-reached-for.ts';
import { Announcer } from './panel/announcer.tsx';
import { LanguageSwitcher } from './panel/language-switcher.tsx';
import { OfflineNote } from './panel/offline-note.tsx';
import { SheetHandle, type SheetHeight } from './panel/sheet-handle.tsx';
import { SidePanel } from './panel/side-panel.tsx';
import { campaignTitle, translatedText } from './lib/content-translation.ts';
import { absoluteRouteUrl, formatRoute, overviewRoute } from './lib/address.ts';
import {
  selectCampaign,
  selectIsEmbed,
  selectIsLoaded,
  selectRoute,
  selectSelectedSummary,
} from './state/selectors.ts';
import { useRallyStore } from './state/use-rally-store.ts';
import { siteRoot } from './state/url-sync.ts';

const mapNotAskedFor: MapLoad = { status: 'idle' };

/**
 * The map. Pages rendered at build time carry a picture of it
 * (build/map-picture.ts): land, borders and linked markers, in the view the
 * interactive map will take. The first (hydrating) render in the browser draws
 * that picture from the tree read back from the page (src/map/read-map-picture.ts),
 * so the page takes over without a mismatch. The picture stays the map until the
 * reader reaches for it (a pointer over it, a press, the wheel, focus or a key:
 * `reachForMapEvents`) or moves to another page in place, which it cannot show:
 * only then is Leaflet, the largest part of the app, loaded (src/map/map-loader.ts).
 * Leaflet mounts over the picture, which is hidden once Leaflet's own basemap is
 * drawn (src/styles/map-picture.css), with nothing having moved; a marker link of
 * the picture that had the keyboard's focus hands it to the same city's marker.
 * A plain click on a marker of the picture opens its city in place
 * (src/map/use-picture-until-reached-for.ts).
 * If the map's code cannot be loaded (offline, before it was ever used), the
 * picture stays, with a note that it is only a picture.
 * (Effects never run at build time, so the picture is all it renders.)
 * Below it, the map's credit: the basemap's, and Leaflet's once Leaflet draws
 * the map (never in the picture a page shows without JavaScript).
 */
function MapSlot({ mapPicture }: { mapPicture: PictureElement | null }) {
  // Set in a task of its own after the page is taken over, so building the
  // map never lengthens the task that finishes hydration (Lighthouse's TBT).
  const [afterHydration, setAfterHydration] = useState(false);
  useEffect(function mountMapInNextTask() {
    const timer = setTimeout(() => {
      setAfterHydration(true);
    }, 0);
    return function cancelMapMount() {
      clearTimeout(timer);
    };
  }, []);
  const mapLoad = useSyncExternalStore(subscribeToMapLoad, getMapLoad, () => mapNotAskedFor);
  const [mapFailed, setMapFailed] = useState(false);
  const mapShown = afterHydration && (mapLoad.status === 'loaded' || mapLoad.status === 'failed');
  const pictureCovered = mapShown && mapLoad.status === 'loaded' && !mapFailed;
  const pictureRef = useRef<HTMLDivElement>(null);
  usePictureUntilReachedFor(pictureRef, pictureCovered);

  const { t } = useT();
  return (
    <>
      <div
        className="map-placeholder map-picture"
        ref={pictureRef}
        // Under the interactive map the picture's links are neither seen nor reached.
        inert={pictureCovered}
      >
        {mapPicture ? <MapPicture picture={mapPicture} /> : null}
      </div>
      {mapShown ? (
        <MapErrorBoundary onFail={setMapFailed} hasPicture={mapPicture !== null}>
          <LoadedMap mapLoad={mapLoad} />
        </MapErrorBoundary>
      ) : null}
      <p className="map-credit">
        {t('app.basemapCredit')}
        {/* Leaflet is credited only once it draws the map: never in the picture a page shows without JavaScript
            (needs-script). The words keep their room until then, so the credit, set at the map's right edge, never
            moves (no layout shift). */}
        <span className={pictureCovered ? 'needs-script' : 'needs-script map-credit-pending'}>{' · Leaflet'}</span>
      </p>
    </>
  );
}

/** The loaded map, or the load's error thrown for MapErrorBoundary to show. */
function LoadedMap({ mapLoad }: { mapLoad: Extract<MapLoad, { status: 'loaded' | 'failed' }> }) {
  if (mapLoad.status === 'failed') throw mapLoad.error;
  const { module: RallyMap } = mapLoad;
  return <RallyMap />;
}

/**
 * The page: the map beside a side panel on wide screens, the map above a
 * bottom sheet on phones. The panel is the text alternative to the map.
 * The embed version, for iframes in articles, stacks the map above the panel
 * at its natural height, with a credit line and a link to the full map.
 * `mapPicture` is the build's picture of the map, as an element tree (see MapSlot), or `null`.
 */
export function App({ mapPicture = null }: { mapPicture?: PictureElement | null }) {
  const campaign = useRallyStore(selectCampaign);
  const loaded = useRallyStore(selectIsLoaded);
  const cityOpen = useRallyStore((state) => selectSelectedSummary(state) !== undefined);
  const isEmbed = useRallyStore(selectIsEmbed);
  const route = useRallyStore(selectRoute);
  const [sheet, setSheet] = useState<SheetHeight>('half');
  const layoutRef = useRef<HTMLDivElement>(null);

  // Opening a city from a peeking sheet brings the sheet up, so the city can be read.
  const [sheetCity, setSheetCity] = useState(cityOpen);
  if (cityOpen !== sheetCity) {
    setSheetCity(cityOpen);
    if (cityOpen && sheet === 'peek') setSheet('half');
  }
  const { t, locale, language, translation } = useT();
  const titleTranslated = campaign !== null && translatedText(translation, 'campaign.title', campaign.title) !== null;

  useEffect(function markInteractive() {
    // The app has taken over the page: links and keys are handled in place
    // (for npm run bench, and for tests/e2e/test.ts, which cannot rely on
    // performance marks under Playwright's fake clock).
    performance.mark('rally-map:interactive');
    layoutRef.current?.setAttribute('data-interactive', '');
  }, []);

  const classes = ['app', isEmbed ? 'app--embed' : '', isEmbed ? '' : `sheet-${sheet}`, cityOpen ? 'city-open' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} ref={layoutRef}>
      <a className="skip-link" href="#panel">
        {t('app.skipMap')}
      </a>
      <Announcer />
      <section className="map-region" aria-label={t('app.mapRegion')}>
        <MapSlot mapPicture={mapPicture} />
        <OfflineNote />
      </section>
      <aside className="panel" id="panel" tabIndex={-1} aria-label={t('app.panelRegion')}>
        {isEmbed ? null : <SheetHandle height={sheet} onChange={setSheet} layoutRef={layoutRef} />}
        <header className="panel-header">
          <div className="panel-kicker-row">
            <p className="panel-kicker">{campaign ? formatCalendarDate(campaign.date, locale) : t('app.siteName')}</p>
            <LanguageSwitcher />
          </div>
          <h1 className="panel-title">
            {/* A file with no campaign (a plain GeoJSON of points) gets a generic title once loaded. */}
            {campaign ? campaignTitle(campaign, translation) : loaded ? t('tools.untitledCampaign') : t('app.loading')}
          </h1>
          {titleTranslated && translation !== null ? (
            <p className="translation-note">{t('content.translatedBy', { translator: translation.translatedBy })}</p>
          ) : null}
          {isEmbed ? (
            <a
              className="full-map-link"
              href={formatRoute(
                route.kind === 'city' ? route : overviewRoute,
                import.meta.env.BASE_URL,
                'site',
                language,
              )}
              target="_blank"
              rel="noopener"
            >
              {t('app.viewFullMap')}
            </a>
          ) : null}
          {/*
           * For paper only (src/styles/print.css), under the title: at the end it could be left alone on a last page.
           * The origin may differ in a local build, so the page's own text is kept.
           */}
          <p className="print-address" suppressHydrationWarning>
            {absoluteRouteUrl(route, siteRoot(), 'site', language)}
          </p>
        </header>
        <SidePanel />
        {isEmbed && campaign ? (
          <footer className="embed-credit">{t('app.embedCredit', { publisher: campaign.source.publisher })}</footer>
        ) : null}
      </aside>
    </div>
  );
}
