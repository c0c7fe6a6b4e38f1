import { describe, expect, it } from 'vitest';
import { languageNames, listFormat, numberFormat } from '../../src/lib/intl-formats.ts';

describe('intl-formats', () => {
  it('formats as a fresh Intl object would, in each language', () => {
    for (const locale of ['en', 'de', 'es', 'pt-BR', 'it', 'sv', 'ru']) {
      expect(numberFormat(locale).format(100000)).toBe(new Intl.NumberFormat(locale).format(100000));
      const counts = ['7 quotes', '4 photos'];
      expect(listFormat(locale, 'unit').format(counts)).toBe(
        new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(counts),
      );
      const names = ['All Out', 'Amnesty International', 'Kaos GL'];
      expect(listFormat(locale, 'conjunction').format(names)).toBe(
        new Intl.ListFormat(locale, { type: 'conjunction' }).format(names),
      );
      expect(languageNames(locale).of('ru')).toBe(new Intl.DisplayNames([locale], { type: 'language' }).of('ru'));
    }
  });

  it('keeps one formatter per locale and kind', () => {
    expect(numberFormat('ru')).toBe(numberFormat('ru'));
    expect(numberFormat('ru')).not.toBe(numberFormat('de'));
    expect(listFormat('de', 'unit')).toBe(listFormat('de', 'unit'));
    expect(listFormat('de', 'unit')).not.toBe(listFormat('de', 'conjunction'));
    expect(languageNames('sv')).toBe(languageNames('sv'));
  });

  it('tells the two list kinds apart', () => {
    expect(listFormat('en', 'conjunction').format(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(listFormat('en', 'unit').format(['A', 'B'])).toBe('A, B');
  });
});
