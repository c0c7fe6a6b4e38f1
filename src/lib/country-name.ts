const displayNamesByLocale = new Map<string, Intl.DisplayNames>();
/** Names given by `rememberCountryNames`, by locale, then by code. */
const rememberedByLocale = new Map<string, ReadonlyMap<string, string>>();

/**
 * The name of a country from its ISO 3166-1 alpha-2 code, in the given
 * locale ("GB" gives "United Kingdom" in English). Falls back to the code.
 * A name remembered for the locale (`rememberCountryNames`) is used as it
 * is; any other is asked of `Intl.DisplayNames`.
 */
export function countryName(code: string, locale = 'en'): string {
  const remembered = rememberedByLocale.get(locale)?.get(code);
  if (remembered !== undefined) return remembered;
  let names = displayNamesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNamesByLocale.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Remembers names (country code → name) for `countryName` to give in `locale` (see src/lib/page-names.ts). */
export function rememberCountryNames(locale: string, names: Readonly<Record<string, string>>): void {
  rememberedByLocale.set(locale, new Map([...(rememberedByLocale.get(locale) ?? []), ...Object.entries(names)]));
}
