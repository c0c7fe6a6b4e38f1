import { cityName } from './city-name.ts';
import { quoteTextId, translatedRole, translatedText, type ContentTranslation } from './content-translation.ts';
import { countryName } from './country-name.ts';
import { formatCalendarDate } from './format-date.ts';
import { intlLocale, type MessageParams } from './i18n.ts';
import type { Campaign, Rally } from './rally-schema.ts';
import { languageName } from './intl-formats.ts';

/** A message formatter for one language (src/lib/i18n.ts `formatMessage` with its catalogues bound). */
export type PageTranslate = (key: string, params?: MessageParams) => string;

/**
 * Every piece of interface text the quote pages, posters and image cards
 * show, in one language: their chrome from its catalogue, the cities' names
 * in it (exonyms from `translation`), and our translations of the rally
 * file's texts where `translation` has them, for the pages to label as
 * translations. Never the quotes themselves, which stay verbatim. What the
 * source does not report reads "not reported".
 */
export function toolPageText(t: PageTranslate, language: string, translation: ContentTranslation | null = null) {
  const locale = intlLocale(language);
  const city = (rally: Rally) => cityName(rally, translation).name;
  /** A reported fact in the language where we have its translation, else in English. */
  const fact = (id: string, english: string) => {
    const translated = translatedText(translation, id, english);
    return { text: translated ?? english, translated: translated !== null };
  };
  return {
    date: (isoDate: string) => formatCalendarDate(isoDate, locale),
    city,
    /** The city's name in the language, and its local name where that differs ("Мюнхен", "München"). */
    cityNames: (rally: Rally) => cityName(rally, translation),
    country: (rally: Rally) => countryName(rally.country, locale),
    /** "London · 7 April 2018", or "Day of action · 7 April 2018" for a campaign quote. */
    placeAndDate: (rally: Rally | null, isoDate: string) =>
      `${rally ? city(rally) : t('tools.dayOfAction')} · ${formatCalendarDate(isoDate, locale)}`,
    /**
     * One line of what happened at a rally, from the data only: venue and
     * attendance, or "not reported"; in our translation where there is one
     * (`translated` says so, for the page to label it).
     */
    whatHappened: (rally: Rally): { text: string; translated: boolean } => {
      const venue = rally.venue === null ? null : fact(`${rally.id}.venue`, rally.venue);
      const crowd = rally.attendance === null ? null : fact(`${rally.id}.attendance`, rally.attendance.text);
      return {
        text: `${venue?.text ?? t('city.venueNotReported')} · ${
          crowd ? capitalise(crowd.text) : t('city.attendanceNotReported')
        }`,
        translated: Boolean(venue?.translated || crowd?.translated),
      };
    },
    /** Our translation of a quote (the `index`th of its city's, or the campaign's for `cityId: null`), or `null`. */
    quoteTranslation: (cityId: string | null, index: number, english: string) =>
      translatedText(translation, quoteTextId(cityId ?? 'campaign', index), english),
    /**
     * Our translation of a quote's speaker's role (see `quoteTranslation` for the arguments), or `null` when there
     * is none or it is the English itself (an organisation's name).
     */
    roleTranslation: (cityId: string | null, index: number, english: string) =>
      translatedRole(translation, cityId ?? 'campaign', index, english),
    /** The mark beside a translated role, before its English: "translated from English". */
    translatedFrom: t('content.translatedFrom'),
    /** The label before a translated quote: "Translation:". */
    translationLabel: t('content.translation'),
    /** Who translated the texts marked as translations ("Translated from English by rally-map"), or `null` in English. */
    translatedBy: translation === null ? null : t('content.translatedBy', { translator: translation.translatedBy }),
    sourceLabel: t('source.label'),
    backToCity: (rally: Rally) => t('tools.backToCity', { city: city(rally) }),
    allRallies: t('city.allRallies'),
    quotedIn: (quoteLanguage: string) =>
      t('quote.quotedIn', {
        language: languageName(locale, quoteLanguage),
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
    /** The two paper sizes' names: A4 is A4 everywhere; US Letter has its own name in some languages. */
    paperName: (size: 'a4' | 'letter') => (size === 'a4' ? 'A4' : t('tools.paperLetter')),
    printHint: t('tools.printHint'),
    scanToOpen: t('tools.scanToOpen'),
    posterMapAlt: (rally: Rally) => t('tools.posterMapAlt', { city: city(rally) }),
    /** The campaign's title in the language where we have its translation (`translated`), else in English. */
    campaignTitle: (campaign: Campaign | null): { text: string; translated: boolean } =>
      campaign === null
        ? { text: t('tools.untitledCampaign'), translated: false }
        : fact('campaign.title', campaign.title),
  };
}

/** The text of `toolPageText` for one language. */
export type ToolPageText = ReturnType<typeof toolPageText>;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
