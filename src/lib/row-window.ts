/** The rows a virtualised list of fixed-height rows must render: `start` inclusive, `end` exclusive. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Which rows of a list of `total` rows, each `rowHeight` pixels tall, are in
 * a viewport scrolled to `scrollTop` and `viewportHeight` tall, plus
 * `overscan` rows either side. Always within [0, total].
 */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan: number,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(total, first - overscan));
  const end = Math.max(start, Math.min(total, first + count + overscan));
  return { start, end };
}

/**
 * The scroll position that brings row `index` fully into view with the least
 * movement; `scrollTop` itself when it already is.
 */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
