import type { DivIcon, LeafletEventHandlerFnMap, LeafletKeyboardEvent, Marker as LeafletMarker } from 'leaflet';
import { useEffect, useMemo, type RefObject } from 'react';

/** What makes a marker a button: its accessible name, its attributes, and what it does when pressed. */
export interface MarkerButton {
  /** The marker's accessible name, such as "London, rally on 7 April 2018" or "12 rallies, zoom in". */
  name: string;
  /** The marker's icon: Leaflet replaces the element when it changes, so the name is set again. */
  icon: DivIcon;
  /** Further attributes for the marker's element (`data-*`, `aria-pressed`). */
  attributes: Readonly<Record<string, string>>;
  /** What a click, Enter or Space does. Keep it stable (useCallback), or the handlers are rebound. */
  onPress: () => void;
}

/**
 * The keyboard and naming behaviour every marker shares, rally or cluster:
 * Leaflet gives the icon `role="button"` and a tab stop; this names it, sets
 * its attributes, and returns the event handlers (for `<Marker
 * eventHandlers>`) that press it on click, Enter or Space.
 */
export function useMarkerButton(
  markerRef: RefObject<LeafletMarker | null>,
  { name, icon, attributes, onPress }: MarkerButton,
): LeafletEventHandlerFnMap {
  const attributeList = JSON.stringify(Object.entries(attributes));
  useEffect(
    function nameMarkerElement() {
      const element = markerRef.current?.getElement();
      if (!element) return;
      element.setAttribute('aria-label', name);
      for (const [attribute, value] of JSON.parse(attributeList) as [string, string][]) {
        element.setAttribute(attribute, value);
      }
    },
    [markerRef, name, attributeList, icon],
  );

  return useMemo(
    () => ({
      click: onPress,
      keydown: (event: LeafletKeyboardEvent) => {
        // The icon is a <div role="button">: browsers give it no Enter or Space behaviour of its own.
        const { key } = event.originalEvent;
        if (key === 'Enter' || key === ' ') {
          event.originalEvent.preventDefault();
          onPress();
        }
      },
    }),
    [onPress],
  );
}
