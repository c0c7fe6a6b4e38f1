import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intlLocale, supportedLanguages } from '../../src/lib/i18n.ts';
import { formatList, formatNumber, languageName, pluralCategory } from '../../src/lib/intl-formats.ts';

/** The locales the panel formats in: each interface language's Intl locale, and the plain language tags. */
const locales = [...new Set([...supportedLanguages.map(intlLocale), ...supportedLanguages])];

/** Words that start as the contextual rules care about (Spanish "y" before an "i" sound), and plain ones. */
const word = fc
  .tuple(
    fc.constantFrom('', 'i', 'I', 'í', 'hi', 'Hi', 'hie', 'ho', 'o', 'y', 'A', 'Amnesty ', 'Лон', '7 '),
    fc.string({ maxLength: 6 }),
  )
  .map(([start, rest]) => start + rest);

describe('intl-formats', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes whole counts as Intl.NumberFormat does, in every locale', () => {
    for (const locale of locales) {
      const intl = new Intl.NumberFormat(locale);
      for (const value of [0, 7, 999, 1000, 9999, 10000, 100000, 1234567]) {
        expect(formatNumber(locale, value)).toBe(intl.format(value));
      }
      fc.assert(
        fc.property(fc.maxSafeNat(), (value) => formatNumber(locale, value) === intl.format(value)),
        { numRuns: 300 },
      );
    }
  });

  it('asks Intl for the rest: fractions, negative numbers, other locales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...locales, 'fr', 'hi-IN'),
        fc.oneof(fc.double({ noNaN: true }), fc.integer({ max: -1 })),
        (locale, value) => formatNumber(locale, value) === new Intl.NumberFormat(locale).format(value),
      ),
      { numRuns: 300 },
    );
    expect(formatNumber('en-GB', -0)).toBe('-0');
    expect(formatNumber('hi-IN', 100000)).toBe(new Intl.NumberFormat('hi-IN').format(100000));
  });

  it('joins lists as Intl.ListFormat does, in every locale', () => {
    for (const locale of locales) {
      const intl = new Intl.ListFormat(locale, { type: 'conjunction' });
      fc.assert(
        fc.property(fc.array(word, { maxLength: 6 }), (items) => formatList(locale, items) === intl.format(items)),
        { numRuns: 200 },
      );
    }
    expect(formatList('es', ['Amnistía', 'Iglesia'])).toBe('Amnistía e Iglesia');
    expect(formatList('en-GB', ['All Out', 'Amnesty International', 'Kaos GL'])).toBe(
      'All Out, Amnesty International and Kaos GL',
    );
    expect(formatList('ru', ['7 цитат', '4 фото'])).toBe('7 цитат и 4 фото');
  });

  it('gives the plural category Intl.PluralRules gives, in every language', () => {
    for (const language of locales) {
      const intl = new Intl.PluralRules(language);
      for (const count of [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1_000_000, 2_000_000, 1_000_001]) {
        expect(pluralCategory(language, count)).toBe(intl.select(count));
      }
      fc.assert(
        fc.property(fc.oneof(fc.maxSafeNat(), fc.nat({ max: 10_000 }), fc.double({ noNaN: true })), (count) => {
          return pluralCategory(language, count) === intl.select(count);
        }),
        { numRuns: 500 },
      );
    }
  });

  it('builds no Intl formatter for what the panel shows while taking over a page', async () => {
    // A fresh copy of the module, without the formatters the other tests left in its caches.
    vi.resetModules();
    const fresh = await import('../../src/lib/intl-formats.ts');
    const numberFormat = vi.spyOn(Intl, 'NumberFormat');
    const listFormat = vi.spyOn(Intl, 'ListFormat');
    const pluralRules = vi.spyOn(Intl, 'PluralRules');
    // Messages format numbers and plurals by language tag; the panel joins lists in the Intl locale.
    for (const language of supportedLanguages) {
      fresh.formatNumber(language, 100_000);
      fresh.pluralCategory(language, 7);
      const locale = intlLocale(language);
      fresh.formatNumber(locale, 100_000);
      fresh.formatList(locale, ['7 quotes', '4 photos']);
    }
    expect(numberFormat).not.toHaveBeenCalled();
    expect(listFormat).not.toHaveBeenCalled();
    expect(pluralRules).not.toHaveBeenCalled();
  });

  it('names languages as Intl.DisplayNames does, and keeps an unknown code', () => {
    expect(languageName('en-GB', 'ru')).toBe('Russian');
    expect(languageName('ru', 'de')).toBe(new Intl.DisplayNames(['ru'], { type: 'language' }).of('de'));
    expect(languageName('en-GB', '!!')).toBe('!!');
  });
});
