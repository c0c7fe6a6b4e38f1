import type { LatLngBoundsExpression, LatLngExpression, Map as LeafletMap } from 'leaflet';

/*
 * How the map moves, in one place: whether the reader asked for reduced
 * motion, whether the screen is a touch screen, and flying or jumping.
 */

// Modules of the map are also imported at build time, in Node, where there is no window.
const canAsk = typeof window !== 'undefined' && typeof window.matchMedia === 'function';

/** True when the reader asked for reduced motion: the map then jumps instead of flying, and nothing slides or fades. */
export function prefersReducedMotion(): boolean {
  return canAsk && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** True on a touch screen (a coarse pointer), where markers and clusters get a 44 px hit area. Read once, at load. */
export const coarsePointer = canAsk && window.matchMedia('(pointer: coarse)').matches;

/** How a move is made: flown over `duration` seconds, or a jump when `animate` is false or motion is reduced. */
export interface MoveOptions {
  animate: boolean;
  duration: number;
}

/** Moves the map to `target` at `zoom`: flies when `animate` is true and the reader allows motion, else jumps. */
export function flyOrJump(map: LeafletMap, target: LatLngExpression, zoom: number, move: MoveOptions): void {
  if (move.animate && !prefersReducedMotion()) map.flyTo(target, zoom, { duration: move.duration });
  else map.setView(target, zoom, { animate: false });
}

/**
 * Fits `bounds` in the map, with `padding` pixels around and no deeper than
 * `maxZoom`: flies when `animate` is true and the reader allows motion, else jumps.
 */
export function flyOrJumpToBounds(
  map: LeafletMap,
  bounds: LatLngBoundsExpression,
  fit: { padding: [number, number]; maxZoom: number },
  move: MoveOptions,
): void {
  if (move.animate && !prefersReducedMotion()) map.flyToBounds(bounds, { ...fit, duration: move.duration });
  else map.fitBounds(bounds, { ...fit, animate: false });
}
