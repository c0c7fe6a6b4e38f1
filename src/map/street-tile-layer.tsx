import { tileLayer as createTileLayer } from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useT } from '../state/use-t.ts';
import type { TileLayerConfig } from '../lib/tile-layer-config.ts';

/** Tile errors in a row (with no tile loading in between) after which the street map is given up. */
export const tileErrorLimit = 4;

/**
 * The optional street-level raster tiles a deployer configured (`TILE_URL`),
 * drawn above the built-in basemap, which stays underneath: it shows first,
 * and shows through wherever a tile is missing. After `tileErrorLimit`
 * failed tiles in a row (a 403, no network) the tiles are removed, the map
 * zooms no deeper than the basemap allows (`fallbackMaxZoom`), and a small
 * note says the street map is unavailable; markers are not affected. The
 * attribution is the configured plain text, rendered as text.
 */
export default function StreetTileLayer({
  config,
  fallbackMaxZoom,
}: {
  config: TileLayerConfig;
  fallbackMaxZoom: number;
}) {
  const map = useMap();
  const { t } = useT();
  const [failed, setFailed] = useState(false);

  useEffect(
    function addStreetTiles() {
      if (failed) return;
      const paneName = 'street-tiles';
      // Above the basemap (200), below the markers (overlay pane, 400).
      const pane = map.getPane(paneName) ?? map.createPane(paneName);
      pane.style.zIndex = '250';
      const layer = createTileLayer(config.urlTemplate, {
        pane: paneName,
        maxZoom: Math.max(config.maxZoom, fallbackMaxZoom),
        maxNativeZoom: config.maxZoom,
        subdomains: [...config.subdomains],
        className: 'street-tile',
        // The tile provider learns nothing of which page or city the reader is on.
        referrerPolicy: 'no-referrer',
      });
      let errorsInARow = 0;
      layer.on('tileload', () => {
        errorsInARow = 0;
      });
      layer.on('tileerror', () => {
        errorsInARow += 1;
        if (errorsInARow >= tileErrorLimit) setFailed(true);
      });
      layer.addTo(map);
      return function removeStreetTiles() {
        // Not layer.off(): Leaflet unbinds the layer's map events on the layer's own "remove" event.
        layer.remove();
      };
    },
    [map, config, fallbackMaxZoom, failed],
  );

  useEffect(
    function limitZoomToBasemap() {
      if (failed) map.setMaxZoom(fallbackMaxZoom);
    },
    [map, failed, fallbackMaxZoom],
  );

  return (
    <p className="tile-attribution">
      {failed ? t('map.streetMapUnavailable') : `${t('map.streetMapCredit')} ${config.attribution}`}
    </p>
  );
}
