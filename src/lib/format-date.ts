/**
 * Formats an ISO calendar date (YYYY-MM-DD) for people, e.g. "7 April 2018"
 * in English. The date is read as a calendar day, never shifted by time zone.
 * Returns the input unchanged if it is not a valid ISO date.
 */
export function formatCalendarDate(isoDate: string, locale = 'en-GB'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 30 February over into March; such a date is not a calendar day.
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return isoDate;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}
