import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { formatCalendarDate } from './lib/format-date.ts';
import { MapErrorBoundary } from './map-error-boundary.tsx';
import { Announcer } from './panel/announcer.tsx';
import { SidePanel } from './panel/side-panel.tsx';
import { formatRoute, overviewRoute } from './lib/route.ts';
import { selectCampaign, selectIsEmbed, selectRoute, selectSelectedRally } from './state/selectors.ts';
import { useRallyStore } from './state/use-rally-store.ts';

// Leaflet is the largest part of the app; the panel and its text do not wait for it.
const RallyMap = lazy(() => import('./map/rally-map.tsx'));

const subscribeToNothing = () => () => undefined;

/**
 * The map, in the browser only. Pages rendered at build time, and the first
 * (hydrating) render in the browser, show the same empty placeholder, so the
 * page takes over without a mismatch; Leaflet then mounts in its place.
 */
function MapSlot() {
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const placeholder = <div className="map-placeholder" />;
  if (!inBrowser) return placeholder;
  return (
    <MapErrorBoundary>
      <Suspense fallback={placeholder}>
        <RallyMap />
      </Suspense>
    </MapErrorBoundary>
  );
}

/**
 * The page: the map beside a side panel on wide screens, the map above a
 * bottom sheet on phones. The panel is the text alternative to the map.
 * The embed version, for iframes in articles, stacks the map above the panel
 * at its natural height, with a credit line and a link to the full map.
 */
export function App() {
  const campaign = useRallyStore(selectCampaign);
  const cityOpen = useRallyStore((state) => selectSelectedRally(state) !== undefined);
  const isEmbed = useRallyStore(selectIsEmbed);
  const route = useRallyStore(selectRoute);
  const [sheetExpanded, setSheetExpanded] = useState(false);

  const classes = [
    'app',
    isEmbed ? 'app--embed' : '',
    sheetExpanded ? 'sheet-expanded' : '',
    cityOpen ? 'city-open' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <a className="skip-link" href="#panel">
        Skip the map
      </a>
      <Announcer />
      <section className="map-region" aria-label="Map of the rallies">
        <MapSlot />
        <p className="map-credit">
          Basemap: <abbr title="Natural Earth, public domain">Natural Earth</abbr> · Leaflet
        </p>
      </section>
      <aside className="panel" id="panel" tabIndex={-1} aria-label="Rally details">
        {isEmbed ? null : (
          <button
            type="button"
            className="sheet-handle"
            aria-expanded={sheetExpanded}
            aria-controls="panel"
            onClick={() => setSheetExpanded((expanded) => !expanded)}
          >
            <span className="sheet-grip" aria-hidden="true" />
            <span className="visually-hidden">{sheetExpanded ? 'Show more map' : 'Show more of the panel'}</span>
          </button>
        )}
        <header className="panel-header">
          <p className="panel-kicker">{campaign ? formatCalendarDate(campaign.date) : 'Rally map'}</p>
          <h1 className="panel-title">{campaign ? campaign.title : 'Loading…'}</h1>
          {isEmbed ? (
            <a
              className="full-map-link"
              href={formatRoute(route.kind === 'city' ? route : overviewRoute, import.meta.env.BASE_URL)}
              target="_blank"
              rel="noopener"
            >
              View full map
            </a>
          ) : null}
        </header>
        <SidePanel />
        {isEmbed && campaign ? (
          <footer className="embed-credit">
            Source: {campaign.source.publisher} · Basemap: Natural Earth · Map: rally-map
          </footer>
        ) : null}
      </aside>
    </div>
  );
}
