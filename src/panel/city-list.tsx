import { useT, type Translate } from '../state/use-t.ts';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { cityName } from '../lib/city-name.ts';
import { countryName } from '../lib/country-name.ts';
import type { Rally } from '../lib/rally-schema.ts';
import { finishFocusRequest, selectCity } from '../state/rally-store.ts';
import { selectFocusRequest, selectHasManyRallies, selectRallies, selectSelectedCityId } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { RouteLink } from './route-link.tsx';

// Only in "many rallies" mode: the virtualised list with its search box is a separate file.
const LongCityList = lazy(() => import('./long-city-list.tsx'));

/** What the source reports about a rally, in a few words. */
function describeReporting(rally: Rally, t: Translate, locale: string): string {
  const parts = [
    rally.quotes.length > 0 ? t('cityList.quotes', { count: rally.quotes.length }) : null,
    rally.photos.length > 0 ? t('cityList.photos', { count: rally.photos.length }) : null,
  ].filter((part) => part !== null);
  return parts.length > 0
    ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(parts)
    : t('cityList.nameOnly');
}

/** Marks, once, when the city list first shows loaded rallies (for `npm run bench`). */
export function markListReady(): void {
  if (performance.getEntriesByName('rally-map:list-ready').length === 0) performance.mark('rally-map:list-ready');
}

/**
 * Every rally as a link to its page: the text alternative to the map. Kept in step
 * with the markers through the store; the open city carries `aria-current`.
 * With many rallies it is a virtualised list with a search box instead.
 */
export function CityList() {
  const manyRallies = useRallyStore(selectHasManyRallies);
  if (manyRallies) {
    return (
      <Suspense fallback={null}>
        <LongCityList />
      </Suspense>
    );
  }
  return <ShortCityList />;
}

function ShortCityList() {
  const rallies = useRallyStore(selectRallies);
  const selectedCityId = useRallyStore(selectSelectedCityId);
  const focusRequest = useRallyStore(selectFocusRequest);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(
    function returnFocusToListItem() {
      if (focusRequest?.kind !== 'list-item') return;
      const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-city-id]') ?? [];
      const link = [...links].find((candidate) => candidate.dataset.cityId === focusRequest.cityId);
      if (!link) return;
      link.focus();
      finishFocusRequest(focusRequest);
    },
    [focusRequest],
  );

  useEffect(
    function markListShown() {
      if (rallies.length > 0) markListReady();
    },
    [rallies],
  );

  return (
    <ul className="city-list" ref={listRef}>
      {rallies.map((rally) => (
        <li key={rally.id}>
          <CityLink rally={rally} current={rally.id === selectedCityId} />
        </li>
      ))}
    </ul>
  );
}

/** One rally's link in the city list: its name, country and what the source reports; `current` when open. */
export function CityLink({ rally, current }: { rally: Rally; current: boolean }) {
  const { t, locale, translation } = useT();
  const names = cityName(rally, translation);
  return (
    <RouteLink
      route={{ kind: 'city', cityId: rally.id }}
      onOpen={() => selectCity(rally.id, 'list-item')}
      className="city-button"
      data-city-id={rally.id}
      aria-current={current ? 'page' : undefined}
    >
      <span className={`city-dot city-dot--${rally.locationPrecision}`} aria-hidden="true" />
      <span className="city-button-text">
        <span className="city-button-name">
          {names.name}
          {names.localName !== null ? (
            <span className="city-button-local" lang={names.localLanguage}>
              {' · '}
              {names.localName}
            </span>
          ) : null}
        </span>
        <span className="city-button-detail">
          {countryName(rally.country, locale)}
          {' · '}
          {describeReporting(rally, t, locale)}
        </span>
      </span>
      <span className="city-button-arrow" aria-hidden="true">
        ›
      </span>
    </RouteLink>
  );
}
