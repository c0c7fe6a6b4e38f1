/**
 * How each interface language writes a date: what `Intl.DateTimeFormat`
 * gives for its locale (day, long month, year), month by month
 * (tests/lib/format-date.test.ts checks every supported language against
 * Intl). Building an Intl date formatter the first time costs about 11 ms on
 * a fast machine for English, and for Russian about 190 ms of a phone-speed
 * (4× slowed) start-up, as the browser loads the locale's data, all of it in
 * the task that takes over the page; a table costs nothing, and gives the
 * same text in the build (Node) and in every browser, so the page the build
 * wrote is the page the app hydrates. Any other locale goes through `Intl`,
 * with one formatter per locale.
 */
const dateStyles: Record<string, { months: string; pattern: string }> = {
  'en-GB': {
    months: 'January February March April May June July August September October November December',
    pattern: 'D M Y',
  },
  ru: {
    months: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
    pattern: 'D M Y г.',
  },
  de: {
    months: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember',
    pattern: 'D. M Y',
  },
  es: {
    months: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
    pattern: 'D de M de Y',
  },
  'pt-BR': {
    months: 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
    pattern: 'D de M de Y',
  },
  it: {
    months: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
    pattern: 'D M Y',
  },
  sv: {
    months: 'januari februari mars april maj juni juli augusti september oktober november december',
    pattern: 'D M Y',
  },
};
const intlFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The date of a rally whose file gives none and whose campaign has no date
 * either (src/lib/missing-fields.ts): shown as "Date not reported".
 */
export const unreportedDate = '';

/** The locales `formatCalendarDate` writes from its own table; any other goes through `Intl`. */
export const tabledDateLocales = Object.keys(dateStyles);

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
  const style = dateStyles[locale];
  if (!style) {
    let formatter = intlFormatters.get(locale);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      intlFormatters.set(locale, formatter);
    }
    return formatter.format(date);
  }
  const monthName = style.months.split(' ')[date.getUTCMonth()] ?? '';
  return style.pattern.replace(/[DMY]/g, (part) =>
    part === 'D' ? String(date.getUTCDate()) : part === 'M' ? monthName : String(date.getUTCFullYear()),
  );
}
