const displayNamesByLocale = new Map<string, Intl.DisplayNames>();

/**
 * The name of a country from its ISO 3166-1 alpha-2 code, in the given
 * locale ("GB" gives "United Kingdom" in English). Falls back to the code.
 */
export function countryName(code: string, locale = 'en'): string {
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
