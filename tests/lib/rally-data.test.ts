/**
 * Data honesty: everything data/rallies.geojson presents as the article's
 * words must be in the article. The map must not put words in anyone's mouth.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import type { Quote } from '../../src/lib/rally-schema.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const articlePath = 'data/source/article.txt';

/** Drops curly and straight quotes and apostrophes and collapses whitespace, so typography cannot hide a match. */
function normalise(text: string): string {
  return text
    .replace(/[‘’“”"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const article = normalise(readFileSync(articlePath, 'utf8'));
const collection = parseRallyCollection(readRallyDocument());
const campaignQuotes = collection.campaign?.quotes ?? [];
const rallyQuotes = collection.rallies.flatMap((rally) => rally.quotes.map((quote) => ({ rally: rally.id, quote })));

function isInArticle(text: string): boolean {
  return article.includes(normalise(text));
}

describe('the rally file is faithful to the source article', () => {
  it('reads the data file without problems, so the checks below see every quote', () => {
    expect(collection.problems).toEqual([]);
    expect(campaignQuotes).toHaveLength(3);
    expect(rallyQuotes).toHaveLength(7);
  });

  it('normalising still tells a real quote from an invented one', () => {
    expect(isInArticle('It’s important for us to make a stand for human rights.')).toBe(true);
    expect(isInArticle("It's  important for us\nto make a stand for human rights.")).toBe(true);
    expect(isInArticle('It is important for us to make a stand for human rights.')).toBe(false);
    expect(isInArticle('International solidarity is so very important.')).toBe(false);
  });

  it.each(campaignQuotes.map((quote: Quote) => [quote.text.slice(0, 40), quote] as const))(
    'campaign quote "%s…" is verbatim from the article',
    (_start, quote) => {
      expect(article).toContain(normalise(quote.text));
    },
  );

  it.each(rallyQuotes.map(({ rally, quote }) => [rally, quote.text.slice(0, 40), quote] as const))(
    '%s quote "%s…" is verbatim from the article',
    (_rally, _start, quote) => {
      expect(article).toContain(normalise(quote.text));
    },
  );

  it('names only speakers the article names', () => {
    const speakers = new Set(
      [...campaignQuotes, ...rallyQuotes.map(({ quote }) => quote)].map((quote) => quote.speaker),
    );
    expect([...speakers].sort()).toEqual(['Alix Paul', 'Matt Beard', 'Peter Tatchell']);
    for (const speaker of speakers) expect(article).toContain(speaker);
  });

  it('records each photo with the caption and credit the article gives it', () => {
    const photos = collection.rallies.flatMap((rally) => rally.photos);
    expect(photos).toHaveLength(4);
    for (const photo of photos) {
      expect(article).toContain(normalise(`${photo.caption} | Photo: ${photo.credit}`));
    }
  });

  it('takes attendance figures from the article', () => {
    const london = collection.rallies.find((rally) => rally.id === 'london');
    expect(london?.attendance?.text).toBe('about 50 people');
    expect(article).toContain('crowd of about 50 people');
    expect(article).toContain(normalise(collection.campaign?.attendance ?? 'missing'));
  });

  it('places a rally only in a city the article names', () => {
    for (const rally of collection.rallies) expect(article).toContain(rally.name);
  });
});
