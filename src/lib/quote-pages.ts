import type { RallyCollection } from './parse-rallies.ts';
import type { Quote, Rally, Source } from './rally-schema.ts';
import { quotePagePath, type QuoteAddress } from './address.ts';
import type { Language } from './i18n.ts';

/** One quote's page: which quote, where it lives and what it needs to show. */
export interface QuotePage {
  /** Unique across the site: `london-2`, or `campaign-1` for a campaign quote. */
  id: string;
  address: QuoteAddress;
  /** The page's path under the base path, in its language, with a trailing slash. */
  path: string;
  /** The language of the page's text around the quote (the quote itself stays in its own). */
  language: Language;
  quote: Quote;
  /** The rally the quote was said at, or `null` for a campaign-level quote. */
  rally: Rally | null;
  /** The date it was said (the rally's, or the day of action's for a campaign quote). */
  date: string;
  /** Where the quote comes from: the rally's first source, or the campaign's. `null` only when there is none. */
  source: Source | null;
}

/**
 * Every quote page of a collection in one language (English unless
 * `language` says otherwise): each city's quotes, numbered from 1 in file
 * order (`/city/london/quote/2/`, `/ru/city/london/quote/2/`), then the
 * campaign's quotes (`/quote/1/`). Numbers follow the quotes' order in the
 * file, so they stay stable as long as quotes are only added at the end,
 * and are the same in every language.
 */
export function quotePages(
  { campaign, rallies }: Pick<RallyCollection, 'campaign' | 'rallies'>,
  basePath = '/',
  language: Language = 'en',
): QuotePage[] {
  const pages: QuotePage[] = [];
  for (const rally of rallies) {
    rally.quotes.forEach((quote, index) => {
      const address = { cityId: rally.id, number: index + 1 };
      pages.push({
        id: `${rally.id}-${address.number}`,
        address,
        path: quotePagePath(address, basePath, language),
        language,
        quote,
        rally,
        date: rally.date,
        source: rally.sources[0] ?? campaign?.source ?? null,
      });
    });
  }
  campaign?.quotes.forEach((quote, index) => {
    const address = { cityId: null, number: index + 1 };
    pages.push({
      id: `campaign-${address.number}`,
      address,
      path: quotePagePath(address, basePath, language),
      language,
      quote,
      rally: null,
      date: campaign.date,
      source: campaign.source,
    });
  });
  return pages;
}

/**
 * The quote as one line a journalist can paste: the quote verbatim in
 * quotation marks, speaker, role, source title and publisher, date (as
 * given, already formatted for the reader) and the quote page's address.
 * `“International solidarity is so important.” — Peter Tatchell, Human
 * rights campaigner. “International protests …”, Gay Star News, 7 April
 * 2018. https://…/city/london/quote/1/`
 */
export function citationLine(page: Pick<QuotePage, 'quote' | 'source'>, dateText: string, url: string): string {
  const { text, speaker, role } = page.quote;
  const source = page.source ? ` “${page.source.title}”, ${page.source.publisher},` : '';
  return `“${oneLine(text)}” — ${oneLine(speaker)}, ${oneLine(role)}.${oneLine(source)} ${dateText}. ${url}`;
}

/** Line breaks and runs of white space become single spaces, so the citation stays one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
