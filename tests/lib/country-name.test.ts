import { describe, expect, it, vi } from 'vitest';
import { countryName, rememberCountryNames } from '../../src/lib/country-name.ts';

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

describe('rememberCountryNames', () => {
  it('makes countryName give the remembered name in its locale without asking Intl, and only there', () => {
    rememberCountryNames('sv', { SE: 'Sverige (from the page)' });
    const displayNames = vi.spyOn(Intl, 'DisplayNames');
    expect(countryName('SE', 'sv')).toBe('Sverige (from the page)');
    expect(displayNames).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(countryName('SE', 'de')).toBe('Schweden');
    expect(countryName('DE', 'sv')).toBe(new Intl.DisplayNames(['sv'], { type: 'region' }).of('DE'));
  });
});
