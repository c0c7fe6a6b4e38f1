import { describe, expect, it } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { summarizeRally } from '../../src/lib/rally-summary.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const rallies = () => parseRallyCollection(readRallyDocument()).rallies;

describe('summarizeRally', () => {
  it('keeps what the list and the map show, and counts the quotes and photos', () => {
    const london = rallies().find((rally) => rally.id === 'london');
    if (!london) throw new Error('no London in the file');
    expect(summarizeRally(london)).toEqual({
      id: 'london',
      name: london.name,
      country: 'GB',
      date: london.date,
      locationPrecision: london.locationPrecision,
      longitude: london.longitude,
      latitude: london.latitude,
      quoteCount: london.quotes.length,
      photoCount: london.photos.length,
    });
    expect(london.quotes.length).toBeGreaterThan(0);
  });

  it('keeps a local name only where the record has one', () => {
    const summaries = rallies().map(summarizeRally);
    expect(summaries.find((summary) => summary.id === 'munich')?.localName).toBe('München');
    expect(summaries.find((summary) => summary.id === 'london')).not.toHaveProperty('localName');
  });
});
