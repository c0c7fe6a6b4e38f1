import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/lib/country-name.ts';

describe('countryName', () => {
  it.each([
    ['GB', 'United Kingdom'],
    ['BR', 'Brazil'],
    ['MX', 'Mexico'],
    ['DE', 'Germany'],
    ['IT', 'Italy'],
    ['SE', 'Sweden'],
  ])('names %s as %s in English', (code, name) => {
    expect(countryName(code)).toBe(name);
  });

  it('names a country in another locale', () => {
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('GB', 'fr')).toBe('Royaume-Uni');
  });

  it('falls back to the code for something that is not a region code', () => {
    expect(countryName('not a code')).toBe('not a code');
    expect(countryName('')).toBe('');
  });
});
