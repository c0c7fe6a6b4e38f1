import { useEffect } from 'react';
import { cityName } from '../lib/city-name.ts';
import { countryName } from '../lib/country-name.ts';
import type { RallySummary } from '../lib/rally-summary.ts';
import { selectCity } from '../state/rally-store.ts';
import { useT, type Translate } from '../state/use-t.ts';
import { RouteLink } from './route-link.tsx';
import { formatList } from '../lib/intl-formats.ts';

/** What the source reports about a rally, in a few words. */
function describeReporting(rally: RallySummary, t: Translate, locale: string): string {
  const parts = [
    rally.quoteCount > 0 ? t('cityList.quotes', { count: rally.quoteCount }) : null,
    rally.photoCount > 0 ? t('cityList.photos', { count: rally.photoCount }) : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? formatList(locale, parts) : t('cityList.nameOnly');
}

/**
 * Marks, once per page, when a city list first shows loaded rallies
 * (`rally-map:list-ready`, which `npm run bench` reads). Both the short and
 * the long list call it.
 */
export function useListReadyMark(rallies: readonly RallySummary[]): void {
  useEffect(
    function markListShown() {
      if (rallies.length > 0 && performance.getEntriesByName('rally-map:list-ready').length === 0) {
        performance.mark('rally-map:list-ready');
      }
    },
    [rallies],
  );
}

/** One rally's link in the city list: its name, country and what the source reports; `current` when open. */
export function CityLink({ rally, current }: { rally: RallySummary; current: boolean }) {
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
