import '../styles/long-city-list.css';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../state/use-t.ts';
import { buildSearchIndex, searchRallies } from '../lib/rally-search.ts';
import { scrollTopToShow, visibleRows } from '../lib/row-window.ts';
import { finishFocusRequest, setCityFilter } from '../state/rally-store.ts';
import {
  selectCityFilter,
  selectFocusRequest,
  selectHasRecords,
  selectRallies,
  selectSearchIndex,
  selectSelectedCityId,
} from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { CityLink, useListReadyMark } from './city-link.tsx';

/** Every row is this tall (see long-city-list.css), which is what makes the list cheap to virtualise. */
const rowHeight = 56;
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
const overscan = 6;
/** Until the viewport is measured: its largest CSS height. */
const initialViewportHeight = 448;

/**
 * The city list of "many rallies" mode: a search box and a list that renders
 * only the rows in view (about 20, whatever the count). Each row carries
 * `aria-posinset`/`aria-setsize`, so screen readers know where they are in
 * the whole list. Arrow keys, Page Up/Down, Home and End move between rows;
 * the open city is highlighted; focus returns to a city's row when the city
 * is closed, scrolling it into view.
 */
export default function LongCityList() {
  const rallies = useRallyStore(selectRallies);
  const loadedIndex = useRallyStore(selectSearchIndex);
  const hasRecords = useRallyStore(selectHasRecords);
  const selectedCityId = useRallyStore(selectSelectedCityId);
  const focusRequest = useRallyStore(selectFocusRequest);
  const filter = useRallyStore(selectCityFilter);
  const deferredFilter = useDeferredValue(filter);
  const { t } = useT();
  const inputId = useId();
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(initialViewportHeight);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  // The rally worker builds the index of a large file, a moment after the list; a file read on this
  // thread is small enough to index here.
  const searchIndex = useMemo(
    () => (loadedIndex?.count === rallies.length ? loadedIndex : hasRecords ? buildSearchIndex(rallies) : null),
    [loadedIndex, hasRecords, rallies],
  );
  // Until the worker's index arrives, the whole list shows.
  const matches = useMemo(
    () =>
      searchIndex
        ? searchRallies(searchIndex, deferredFilter)
        : Array.from({ length: rallies.length }, (_, position) => position),
    [searchIndex, deferredFilter, rallies],
  );
  const { start, end } = visibleRows(scrollTop, viewportHeight, rowHeight, matches.length, overscan);

  useListReadyMark(rallies);

  useEffect(function measureViewport() {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const observer = new ResizeObserver(() => setViewportHeight(viewport.clientHeight));
    observer.observe(viewport);
    return function stopMeasuring() {
      observer.disconnect();
    };
  }, []);

  /** Scrolls row `position` (in the filtered list) into view; it is focused once rendered. */
  const showRow = (position: number) => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const top = scrollTopToShow(position, viewport.scrollTop, viewport.clientHeight, rowHeight);
    viewport.scrollTop = top;
    setScrollTop(top);
    setFocusIndex(position);
  };

  useEffect(
    function returnFocusToListItem() {
      if (focusRequest?.kind !== 'list-item') return;
      const position = matches.findIndex((index) => rallies[index]?.id === focusRequest.cityId);
      if (position < 0) return;
      showRow(position);
      finishFocusRequest(focusRequest);
    },
    [focusRequest, matches, rallies],
  );

  useEffect(
    function focusShownRow() {
      if (focusIndex === null) return;
      const link = viewportRef.current?.querySelector<HTMLAnchorElement>(`li[data-position="${focusIndex}"] a`);
      if (!link) return;
      link.focus({ preventScroll: true });
      setFocusIndex(null);
    },
    [focusIndex, start, end],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-position]');
    if (!row) return;
    const position = Number(row.dataset.position);
    const page = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + page,
      PageUp: position - page,
      Home: 0,
      End: matches.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    showRow(Math.max(0, Math.min(matches.length - 1, target)));
  };

  return (
    <div className="long-city-list-wrapper">
      <label className="long-city-list-search" htmlFor={inputId}>
        {t('cityList.search')}
        <input
          id={inputId}
          className="text-field"
          type="search"
          value={filter}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setCityFilter(event.target.value);
            if (viewportRef.current) viewportRef.current.scrollTop = 0;
            setScrollTop(0);
          }}
        />
      </label>
      <p className="long-city-list-count" role="status">
        {filter.trim() === ''
          ? t('cityList.total', { count: rallies.length })
          : t('cityList.matches', { count: matches.length, total: rallies.length })}
      </p>
      <div
        className="long-city-list-viewport"
        ref={viewportRef}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <ul
          className="long-city-list city-list"
          style={{ height: matches.length * rowHeight }}
          aria-label={t('overview.theRallies')}
          onKeyDown={onKeyDown}
        >
          {matches.slice(start, end).map((index, offset) => {
            const rally = rallies[index];
            if (!rally) return null;
            const position = start + offset;
            return (
              <li
                key={rally.id}
                data-position={position}
                style={{ top: position * rowHeight }}
                aria-posinset={position + 1}
                aria-setsize={matches.length}
              >
                <CityLink rally={rally} current={rally.id === selectedCityId} />
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
