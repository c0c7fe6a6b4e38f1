import { cityName } from './city-name.ts';
import { campaignTitle, type ContentTranslation } from './content-translation.ts';
import { formatCalendarDate } from './format-date.ts';
import type { Campaign, Rally } from './rally-schema.ts';

/** What a page shows, as far as its title is concerned. */
export type TitledPage =
  | { kind: 'overview' }
  | { kind: 'city'; rally: Pick<Rally, 'id' | 'name' | 'localName' | 'country' | 'date'> }
  | { kind: 'not-found' };

/** The words a title is made of, in the page's language. */
export interface TitleWords {
  /** The `Intl` locale dates are written in: `en-GB`, `ru`. */
  locale: string;
  /** "Page not found", in the language. */
  notFound: string;
  /** "Rally map", in the language: the site's name when the data has no campaign. */
  siteName: string;
  /** The language's translation of the rally file's texts, or `null` (English). */
  translation: ContentTranslation | null;
}

/** The English words of titles. */
export const englishTitleWords: TitleWords = {
  locale: 'en-GB',
  notFound: 'Page not found',
  siteName: 'Rally map',
  translation: null,
};

/**
 * The document title for a page: the city first where there is one, so tabs
 * and shared links read "London, 7 April 2018 · <campaign title>"; in the
 * words' language, with the city's usual name there ("Лондон, 7 апреля 2018 г. · …").
 */
export function pageTitle(page: TitledPage, campaign: Campaign | null, words: TitleWords = englishTitleWords): string {
  const site = campaign ? campaignTitle(campaign, words.translation) : words.siteName;
  switch (page.kind) {
    case 'overview':
      return campaign ? `${site} · ${formatCalendarDate(campaign.date, words.locale)}` : site;
    case 'city':
      // A rally whose date no one reported (src/lib/missing-fields.ts) is named without one.
      return page.rally.date === ''
        ? `${cityName(page.rally, words.translation).name} · ${site}`
        : `${cityName(page.rally, words.translation).name}, ${formatCalendarDate(page.rally.date, words.locale)} · ${site}`;
    case 'not-found':
      return `${words.notFound} · ${site}`;
  }
}
