/*
 * Numbers, lists, plural categories and language names for the interface.
 *
 * The first Intl formatter a page builds costs far more than using it: at
 * Lighthouse's 4× CPU slowdown, Chromium took 90–210 ms for its first
 * `Intl.NumberFormat` and 10–30 ms for each other kind, inside the app's
 * start-up. So the cases the panel meets while taking over a page (whole
 * non-negative counts, short lists of names, in the seven interface
 * languages' Intl locales) come from small tables, which the tests hold to
 * Intl's own answers (tests/lib/intl-formats.test.ts); everything else is
 * asked of Intl, with one formatter kept per locale. As with dates
 * (src/lib/format-date.ts), the build and the browser then write the same
 * text.
 */

import { rememberingDisplayNames } from './display-names.ts';

/** Grouping of whole numbers: the separator, and the fewest digits a number needs before it is grouped. */
interface Grouping {
  separator: string;
  minimumDigits: number;
}

const groupings: Readonly<Record<string, Grouping>> = {
  en: { separator: ',', minimumDigits: 4 },
  'en-GB': { separator: ',', minimumDigits: 4 },
  de: { separator: '.', minimumDigits: 4 },
  es: { separator: '.', minimumDigits: 5 },
  'pt-BR': { separator: '.', minimumDigits: 4 },
  it: { separator: '.', minimumDigits: 5 },
  sv: { separator: '\u00a0', minimumDigits: 4 },
  ru: { separator: '\u00a0', minimumDigits: 4 },
};

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `value` written for `locale`, exactly as `new Intl.NumberFormat(locale)`
 * writes it ("100,000" in `en-GB`, "100 000" with a no-break space in `ru`).
 */
export function formatNumber(locale: string, value: number): string {
  const grouping = Object.hasOwn(groupings, locale) ? groupings[locale] : undefined;
  // Minus zero is written "-0": Intl's.
  if (grouping && Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)) {
    const digits = String(value);
    if (digits.length < grouping.minimumDigits) return digits;
    const groups: string[] = [];
    for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
    return groups.join(grouping.separator);
  }
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** What goes between the items: of a list of two; after each item but the last two; before the last. */
interface ListPattern {
  two: string;
  middle: string;
  end: string;
}

const listPatterns: Readonly<Record<string, ListPattern>> = {
  'en-GB': { two: ' and ', middle: ', ', end: ' and ' },
  de: { two: ' und ', middle: ', ', end: ' und ' },
  es: { two: ' y ', middle: ', ', end: ' y ' },
  'pt-BR': { two: ' e ', middle: ', ', end: ' e ' },
  it: { two: ' e ', middle: ', ', end: ' e ' },
  sv: { two: ' och ', middle: ', ', end: ' och ' },
  ru: { two: ' и ', middle: ', ', end: ' и ' },
};

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * `items` joined as `new Intl.ListFormat(locale, { type: 'conjunction' })`
 * joins them ("A, B and C" in `en-GB`; "A, B y C" in `es`).
 */
export function formatList(locale: string, items: readonly string[]): string {
  const pattern = Object.hasOwn(listPatterns, locale) ? listPatterns[locale] : undefined;
  const last = items.at(-1) ?? '';
  // Spanish "y" becomes "e" before an "i" sound ("Amnistía e Iglesia"): Intl knows when.
  const spanishBeforeI = locale === 'es' && /^[hH]?[iíIÍ]/.test(last);
  if (pattern && !spanishBeforeI) {
    if (items.length < 2) return items.join('');
    if (items.length === 2) return `${items[0] ?? ''}${pattern.two}${last}`;
    return `${items.slice(0, -1).join(pattern.middle)}${pattern.end}${last}`;
  }
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The plural category of `count` in `language` ("one", "few", "many" or
 * "other"), as `new Intl.PluralRules(language).select(count)` gives it;
 * whole non-negative counts in the interface languages come from the CLDR
 * rules written out below.
 */
export function pluralCategory(language: string, count: number): Intl.LDMLPluralRule {
  if (Number.isSafeInteger(count) && count >= 0) {
    const millions = count !== 0 && count % 1_000_000 === 0;
    switch (language) {
      case 'en':
      case 'en-GB':
      case 'de':
      case 'sv':
        return count === 1 ? 'one' : 'other';
      case 'es':
      case 'it':
        return count === 1 ? 'one' : millions ? 'many' : 'other';
      case 'pt-BR':
        return count <= 1 ? 'one' : millions ? 'many' : 'other';
      case 'ru': {
        const lastDigit = count % 10;
        const lastTwo = count % 100;
        if (lastDigit === 1 && lastTwo !== 11) return 'one';
        if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
        return 'many';
      }
    }
  }
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

const languages = rememberingDisplayNames('language');

/**
 * The name of language `code` in `locale` ("German" for `de` in English),
 * or `code` itself when Intl has none. A name remembered for the locale
 * (`rememberLanguageNames`) is used as it is; any other is asked of Intl.
 */
export function languageName(locale: string, code: string): string {
  return languages.name(locale, code);
}

/** Remembers names (language tag → name) for `languageName` to give in `locale` (see src/lib/page-names.ts). */
export function rememberLanguageNames(locale: string, names: Readonly<Record<string, string>>): void {
  languages.remember(locale, names);
}
