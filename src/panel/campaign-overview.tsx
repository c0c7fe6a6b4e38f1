import { useT } from '../state/use-t.ts';
import { translatedText } from '../lib/content-translation.ts';
import { formatCalendarDate } from '../lib/format-date.ts';
import { pageTitle } from '../lib/page-title.ts';
import { overviewRoute } from '../lib/address.ts';
import { ShareMenu } from '../share/share-menu.tsx';
import { selectCampaign, selectRallies } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { CityList } from './city-list.tsx';
import { DataDownloads } from './data-downloads.tsx';
import { QuoteList } from './quote-list.tsx';
import { formatList } from '../lib/intl-formats.ts';

/** The overview: what happened, who called it, the organisers' words, and every city. */
export function CampaignOverview() {
  const campaign = useRallyStore(selectCampaign);
  const rallies = useRallyStore(selectRallies);
  const { t, locale, translation, titles } = useT();
  const summary = campaign ? translatedText(translation, 'campaign.summary', campaign.summary) : null;
  return (
    <div className="overview">
      <div className="panel-toolbar">
        <h2 id="overview-what" className="section-heading">
          {campaign ? t('overview.whatHappened') : t('overview.theRallies')}
        </h2>
        <ShareMenu route={overviewRoute} text={pageTitle({ kind: 'overview' }, campaign, titles)} />
      </div>
      {campaign ? (
        <section aria-labelledby="overview-what">
          <p className="overview-summary">{summary ?? campaign.summary}</p>
          {summary !== null && translation !== null ? (
            <p className="translation-note">{t('content.translatedBy', { translator: translation.translatedBy })}</p>
          ) : null}
          {campaign.calledBy.length > 0 ? (
            <p className="overview-called-by">
              <span className="label">{t('overview.calledBy')}</span>{' '}
              {formatList(
                locale,
                campaign.calledBy.map((organiser) => organiser.name),
              )}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="overview-cities">
        <h2 id="overview-cities" className="section-heading">
          {campaign
            ? t('overview.rallyCount', { count: rallies.length, date: formatCalendarDate(campaign.date, locale) })
            : t('overview.theRallies')}
        </h2>
        <CityList />
        <p className="map-legend">
          <span>
            <span className="city-dot city-dot--venue" aria-hidden="true" /> {t('overview.legendVenue')}
          </span>
          <span>
            <span className="city-dot city-dot--city" aria-hidden="true" /> {t('overview.legendCity')}
          </span>
        </p>
      </section>

      {campaign && campaign.quotes.length > 0 ? (
        <section aria-labelledby="overview-quotes">
          <h2 id="overview-quotes" className="section-heading">
            {t('overview.organisersSaid')}
          </h2>
          <QuoteList
            quotes={campaign.quotes}
            context={{ cityId: null, date: campaign.date, source: campaign.source }}
          />
        </section>
      ) : null}

      <DataDownloads source={campaign?.source ?? null} />
    </div>
  );
}
