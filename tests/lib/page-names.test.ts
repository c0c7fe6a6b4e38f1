import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/lib/country-name.ts';
import { languageName } from '../../src/lib/intl-formats.ts';
import { pageNamesFor, parsePageNames, rememberPageNames } from '../../src/lib/page-names.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';

const collection = parseRallyCollection(JSON.parse(readFileSync('data/rallies.geojson', 'utf8')));

describe('page names', () => {
  it("name every country and quote language of the article's rallies, as Intl does", () => {
    const names = pageNamesFor(collection, 'ru');
    expect(names.locale).toBe('ru');
    expect(Object.keys(names.countries).sort()).toEqual(['BR', 'DE', 'GB', 'IT', 'MX', 'SE']);
    expect(names.countries.GB).toBe(new Intl.DisplayNames(['ru'], { type: 'region' }).of('GB'));
    expect(names.languages).toEqual({ en: new Intl.DisplayNames(['ru'], { type: 'language' }).of('en') });
  });

  it('are read back from the page, keeping only string names under codes', () => {
    const json = JSON.stringify({
      locale: 'de',
      countries: { GB: 'Vereinigtes Königreich', xx: 'lower case', BR: 7 },
      languages: { en: 'Englisch', 'not a tag': 'x', pt: null },
    });
    expect(parsePageNames(json)).toEqual({
      locale: 'de',
      countries: { GB: 'Vereinigtes Königreich' },
      languages: { en: 'Englisch' },
    });
    expect(parsePageNames('{"locale":"de"}')).toEqual({ locale: 'de', countries: {}, languages: {} });
    for (const bad of [null, undefined, '', 'not json', '7', 'null', '{"countries":{}}']) {
      expect(parsePageNames(bad)).toBeNull();
    }
  });

  it('once remembered, are what countryName and languageName give in that locale', () => {
    rememberPageNames({ locale: 'it', countries: { GB: 'Regno Unito (page)' }, languages: { en: 'inglese (page)' } });
    expect(countryName('GB', 'it')).toBe('Regno Unito (page)');
    expect(languageName('it', 'en')).toBe('inglese (page)');
    expect(countryName('GB', 'es')).toBe('Reino Unido');
  });
});
