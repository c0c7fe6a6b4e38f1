import { cityName } from './city-name.ts';
import { countryName } from './country-name.ts';
import { formatCalendarDate } from './format-date.ts';
import type { MessageParams } from './i18n.ts';
import type { Campaign, Rally } from './rally-schema.ts';

/** A message formatter for one language (src/lib/i18n.ts `formatMessage` with its catalogues bound). */
export type PageTranslate = (key: string, params?: MessageParams) => string;

/** The `Intl` locale of an interface language: British English for "en", so dates read "7 April 2018". */
export function pageLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/**
 * Every piece of interface text the quote pages, posters and image cards
 * show, in one language: their chrome, never the quotes (which stay
 * verbatim). What the source does not report reads "not reported".
 */
export function toolPageText(t: PageTranslate, language: string) {
  const locale = pageLocale(language);
  return {
    date: (isoDate: string) => formatCalendarDate(isoDate, locale),
    city: (rally: Rally) => cityName(rally).name,
    country: (rally: Rally) => countryName(rally.country, locale),
    /** "London · 7 April 2018", or "Day of action · 7 April 2018" for a campaign quote. */
    placeAndDate: (rally: Rally | null, isoDate: string) =>
      `${rally ? cityName(rally).name : t('tools.dayOfAction')} · ${formatCalendarDate(isoDate, locale)}`,
    /** One line of what happened at a rally, from the data only: venue and attendance, or "not reported". */
    whatHappened: (rally: Rally) =>
      `${rally.venue ?? t('city.venueNotReported')} · ${
        rally.attendance ? capitalise(rally.attendance.text) : t('city.attendanceNotReported')
      }`,
    sourceLabel: t('source.label'),
    backToCity: (rally: Rally) => t('tools.backToCity', { city: cityName(rally).name }),
    allRallies: t('city.allRallies'),
    quotedIn: (quoteLanguage: string) =>
      t('quote.quotedIn', {
        language: new Intl.DisplayNames([locale], { type: 'language' }).of(quoteLanguage) ?? quoteLanguage,
      }),
    shareQuote: t('tools.shareQuote'),
    shareOn: t('share.shareOn'),
    email: t('share.email'),
    downloadImage: t('tools.downloadImage'),
    imageWide: t('tools.imageWide'),
    imageSquare: t('tools.imageSquare'),
    copyWithCitation: t('tools.copyWithCitation'),
    citationHint: t('tools.citationHint'),
    printPoster: t('tools.printPoster'),
    paper: t('tools.paper'),
    printHint: t('tools.printHint'),
    scanToOpen: t('tools.scanToOpen'),
    posterMapAlt: (rally: Rally) => t('tools.posterMapAlt', { city: cityName(rally).name }),
    campaignTitle: (campaign: Campaign | null) => campaign?.title ?? t('tools.untitledCampaign'),
  };
}

/** The text of `toolPageText` for one language. */
export type ToolPageText = ReturnType<typeof toolPageText>;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
