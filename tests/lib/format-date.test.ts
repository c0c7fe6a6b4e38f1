import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../src/lib/format-date.ts';

describe('formatCalendarDate', () => {
  it('writes the rally date for English readers', () => {
    expect(formatCalendarDate('2018-04-07')).toBe('7 April 2018');
  });

  it('writes the date in another locale', () => {
    expect(formatCalendarDate('2018-04-07', 'de-DE')).toBe('7. April 2018');
    expect(formatCalendarDate('2018-04-07', 'en-US')).toBe('April 7, 2018');
  });

  it('never shifts the day, whatever the time zone', () => {
    // The first and last days of a year are where a UTC/local slip shows.
    expect(formatCalendarDate('2018-01-01')).toBe('1 January 2018');
    expect(formatCalendarDate('2018-12-31')).toBe('31 December 2018');
  });

  it('accepts 29 February in a leap year', () => {
    expect(formatCalendarDate('2020-02-29')).toBe('29 February 2020');
  });

  it.each(['7 April 2018', '2018-4-7', '2018-04-07T12:00:00Z', '', 'soon'])('returns %j unchanged', (text) => {
    expect(formatCalendarDate(text)).toBe(text);
  });

  it.each(['2018-02-30', '2018-13-01', '2019-02-29', '2018-04-00'])(
    'returns the impossible date %j unchanged',
    (text) => {
      expect(formatCalendarDate(text)).toBe(text);
    },
  );
});
