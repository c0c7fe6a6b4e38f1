import { useT } from '../state/use-t.ts';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';

/** How long the "use two fingers" or "Ctrl + scroll" hint stays up, in milliseconds. */
const hintMs = 1500;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Map gestures for an iframe in an article: the page must keep scrolling
 * over the map. The wheel scrolls the host page; Ctrl (⌘ on a Mac) + wheel
 * zooms. On touch screens one finger scrolls the page and shows a hint; two
 * fingers move and zoom the map.
 */
export function EmbedGestures() {
  const map = useMap();
  const [hint, setHint] = useState<string | null>(null);
  const { t } = useT();

  useEffect(
    function handleEmbedGestures() {
      const container = map.getContainer();
      let hideTimer: ReturnType<typeof setTimeout> | undefined;
      const showHint = (text: string) => {
        setHint(text);
        clearTimeout(hideTimer);
        hideTimer = setTimeout(() => setHint(null), hintMs);
      };

      const onWheel = (event: WheelEvent) => {
        if (!event.ctrlKey && !event.metaKey) {
          showHint(isMac ? t('map.cmdScroll') : t('map.ctrlScroll'));
          return;
        }
        // Zoom around the pointer, and keep the browser from zooming the page.
        event.preventDefault();
        const point = map.mouseEventToContainerPoint(event);
        const zoom = map.getZoom() + (event.deltaY < 0 ? 0.5 : -0.5);
        map.setZoomAround(point, zoom);
      };

      const onTouchStart = (event: TouchEvent) => {
        if (event.touches.length >= 2) {
          map.dragging.enable();
          setHint(null);
        } else {
          map.dragging.disable();
        }
      };
      const onTouchMove = (event: TouchEvent) => {
        if (event.touches.length === 1) showHint(t('map.twoFingers'));
      };

      if (!('ontouchstart' in window)) map.dragging.enable();
      container.addEventListener('wheel', onWheel, { passive: false });
      // Capture: decide before Leaflet's own touch handlers see the event.
      container.addEventListener('touchstart', onTouchStart, { capture: true, passive: true });
      container.addEventListener('touchmove', onTouchMove, { passive: true });
      return function removeEmbedGestures() {
        clearTimeout(hideTimer);
        container.removeEventListener('wheel', onWheel);
        container.removeEventListener('touchstart', onTouchStart, { capture: true });
        container.removeEventListener('touchmove', onTouchMove);
      };
    },
    [map, t],
  );

  return hint === null ? null : (
    <div className="embed-hint" aria-hidden="true">
      {hint}
    </div>
  );
}
