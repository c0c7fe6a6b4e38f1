import { describe, expect, it } from 'vitest';
import {
  captionTextId,
  quoteTextId,
  roleTextId,
  translatableTexts,
  translatedRole,
  translatedText,
  type ContentTranslation,
} from '../../src/lib/content-translation.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const collection = parseRallyCollection(readRallyDocument());

/** A translation with only the given texts. */
function translationOf(texts: ContentTranslation['texts']): ContentTranslation {
  return { language: 'ru', translatedBy: 'rally-map', cityNames: { source: 'general knowledge', names: {} }, texts };
}

describe('text ids', () => {
  it('name the owner, the quote or photo, and the part', () => {
    expect(quoteTextId('campaign', 0)).toBe('campaign.quotes.0');
    expect(roleTextId('london', 3)).toBe('london.quotes.3.role');
    expect(captionTextId('london', 1)).toBe('london.photos.1.caption');
  });
});

describe('translatableTexts', () => {
  const texts = translatableTexts(collection);
  const ids = texts.map((text) => text.id);

  it('lists each quote’s role right after the quote, with the role’s English', () => {
    const london = collection.rallies.find((rally) => rally.id === 'london');
    if (!london) throw new Error('no London');
    london.quotes.forEach((quote, index) => {
      const at = ids.indexOf(roleTextId('london', index));
      expect(ids[at - 1]).toBe(quoteTextId('london', index));
      expect(texts[at]?.en).toBe(quote.role);
    });
    expect(ids).toContain(roleTextId('campaign', 0));
  });

  it('has no id twice', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('translatedText and translatedRole', () => {
  const translation = translationOf({
    'london.quotes.0.role': { en: 'Human rights campaigner', text: 'Правозащитник' },
    'london.quotes.4.role': { en: 'Amnesty International', text: 'Amnesty International' },
  });

  it('give the translation made from this English', () => {
    expect(translatedText(translation, 'london.quotes.0.role', 'Human rights campaigner')).toBe('Правозащитник');
    expect(translatedRole(translation, 'london', 0, 'Human rights campaigner')).toBe('Правозащитник');
  });

  it('give nothing for another English (out of date), a missing text, or no translation', () => {
    expect(translatedRole(translation, 'london', 0, 'Campaigner')).toBeNull();
    expect(translatedRole(translation, 'london', 1, 'Human rights campaigner')).toBeNull();
    expect(translatedRole(null, 'london', 0, 'Human rights campaigner')).toBeNull();
  });

  it('give no role translation that is the English itself, so a name is shown unmarked', () => {
    expect(translatedText(translation, 'london.quotes.4.role', 'Amnesty International')).toBe('Amnesty International');
    expect(translatedRole(translation, 'london', 4, 'Amnesty International')).toBeNull();
  });
});
