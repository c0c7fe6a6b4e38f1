import { describe, expect, it } from 'vitest';
import { cityName } from '../../src/lib/city-name.ts';

describe('cityName', () => {
  it('shows an accented local spelling once instead of both spellings', () => {
    expect(cityName({ name: 'Brasilia', localName: 'Brasília', country: 'BR' })).toEqual({
      name: 'Brasília',
      localName: null,
      localLanguage: 'pt',
    });
  });

  it('shows both names when the local name is different', () => {
    expect(cityName({ name: 'Mexico City', localName: 'Ciudad de México', country: 'MX' })).toEqual({
      name: 'Mexico City',
      localName: 'Ciudad de México',
      localLanguage: 'es',
    });
    expect(cityName({ name: 'Munich', localName: 'München', country: 'DE' })).toEqual({
      name: 'Munich',
      localName: 'München',
      localLanguage: 'de',
    });
  });

  it('shows one name when there is no local name', () => {
    expect(cityName({ name: 'Berlin', country: 'DE' })).toEqual({
      name: 'Berlin',
      localName: null,
      localLanguage: 'de',
    });
  });

  it('shows one name when the local name is the same', () => {
    expect(cityName({ name: 'Stockholm', localName: 'Stockholm', country: 'SE' })).toEqual({
      name: 'Stockholm',
      localName: null,
      localLanguage: 'sv',
    });
  });

  it('treats a difference in case alone like an accent', () => {
    expect(cityName({ name: 'Rome', localName: 'ROME', country: 'IT' })).toEqual({
      name: 'ROME',
      localName: null,
      localLanguage: 'it',
    });
  });

  it('gives no language for a country it does not know', () => {
    expect(cityName({ name: 'Paris', localName: 'Paris', country: 'FR' }).localLanguage).toBeUndefined();
  });
});
