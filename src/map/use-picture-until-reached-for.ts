import { useEffect, useRef, useState, type RefObject } from 'react';
import { showRoute } from '../state/rally-store.ts';
import { selectPageIdentity } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { loadRallyMap, reachForMapEvents } from './map-loader.ts';

/**
 * The build's picture of the map (in `pictureRef`) as the map until the
 * reader reaches for it, then the hand-over to the interactive map:
 * - the map's code is asked for (`loadRallyMap`) on any of
 *   `reachForMapEvents` in the picture, or when the reader moves to another
 *   page in place (the picture shows only the page they arrived on);
 * - a plain click on a city's marker in the picture opens the city in place,
 *   as the panel's links do (RouteLink), instead of loading its page;
 * - once the interactive map covers the picture (`pictureCovered`), a marker
 *   of the picture that had the keyboard's focus hands it to the same city's
 *   marker on the map (or to the map, if that marker is not drawn within
 *   about half a second).
 */
export function usePictureUntilReachedFor(pictureRef: RefObject<HTMLElement | null>, pictureCovered: boolean): void {
  const focusedCity = useRef<string | null>(null);

  const page = useRallyStore(selectPageIdentity);
  const [firstPage] = useState(page);
  useEffect(
    function loadMapForAnotherPage() {
      if (page !== firstPage) loadRallyMap();
    },
    [page, firstPage],
  );

  useEffect(
    function loadMapWhenReachedFor() {
      const picture = pictureRef.current;
      if (!picture) return;
      const reachFor = () => {
        loadRallyMap();
      };
      const noteFocus = (event: FocusEvent) => {
        focusedCity.current = cityOf(event.target);
      };
      const forgetFocus = (event: FocusEvent) => {
        // Focus lost because the picture went inert is still to be handed over.
        if (!picture.inert && !picture.contains(event.relatedTarget as Node | null)) focusedCity.current = null;
      };
      const openCity = (event: MouseEvent) => {
        const cityId = cityOf(event.target);
        if (!cityId || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        showRoute({ kind: 'city', cityId });
      };
      for (const type of reachForMapEvents) picture.addEventListener(type, reachFor, { passive: true });
      picture.addEventListener('focusin', noteFocus);
      picture.addEventListener('focusout', forgetFocus);
      picture.addEventListener('click', openCity);
      return function stopListening() {
        for (const type of reachForMapEvents) picture.removeEventListener(type, reachFor);
        picture.removeEventListener('focusin', noteFocus);
        picture.removeEventListener('focusout', forgetFocus);
        picture.removeEventListener('click', openCity);
      };
    },
    [pictureRef],
  );

  useEffect(
    function handFocusToTheMap() {
      const cityId = focusedCity.current;
      const region = pictureRef.current?.parentElement;
      if (!pictureCovered || cityId === null || !region) return;
      focusedCity.current = null;
      // Leaflet adds its markers over a few frames.
      let frames = 0;
      let frame = requestAnimationFrame(function focusMarker() {
        const marker = region.querySelector<HTMLElement>(`.leaflet-container [data-city-id="${CSS.escape(cityId)}"]`);
        if (marker) marker.focus();
        else if (frames++ < 30) frame = requestAnimationFrame(focusMarker);
        else region.querySelector<HTMLElement>('.leaflet-container')?.focus();
      });
      return function stopHandingFocus() {
        cancelAnimationFrame(frame);
      };
    },
    [pictureRef, pictureCovered],
  );
}

/** The city of the picture's marker link `target` is in, or `null`. */
function cityOf(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest('a[data-city-id]')?.getAttribute('data-city-id') ?? null) : null;
}
