import type { Rally } from './rally-schema.ts';

/**
 * What the city list, the map's markers and the page title need of a rally:
 * its id, names, country, date, position and how much the source reports.
 * The city panel needs the whole record (`Rally`); with many rallies, whole
 * records stay in the rally worker and only summaries reach the page.
 */
export type RallySummary = Pick<
  Rally,
  'id' | 'name' | 'localName' | 'country' | 'date' | 'locationPrecision' | 'longitude' | 'latitude'
> & {
  /** How many quotes the record holds. */
  quoteCount: number;
  /** How many photos the record holds. */
  photoCount: number;
};

/** A rally's summary: the same fields as the record, and the number of its quotes and photos. */
export function summarizeRally(rally: Rally): RallySummary {
  const summary: RallySummary = {
    id: rally.id,
    name: rally.name,
    country: rally.country,
    date: rally.date,
    locationPrecision: rally.locationPrecision,
    longitude: rally.longitude,
    latitude: rally.latitude,
    quoteCount: rally.quotes.length,
    photoCount: rally.photos.length,
  };
  if (rally.localName !== undefined) summary.localName = rally.localName;
  return summary;
}
