import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContentTranslation } from '../../src/lib/content-translation.ts';
import { formatMessage, type Catalogue } from '../../src/lib/i18n.ts';
import { decodeRallyJson, parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { toolPageText } from '../../src/lib/tool-page-text.ts';

const catalogue = (tag: string) => JSON.parse(readFileSync(`src/i18n/messages/${tag}.json`, 'utf8')) as Catalogue;
const english = catalogue('en');
const decoded = decodeRallyJson(readFileSync('data/rallies.geojson', 'utf8'));
if (!decoded.ok) throw new Error(decoded.message);
const collection = parseRallyCollection(decoded.value);
const london = collection.rallies.find((rally) => rally.id === 'london');
const rome = collection.rallies.find((rally) => rally.id === 'rome');
if (!london || !rome) throw new Error('no London or Rome');

/** The tool pages' text in language `tag`, with its content translation. */
function textIn(tag: string) {
  const translation =
    tag === 'en' ? null : (JSON.parse(readFileSync(`data/translations/${tag}.json`, 'utf8')) as ContentTranslation);
  const messages = catalogue(tag);
  return toolPageText((key, params) => formatMessage(messages, english, tag, key, params), tag, translation);
}

describe('toolPageText', () => {
  it('names the cities and formats the dates in the page’s language', () => {
    const russian = textIn('ru');
    expect(russian.city(london)).toBe('Лондон');
    expect(russian.date('2018-04-07')).toBe('7 апреля 2018 г.');
    expect(textIn('en').placeAndDate(london, '2018-04-07')).toBe('London · 7 April 2018');
  });

  it('marks what it takes from our translation, and says what is not reported', () => {
    const russian = textIn('ru').whatHappened(london);
    expect(russian.translated).toBe(true);
    expect(russian.text).not.toContain('Outside the Russian Embassy');
    const english = textIn('en').whatHappened(rome);
    expect(english).toEqual({ text: 'Venue not reported · Attendance not reported', translated: false });
  });

  it('translates a speaker’s role where we have it, but not an organisation’s name, nor in English', () => {
    // London's first quote is Peter Tatchell's ("Human rights campaigner"), its fifth Alix Paul's ("Amnesty International").
    expect(textIn('ru').roleTranslation('london', 0, 'Human rights campaigner')).toBe('Правозащитник');
    expect(textIn('ru').roleTranslation('london', 4, 'Amnesty International')).toBeNull();
    expect(textIn('de').roleTranslation(null, 0, 'Executive Director of All Out')).toBe('Geschäftsführer von All Out');
    expect(textIn('ru').roleTranslation('london', 0, 'A role the data has since changed to')).toBeNull();
    expect(textIn('en').roleTranslation('london', 0, 'Human rights campaigner')).toBeNull();
    expect(textIn('ru').translatedFrom).toBe(formatMessage(catalogue('ru'), english, 'ru', 'content.translatedFrom'));
  });

  it('names the paper sizes: A4 everywhere, US Letter in each language’s words', () => {
    expect(textIn('en').paperName('a4')).toBe('A4');
    expect(textIn('en').paperName('letter')).toBe('US Letter');
    expect(textIn('ru').paperName('a4')).toBe('A4');
    expect(textIn('ru').paperName('letter')).toBe('Letter (США)');
  });
});
