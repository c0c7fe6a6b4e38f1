import { rememberingDisplayNames } from './display-names.ts';

const countries = rememberingDisplayNames('region');

/**
 * The name of a country from its ISO 3166-1 alpha-2 code, in the given
 * locale ("GB" gives "United Kingdom" in English). Falls back to the code.
 * A name remembered for the locale (`rememberCountryNames`) is used as it
 * is; any other is asked of `Intl.DisplayNames`.
 */
export function countryName(code: string, locale = 'en'): string {
  return countries.name(locale, code);
}

/** Remembers names (country code → name) for `countryName` to give in `locale` (see src/lib/page-names.ts). */
export function rememberCountryNames(locale: string, names: Readonly<Record<string, string>>): void {
  countries.remember(locale, names);
}
