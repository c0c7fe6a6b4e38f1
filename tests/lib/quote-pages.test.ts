import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../src/lib/i18n.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { citationLine, quotePages } from '../../src/lib/quote-pages.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const collection = parseRallyCollection(readRallyDocument());

describe('quotePages', () => {
  it('gives every quote of the real data one page: London’s seven, then the campaign’s three', () => {
    const pages = quotePages(collection);
    expect(pages.map((page) => page.id)).toEqual([
      'london-1',
      'london-2',
      'london-3',
      'london-4',
      'london-5',
      'london-6',
      'london-7',
      'campaign-1',
      'campaign-2',
      'campaign-3',
    ]);
    expect(pages.map((page) => page.path)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7].map((number) => `/city/london/quote/${number}/`),
      '/quote/1/',
      '/quote/2/',
      '/quote/3/',
    ]);
    expect(new Set(pages.map((page) => page.path)).size).toBe(pages.length);
  });

  it('carries each quote verbatim with its speaker, date and source', () => {
    const [first] = quotePages(collection, '/chechnya-rallies/');
    expect(first?.path).toBe('/chechnya-rallies/city/london/quote/1/');
    expect(first?.quote).toEqual({
      text: 'International solidarity is so important.',
      speaker: 'Peter Tatchell',
      role: 'Human rights campaigner',
      lang: 'en',
    });
    expect(first?.date).toBe('2018-04-07');
    expect(first?.source?.publisher).toBe('Gay Star News');
    const campaignQuote = quotePages(collection).find((page) => page.id === 'campaign-1');
    expect(campaignQuote?.rally).toBeNull();
    expect(campaignQuote?.quote.speaker).toBe('Matt Beard');
  });

  it('gives the same quotes in every language, at that language’s addresses', () => {
    const english = quotePages(collection);
    for (const language of supportedLanguages) {
      const pages = quotePages(collection, '/', language);
      expect(pages.map((page) => page.id)).toEqual(english.map((page) => page.id));
      expect(pages.map((page) => page.quote)).toEqual(english.map((page) => page.quote));
      expect(pages.every((page) => page.language === language)).toBe(true);
      const prefix = language === 'en' ? '/' : `/${language.toLowerCase()}/`;
      expect(pages.map((page) => page.path)).toEqual(english.map((page) => page.path.replace(/^\//, prefix)));
    }
    const russian = quotePages(collection, '/chechnya-rallies/', 'ru');
    expect(russian[0]?.path).toBe('/chechnya-rallies/ru/city/london/quote/1/');
    expect(russian.at(-1)?.path).toBe('/chechnya-rallies/ru/quote/3/');
  });

  it('has no pages without quotes or a campaign', () => {
    expect(quotePages({ campaign: null, rallies: collection.rallies.slice(1) })).toEqual([]);
  });
});

describe('citationLine', () => {
  it('puts quote, speaker, role, source, date and address on one line', () => {
    const [first] = quotePages(collection);
    if (!first) throw new Error('no quote');
    expect(
      citationLine({ ...first, quote: { ...first.quote, text: 'One\nline' } }, '7 April 2018', 'https://x.org/q/'),
    ).toBe(
      '“One line” — Peter Tatchell, Human rights campaigner. “International protests call for stop to anti-gay purge in Chechnya”, Gay Star News, 7 April 2018. https://x.org/q/',
    );
  });
});
