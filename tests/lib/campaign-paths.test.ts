import { describe, expect, it } from 'vitest';
import {
  dataFilePath,
  imageFile,
  imagePath,
  parseToolPath,
  posterPagePath,
  quoteAnchor,
  quotePagePath,
  rallyCsvFile,
} from '../../src/lib/campaign-paths.ts';

describe('campaign paths', () => {
  for (const basePath of ['/', '/chechnya-rallies/']) {
    describe(`under ${basePath}`, () => {
      it('round-trips city and campaign quote pages', () => {
        const cityQuote = { cityId: 'mexico-city', number: 2 };
        expect(quotePagePath(cityQuote, basePath)).toBe(`${basePath}city/mexico-city/quote/2/`);
        expect(parseToolPath(quotePagePath(cityQuote, basePath), basePath)).toEqual({
          kind: 'quote',
          quote: cityQuote,
        });
        const campaignQuote = { cityId: null, number: 1 };
        expect(quotePagePath(campaignQuote, basePath)).toBe(`${basePath}quote/1/`);
        expect(parseToolPath(`${basePath}quote/1/index.html`, basePath)).toEqual({
          kind: 'quote',
          quote: campaignQuote,
        });
      });

      it('round-trips both poster pages', () => {
        expect(posterPagePath('london', 'a4', basePath)).toBe(`${basePath}city/london/poster/`);
        expect(posterPagePath('london', 'letter', basePath)).toBe(`${basePath}city/london/poster/letter/`);
        expect(parseToolPath(`${basePath}city/london/poster`, basePath)).toEqual({
          kind: 'poster',
          cityId: 'london',
          paper: 'a4',
        });
        expect(parseToolPath(posterPagePath('york', 'letter', basePath), basePath)).toEqual({
          kind: 'poster',
          cityId: 'york',
          paper: 'letter',
        });
      });

      it('puts data files and images under the base path', () => {
        expect(dataFilePath(rallyCsvFile, basePath)).toBe(`${basePath}data/rallies.csv`);
        expect(imagePath({ kind: 'city', cityId: 'rome' }, 'square', basePath)).toBe(
          `${basePath}share/square/rome.png`,
        );
      });
    });
  }

  it('reads no other path as a tool page', () => {
    for (const path of [
      '/',
      '/city/london/',
      '/quote/0/',
      '/quote/01/',
      '/quote/x/',
      '/city/London/quote/1/',
      '/city/london/quote/1/extra/',
      '/city/london/poster/a4/',
      '/other/quote/1/',
      '/city/../quote/1/',
    ]) {
      expect(parseToolPath(path), path).toBeNull();
    }
    expect(parseToolPath('/quote/1/', '/chechnya-rallies/')).toBeNull();
  });

  it('names each image file after its subject and shape', () => {
    expect(imageFile({ kind: 'city', cityId: 'london' }, 'wide')).toBe('share/london.png');
    expect(imageFile({ kind: 'quote', quote: { cityId: 'london', number: 2 } }, 'wide')).toBe(
      'share/quote/london-2.png',
    );
    expect(imageFile({ kind: 'quote', quote: { cityId: null, number: 3 } }, 'square')).toBe(
      'share/quote/square/campaign-3.png',
    );
    expect(quoteAnchor(4)).toBe('quote-4');
  });
});
