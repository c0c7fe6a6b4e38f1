import { describe, expect, it } from 'vitest';
import { cityName } from '../../src/lib/city-name.ts';
import type { ContentTranslation } from '../../src/lib/content-translation.ts';

/** A translation with only city names, as in data/translations/<language>.json. */
function namesIn(language: string, names: Record<string, string>): ContentTranslation {
  return { language, translatedBy: 'rally-map', cityNames: { source: 'general knowledge', names }, texts: {} };
}

describe('cityName', () => {
  it('shows an accented local spelling once instead of both spellings', () => {
    expect(cityName({ id: 'brasilia', name: 'Brasilia', localName: 'Brasília', country: 'BR' })).toEqual({
      name: 'Brasília',
      localName: null,
      localLanguage: 'pt',
    });
  });

  it('shows both names when the local name is different', () => {
    expect(cityName({ id: 'mexico-city', name: 'Mexico City', localName: 'Ciudad de México', country: 'MX' })).toEqual({
      name: 'Mexico City',
      localName: 'Ciudad de México',
      localLanguage: 'es',
    });
    expect(cityName({ id: 'munich', name: 'Munich', localName: 'München', country: 'DE' })).toEqual({
      name: 'Munich',
      localName: 'München',
      localLanguage: 'de',
    });
  });

  it('shows one name when there is no local name', () => {
    expect(cityName({ id: 'berlin', name: 'Berlin', country: 'DE' })).toEqual({
      name: 'Berlin',
      localName: null,
      localLanguage: 'de',
    });
  });

  it('shows one name when the local name is the same', () => {
    expect(cityName({ id: 'stockholm', name: 'Stockholm', localName: 'Stockholm', country: 'SE' })).toEqual({
      name: 'Stockholm',
      localName: null,
      localLanguage: 'sv',
    });
  });

  it('treats a difference in case alone like an accent', () => {
    expect(cityName({ id: 'rome', name: 'Rome', localName: 'ROME', country: 'IT' })).toEqual({
      name: 'ROME',
      localName: null,
      localLanguage: 'it',
    });
  });

  it('gives no language for a country it does not know', () => {
    expect(cityName({ id: 'paris', name: 'Paris', localName: 'Paris', country: 'FR' }).localLanguage).toBeUndefined();
  });

  describe('with a translation', () => {
    const russian = namesIn('ru', { london: 'Лондон', munich: 'Мюнхен' });
    const german = namesIn('de', { munich: 'München', 'mexico-city': 'Mexiko-Stadt', brasilia: 'Brasília' });

    it('puts the language’s usual name first, and the local name second', () => {
      expect(cityName({ id: 'london', name: 'London', country: 'GB' }, russian)).toEqual({
        name: 'Лондон',
        localName: 'London',
        localLanguage: 'en',
      });
      expect(cityName({ id: 'munich', name: 'Munich', localName: 'München', country: 'DE' }, russian)).toEqual({
        name: 'Мюнхен',
        localName: 'München',
        localLanguage: 'de',
      });
      expect(
        cityName({ id: 'mexico-city', name: 'Mexico City', localName: 'Ciudad de México', country: 'MX' }, german).name,
      ).toBe('Mexiko-Stadt');
    });

    it('shows one name when the usual name is the local one, accents aside', () => {
      expect(cityName({ id: 'munich', name: 'Munich', localName: 'München', country: 'DE' }, german)).toEqual({
        name: 'München',
        localName: null,
        localLanguage: 'de',
      });
      expect(
        cityName({ id: 'brasilia', name: 'Brasilia', localName: 'Brasília', country: 'BR' }, german).localName,
      ).toBe(null);
    });

    it('falls back to the English name for a city the translation does not name', () => {
      expect(cityName({ id: 'york', name: 'York', country: 'GB' }, russian).name).toBe('York');
    });
  });
});
