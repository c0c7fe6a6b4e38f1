import { tileLayer as createTileLayer } from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useT } from '../state/use-t.ts';
import type { TileLayerConfig } from '../lib/tile-layer-config.ts';

/** Tile errors in a row (with no tile loading in between) after which the street map is given up. */
export const tileErrorLimit = 4;

/**
 * The optional street-level raster tiles a deployer configured (`TILE_URL`),
 * drawn above the built-in basemap, which stays underneath: it shows first,
 * and shows through wherever a tile is missing. After `tileErrorLimit`
 * failed tiles in a row (a 403, no network) it calls `onFail`; once
 * `failed`, the tiles are removed (the map's owner then limits the zoom to
 * the basemap's, src/lib/max-zoom.ts) and a small note says the street map
 * is unavailable; markers are not affected. Tiles are stretched from the
 * provider's deepest zoom down to the map's `maxZoom`. The attribution is
 * the configured plain text, rendered as text.
 */
export default function StreetTileLayer({
  config,
  maxZoom,
  failed,
  onFail,
}: {
  config: TileLayerConfig;
  maxZoom: number;
  failed: boolean;
  onFail: () => void;
}) {
  const map = useMap();
  const { t } = useT();

  useEffect(
    function addStreetTiles() {
      if (failed) return;
      const paneName = 'street-tiles';
      // Above the basemap (200), below the markers (overlay pane, 400).
      const pane = map.getPane(paneName) ?? map.createPane(paneName);
      pane.style.zIndex = '250';
      const layer = createTileLayer(config.urlTemplate, {
        pane: paneName,
        maxZoom: Math.max(config.maxZoom, maxZoom),
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
        if (errorsInARow >= tileErrorLimit) onFail();
      });
      layer.addTo(map);
      return function removeStreetTiles() {
        // Not layer.off(): Leaflet unbinds the layer's map events on the layer's own "remove" event.
        layer.remove();
      };
    },
    [map, config, maxZoom, failed, onFail],
  );

  return (
    <p className="tile-attribution">
      {failed ? t('map.streetMapUnavailable') : `${t('map.streetMapCredit')} ${config.attribution}`}
    </p>
  );
}
