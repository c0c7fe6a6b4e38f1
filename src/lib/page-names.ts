import { countryName, rememberCountryNames } from './country-name.ts';
import { languageName, rememberLanguageNames } from './intl-formats.ts';
import type { RallyCollection } from './parse-rallies.ts';

/**
 * The names a page shows that would otherwise come from
 * `Intl.DisplayNames`: its countries ("Великобритания" for GB) and its
 * quotes' languages ("английский" for en), in the page's Intl locale. The
 * build writes them into the page (`#rally-names`) and the app remembers
 * them before taking over, so the browser need not build a DisplayNames
 * (tens of milliseconds each on a slow phone) while it starts.
 */
export interface PageNames {
  locale: string;
  /** Country code → name. */
  countries: Readonly<Record<string, string>>;
  /** Language tag → name. */
  languages: Readonly<Record<string, string>>;
}

/**
 * The names of every country and every quote's language in `collection`, in `locale`,
 * as `countryName` and `languageName` give them.
 */
export function pageNamesFor(collection: RallyCollection, locale: string): PageNames {
  const countries: Record<string, string> = {};
  const languages: Record<string, string> = {};
  const quotes = [...(collection.campaign?.quotes ?? [])];
  for (const rally of collection.rallies) {
    countries[rally.country] ??= countryName(rally.country, locale);
    quotes.push(...rally.quotes);
  }
  for (const quote of quotes) languages[quote.lang] ??= languageName(locale, quote.lang);
  return { locale, countries, languages };
}

/**
 * Reads the JSON a page carries (`pageNamesFor`, as text), or `null` for
 * anything else. Only string names are taken, under two-letter country
 * codes and language tags.
 */
export function parsePageNames(json: string | null | undefined): PageNames | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    const { locale, countries, languages } = value as Record<string, unknown>;
    if (typeof locale !== 'string') return null;
    return {
      locale,
      countries: namesUnder(countries, /^[A-Z]{2}$/),
      languages: namesUnder(languages, /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
    };
  } catch {
    return null;
  }
}

function namesUnder(value: unknown, code: RegExp): Record<string, string> {
  const names: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return names;
  for (const [key, name] of Object.entries(value)) if (code.test(key) && typeof name === 'string') names[key] = name;
  return names;
}

/** Remembers a page's names for `countryName` and `languageName` to give in its locale. */
export function rememberPageNames({ locale, countries, languages }: PageNames): void {
  rememberCountryNames(locale, countries);
  rememberLanguageNames(locale, languages);
}
