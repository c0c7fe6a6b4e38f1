import { describe, expect, it } from 'vitest';
import { rememberingDisplayNames } from '../../src/lib/display-names.ts';

describe('rememberingDisplayNames', () => {
  it('names as Intl.DisplayNames does, and keeps a code Intl cannot name', () => {
    const regions = rememberingDisplayNames('region');
    expect(regions.name('de', 'GB')).toBe(new Intl.DisplayNames(['de'], { type: 'region' }).of('GB'));
    expect(regions.name('en', 'not a code')).toBe('not a code');
    expect(rememberingDisplayNames('language').name('ru', 'en')).toBe(
      new Intl.DisplayNames(['ru'], { type: 'language' }).of('en'),
    );
  });

  it('gives remembered names in their locale only, adding to those remembered before', () => {
    const regions = rememberingDisplayNames('region');
    regions.remember('sv', { SE: 'Sverige (page)' });
    regions.remember('sv', { GB: 'Storbritannien (page)' });
    expect(regions.name('sv', 'SE')).toBe('Sverige (page)');
    expect(regions.name('sv', 'GB')).toBe('Storbritannien (page)');
    expect(regions.name('de', 'SE')).toBe('Schweden');
  });
});
