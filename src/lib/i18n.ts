import type { ContentTranslation } from './content-translation.ts';
import { formatNumber, pluralCategory } from './intl-formats.ts';

/** The languages of the interface, as BCP 47 tags. English is the fallback. */
export const supportedLanguages = ['en', 'de', 'es', 'pt-BR', 'it', 'sv', 'ru'] as const;

/** A language of the interface. */
export type Language = (typeof supportedLanguages)[number];

/** A message catalogue: message key → text with `{placeholders}`. */
export type Catalogue = Readonly<Record<string, string>>;

/** Values for a message's placeholders. `count` also picks the plural form. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Everything a page needs to be in one language: its message catalogue and
 * the translation of the rally file's texts (`null` for English, the
 * language those texts are written in).
 */
export interface LanguagePack {
  language: Language;
  catalogue: Catalogue;
  translation: ContentTranslation | null;
}

/**
 * The `og:locale` of each language's pages (language_TERRITORY, as Open
 * Graph writes it): the territory where the language's usual forms used
 * here are at home.
 */
export const openGraphLocales: Readonly<Record<Language, string>> = {
  en: 'en_GB',
  de: 'de_DE',
  es: 'es_ES',
  'pt-BR': 'pt_BR',
  it: 'it_IT',
  sv: 'sv_SE',
  ru: 'ru_RU',
};

/** The language each supported language is named in, for the switcher. */
export const languageNames: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  it: 'Italiano',
  sv: 'Svenska',
  ru: 'Русский',
};

/**
 * The supported language for a tag, matching case-insensitively and by
 * primary language ("pt" and "pt-PT" give "pt-BR", "de-AT" gives "de"), or
 * `null` when none matches.
 */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.trim().toLowerCase();
  if (lower === '') return null;
  const exact = supportedLanguages.find((language) => language.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0];
  return supportedLanguages.find((language) => language.toLowerCase().split('-')[0] === primary) ?? null;
}

/**
 * Chooses the interface language: the `?lang=` value when it names a
 * supported language, else the first of the browser's languages that does,
 * else English.
 */
export function chooseLanguage(requested: string | null, preferred: readonly string[]): Language {
  if (requested !== null) {
    const match = matchLanguage(requested);
    if (match) return match;
  }
  for (const tag of preferred) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

/** The locale for `Intl` formatting: British English for "en", so dates read "7 April 2018". */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/**
 * Formats a message: picks the plural form for `count` (`key_one`,
 * `key_few`, … then `key_other`), then fills `{placeholders}`. Numbers are
 * formatted for the language. A key missing from the catalogue comes from
 * `fallback` (English), and as a last resort shows as the key itself.
 */
export function formatMessage(
  catalogue: Catalogue,
  fallback: Catalogue,
  language: string,
  key: string,
  params: MessageParams = {},
): string {
  let template: string | undefined;
  const count = params.count;
  if (typeof count === 'number') {
    const category = pluralCategory(language, count);
    template =
      lookUp(catalogue, `${key}_${category}`) ??
      lookUp(catalogue, `${key}_other`) ??
      lookUp(fallback, `${key}_${pluralCategory('en', count)}`) ??
      lookUp(fallback, `${key}_other`);
  }
  template ??= lookUp(catalogue, key) ?? lookUp(fallback, key) ?? key;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(language, value) : value;
  });
}

function lookUp(catalogue: Catalogue, key: string): string | undefined {
  // Own keys only: a key such as "constructor" must not reach Object.prototype.
  return Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
}

/** A message key without its plural suffix: "overview.rallyCount_one" gives "overview.rallyCount". */
export function baseKey(key: string): string {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match?.[1] ?? key;
}
