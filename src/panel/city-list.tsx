import { useT, type Translate } from '../i18n/use-t.ts';
import { useEffect, useRef } from 'react';
import { cityName } from '../lib/city-name.ts';
import { countryName } from '../lib/country-name.ts';
import type { Rally } from '../lib/rally-schema.ts';
import { finishFocusRequest, selectCity } from '../state/rally-store.ts';
import { selectFocusRequest, selectRallies, selectSelectedCityId } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { RouteLink } from './route-link.tsx';

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

/**
 * Every rally as a link to its page: the text alternative to the map. Kept in step
 * with the markers through the store; the open city carries `aria-current`.
 */
export function CityList() {
  const rallies = useRallyStore(selectRallies);
  const selectedCityId = useRallyStore(selectSelectedCityId);
  const focusRequest = useRallyStore(selectFocusRequest);
  const { t, locale } = useT();
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

  return (
    <ul className="city-list" ref={listRef}>
      {rallies.map((rally) => {
        const names = cityName(rally);
        return (
          <li key={rally.id}>
            <RouteLink
              route={{ kind: 'city', cityId: rally.id }}
              onOpen={() => selectCity(rally.id, 'list-item')}
              className="city-button"
              data-city-id={rally.id}
              aria-current={rally.id === selectedCityId ? 'page' : undefined}
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
          </li>
        );
      })}
    </ul>
  );
}
