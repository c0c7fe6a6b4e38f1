import { describe, expect, it } from 'vitest';
import { slugPattern } from '../../src/lib/slug.ts';

describe('slugPattern', () => {
  it.each(['london', 'mexico-city', 'sao-paulo-2', '2018'])('accepts %j', (slug) => {
    expect(slugPattern.test(slug)).toBe(true);
  });

  it.each(['London', 'mexico city', 'mexico--city', '-york', 'york-', 'münchen', '__proto__', ''])(
    'refuses %j',
    (slug) => {
      expect(slugPattern.test(slug)).toBe(false);
    },
  );
});
