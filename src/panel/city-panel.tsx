import { useT } from '../state/use-t.ts';
import { useEffect, useRef } from 'react';
import { cityName } from '../lib/city-name.ts';
import { captionTextId, translatedText } from '../lib/content-translation.ts';
import { countryName } from '../lib/country-name.ts';
import { formatCalendarDate, unreportedDate } from '../lib/format-date.ts';
import type { Rally } from '../lib/rally-schema.ts';
import { pageTitle } from '../lib/page-title.ts';
import { imagePath, overviewRoute, posterPagePath } from '../lib/address.ts';
import { ShareMenu } from '../share/share-menu.tsx';
import { closeCity, finishFocusRequest } from '../state/rally-store.ts';
import { selectCampaign, selectFocusRequest } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { PhotoFigure } from './photo-figure.tsx';
import { QuoteList } from './quote-list.tsx';
import { RouteLink } from './route-link.tsx';
import { SourceLine } from './source-line.tsx';

/**
 * Everything the source reports about one rally. Whatever it does not report
 * is said plainly ("Venue not reported"), never filled in.
 */
export function CityPanel({ rally }: { rally: Rally }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const campaign = useRallyStore(selectCampaign);

  const focusRequest = useRallyStore(selectFocusRequest);
  const { t, language, locale, translation, titles } = useT();
  const names = cityName(rally, translation);

  useEffect(
    function focusHeadingWhenOpened() {
      if (focusRequest?.kind !== 'city-heading' || !headingRef.current) return;
      headingRef.current.focus();
      finishFocusRequest(focusRequest);
    },
    [focusRequest, rally.id],
  );

  useEffect(function closeOnEscape() {
    const onKeyDown = (event: KeyboardEvent) => {
      // The share menu handles its own Esc first and stops it there.
      if (event.key === 'Escape' && !event.defaultPrevented) closeCity();
    };
    document.addEventListener('keydown', onKeyDown);
    return function stopClosingOnEscape() {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <article className="city" aria-labelledby="city-heading">
      <div className="panel-toolbar">
        <RouteLink route={overviewRoute} onOpen={closeCity} className="back-button">
          <span aria-hidden="true">‹</span> {t('city.allRallies')}
        </RouteLink>
        <ShareMenu
          route={{ kind: 'city', cityId: rally.id }}
          text={pageTitle({ kind: 'city', rally }, campaign, titles)}
          tools={{
            images: {
              wide: imagePath({ kind: 'city', cityId: rally.id }, 'wide', import.meta.env.BASE_URL, language),
              square: imagePath({ kind: 'city', cityId: rally.id }, 'square', import.meta.env.BASE_URL, language),
            },
            posterPath: posterPagePath(rally.id, 'a4', import.meta.env.BASE_URL, language),
          }}
        />
      </div>

      <h2 id="city-heading" ref={headingRef} tabIndex={-1} className="city-heading">
        {names.name}
        {names.localName !== null ? (
          <span className="city-local-name" lang={names.localLanguage}>
            {names.localName}
          </span>
        ) : null}
      </h2>
      <p className="city-country">{countryName(rally.country, locale)}</p>

      <dl className="city-facts">
        <div>
          <dt>{t('city.date')}</dt>
          {rally.date === unreportedDate ? (
            <dd className="not-reported">{t('city.dateNotReported')}</dd>
          ) : (
            <dd>
              <time dateTime={rally.date}>{formatCalendarDate(rally.date, locale)}</time>
            </dd>
          )}
        </div>
        <div>
          <dt>{t('city.venue')}</dt>
          {rally.venue === null ? (
            <dd className="not-reported">{t('city.venueNotReported')}</dd>
          ) : (
            <TranslatableFact id={`${rally.id}.venue`} english={rally.venue} />
          )}
        </div>
        <div>
          <dt>{t('city.attendance')}</dt>
          {rally.attendance === null ? (
            <dd className="not-reported">{t('city.attendanceNotReported')}</dd>
          ) : (
            <TranslatableFact id={`${rally.id}.attendance`} english={rally.attendance.text} />
          )}
        </div>
        <div>
          <dt>{t('city.onTheMap')}</dt>
          <dd>{rally.locationPrecision === 'venue' ? t('city.atVenue') : t('city.cityCentre')}</dd>
        </div>
      </dl>

      <section aria-labelledby="city-quotes">
        <h3 id="city-quotes" className="section-heading">
          {t('city.whatWasSaid')}
        </h3>
        {rally.quotes.length > 0 ? (
          <QuoteList
            quotes={rally.quotes}
            context={{ cityId: rally.id, date: rally.date, source: rally.sources[0] ?? campaign?.source ?? null }}
          />
        ) : (
          <p className="not-reported">{t('city.noQuotes')}</p>
        )}
      </section>

      <section aria-labelledby="city-photos">
        <h3 id="city-photos" className="section-heading">
          {t('city.photos')}
        </h3>
        {rally.photos.length > 0 ? (
          <div className="photo-list">
            {rally.photos.map((photo, index) => (
              <PhotoFigure key={index} photo={photo} captionId={captionTextId(rally.id, index)} />
            ))}
          </div>
        ) : (
          <p className="not-reported">{t('city.noPhotos')}</p>
        )}
      </section>

      {rally.sources.map((source, index) => (
        <SourceLine key={index} source={source} />
      ))}
    </article>
  );
}

/**
 * A reported fact written in English in the data (a venue, a crowd): in
 * English, or in the page's language marked as our translation, with the
 * English kept beside it.
 */
function TranslatableFact({ id, english }: { id: string; english: string }) {
  const { t, translation } = useT();
  const translated = translatedText(translation, id, english);
  if (translated === null) return <dd>{capitalise(english)}</dd>;
  return (
    <dd>
      {capitalise(translated)}{' '}
      <span className="translation-mark">
        ({t('content.translatedFrom')}: <span lang="en">{english}</span>)
      </span>
    </dd>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
