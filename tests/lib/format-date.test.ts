import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, tabledDateLocales } from '../../src/lib/format-date.ts';
import { intlLocale, supportedLanguages } from '../../src/lib/i18n.ts';

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

  it('has its own table for every interface language, so no page builds an Intl formatter to take over', () => {
    expect([...tabledDateLocales].sort()).toEqual(supportedLanguages.map(intlLocale).sort());
  });

  it.each(supportedLanguages.map(intlLocale))(
    'writes every date in %s exactly as Intl.DateTimeFormat does',
    (locale) => {
      const intl = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      fc.assert(
        fc.property(
          fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }),
          (date) => {
            const iso = date.toISOString().slice(0, 10);
            const calendarDay = new Date(`${iso}T00:00:00Z`);
            expect(formatCalendarDate(iso, locale)).toBe(intl.format(calendarDay));
          },
        ),
        { numRuns: 300 },
      );
      for (let month = 0; month < 12; month += 1) {
        const day = new Date(Date.UTC(2018, month, 7));
        expect(formatCalendarDate(day.toISOString().slice(0, 10), locale)).toBe(intl.format(day));
      }
    },
  );
});
