import { useT } from '../state/use-t.ts';
import { useEffect, useRef } from 'react';
import { cityName } from '../lib/city-name.ts';
import { captionTextId, translatedText } from '../lib/content-translation.ts';
import { countryName } from '../lib/country-name.ts';
import { formatCalendarDate, unreportedDate } from '../lib/format-date.ts';
import type { Rally } from '../lib/rally-schema.ts';
import type { RallySummary } from '../lib/rally-summary.ts';
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
import { TranslationMark } from './translation-mark.tsx';
import { TryAgainButton } from './try-again-button.tsx';

/**
 * Everything the source reports about one rally. Whatever it does not report
 * is said plainly ("Venue not reported"), never filled in.
 */
export function CityPanel({ rally }: { rally: Rally }) {
  const campaign = useRallyStore(selectCampaign);
  const { t, language, titles } = useT();
  useCloseOnEscape();

  return (
    <article className="city" aria-labelledby="city-heading">
      <div className="panel-toolbar">
        <BackLink />
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

      <CityHeading city={rally} />

      <dl className="city-facts">
        <DateFact date={rally.date} />
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
        <PrecisionFact precision={rally.locationPrecision} />
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
 * What is known of a city whose whole record could not be downloaded (many
 * rallies, offline: its record shard was never stored): its name, country,
 * date and how it sits on the map, from its summary, and a note with Try
 * again. Its venue, crowd, quotes and photos are not shown at all, rather
 * than as "not reported", which they may not be.
 */
export function CityRecordUnreachable({ summary }: { summary: RallySummary }) {
  const { t } = useT();
  useCloseOnEscape();
  return (
    <article className="city" aria-labelledby="city-heading">
      <div className="panel-toolbar">
        <BackLink />
      </div>
      <CityHeading city={summary} />
      <dl className="city-facts">
        <DateFact date={summary.date} />
        <PrecisionFact precision={summary.locationPrecision} />
      </dl>
      <div className="load-error" role="alert">
        <p>{t('city.recordUnreachable')}</p>
        <TryAgainButton
          retry={() => void import('../state/open-record.ts').then(({ retryOpenRecord }) => retryOpenRecord())}
        />
      </div>
    </article>
  );
}

/** Esc closes the open city (the share menu handles its own Esc first and stops it there). */
function useCloseOnEscape(): void {
  useEffect(function closeOnEscape() {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeCity();
    };
    document.addEventListener('keydown', onKeyDown);
    return function stopClosingOnEscape() {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}

/** The link back to the overview. */
function BackLink() {
  const { t } = useT();
  return (
    <RouteLink route={overviewRoute} onOpen={closeCity} className="back-button">
      <span aria-hidden="true">‹</span> {t('city.allRallies')}
    </RouteLink>
  );
}

/**
 * The city's name (in the page's language, with its local name), as the
 * panel's heading, and its country. Focused when the city was opened from a
 * marker or a list item.
 */
function CityHeading({ city }: { city: Pick<Rally, 'id' | 'name' | 'localName' | 'country'> }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusRequest = useRallyStore(selectFocusRequest);
  const { locale, translation } = useT();
  const names = cityName(city, translation);

  useEffect(
    function focusHeadingWhenOpened() {
      if (focusRequest?.kind !== 'city-heading' || !headingRef.current) return;
      headingRef.current.focus();
      finishFocusRequest(focusRequest);
    },
    [focusRequest, city.id],
  );

  return (
    <>
      <h2 id="city-heading" ref={headingRef} tabIndex={-1} className="city-heading">
        {names.name}
        {names.localName !== null ? (
          <span className="city-local-name" lang={names.localLanguage}>
            {names.localName}
          </span>
        ) : null}
      </h2>
      <p className="city-country">{countryName(city.country, locale)}</p>
    </>
  );
}

/** The rally's date, or that the source does not give one. */
function DateFact({ date }: { date: string }) {
  const { t, locale } = useT();
  return (
    <div>
      <dt>{t('city.date')}</dt>
      {date === unreportedDate ? (
        <dd className="not-reported">{t('city.dateNotReported')}</dd>
      ) : (
        <dd>
          <time dateTime={date}>{formatCalendarDate(date, locale)}</time>
        </dd>
      )}
    </div>
  );
}

/** Where the marker stands: at the venue, or at the city's centre. */
function PrecisionFact({ precision }: { precision: Rally['locationPrecision'] }) {
  const { t } = useT();
  return (
    <div>
      <dt>{t('city.onTheMap')}</dt>
      <dd>{precision === 'venue' ? t('city.atVenue') : t('city.cityCentre')}</dd>
    </div>
  );
}

/**
 * A reported fact written in English in the data (a venue, a crowd): in
 * English, or in the page's language marked as our translation, with the
 * English kept beside it.
 */
function TranslatableFact({ id, english }: { id: string; english: string }) {
  const { translation } = useT();
  const translated = translatedText(translation, id, english);
  if (translated === null) return <dd>{capitalise(english)}</dd>;
  return (
    <dd>
      {capitalise(translated)} <TranslationMark english={english} />
    </dd>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
