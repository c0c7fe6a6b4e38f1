import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Puts the map's controls (zoom) before its markers in the tab order, as a
 * keyboard user expects. Leaflet appends its control container after the
 * panes, which would put every marker first.
 */
export function ControlsFirst() {
  const map = useMap();
  useEffect(
    function moveControlsFirst() {
      const container = map.getContainer();
      const controls = container.querySelector(':scope > .leaflet-control-container');
      if (controls && container.firstElementChild !== controls) container.prepend(controls);
    },
    [map],
  );
  return null;
}
