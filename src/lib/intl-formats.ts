/*
 * Intl formatters, made once per locale and kept: building one costs far
 * more than using it (locale data is looked up and resolved each time), and
 * the panel formats numbers, lists and language names on every render.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const languageNameLists = new Map<string, Intl.DisplayNames>();

/** The number formatter for `locale` (plain decimal), the same object on every call. */
export function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

/**
 * The list formatter for `locale`: `conjunction` ("A, B and C") or, for
 * counts such as "7 quotes, 4 photos", `unit` in its short style. The same
 * object on every call with the same arguments.
 */
export function listFormat(locale: string, kind: 'conjunction' | 'unit'): Intl.ListFormat {
  const key = `${kind} ${locale}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, kind === 'unit' ? { type: 'unit', style: 'short' } : { type: 'conjunction' });
    listFormats.set(key, format);
  }
  return format;
}

/** Language names ("German" for `de`) in `locale`, the same object on every call. */
export function languageNames(locale: string): Intl.DisplayNames {
  let names = languageNameLists.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    languageNameLists.set(locale, names);
  }
  return names;
}
