/*
 * What a rally reads as when its file leaves fields out, as a plain GeoJSON
 * of points does (geojson.io, uMap, a GIS export: a point and a name). Each
 * missing field reads as "not reported", with a warning, never an error, so
 * such a file builds a working site. The values are the data format's own
 * "not reported" (null, empty lists), plus two markers for facts the format
 * otherwise requires: `unknownCountry` and `unreportedDate` (in format-date.ts,
 * so the pages that show it need not load this module).
 */

/** The country of a rally whose file gives none: the CLDR code for "Unknown Region", which `Intl` names in every language. */
export const unknownCountry = 'ZZ';

/**
 * A rally's facts as the data format writes "not reported": no venue, the
 * city centre, no crowd, no quotes, photos or sources. A new object each
 * time, so its lists can be changed freely.
 */
export function notReportedFacts() {
  return {
    venue: null,
    locationPrecision: 'city' as const,
    attendance: null,
    quotes: [] as [],
    photos: [] as [],
    sources: [] as [],
  };
}

/** The rally fields that may be left out, and what each reads as: "not reported". */
const notReported: Readonly<Record<string, unknown>> = { country: unknownCountry, ...notReportedFacts() };

// A placeholder that passes the date check while the other fields are validated; replaced by `unreportedDate`.
const placeholderDate = '2000-01-01';

const notReportedEntries = Object.entries(notReported);

/**
 * A feature's properties with every missing optional-in-practice field set
 * to its "not reported" value: the date from the campaign's when there is
 * one. Returns the properties to validate, the names of the fields filled
 * in (for warnings), and whether the date must be cleared to
 * `unreportedDate` after validation. `properties` itself is not changed;
 * when no field is missing, it is returned as it is (no copy).
 */
export function withMissingFields(
  properties: Record<string, unknown>,
  campaignDate: string | null,
): { properties: Record<string, unknown>; filled: string[]; dateUnreported: boolean } {
  const filled: string[] = [];
  let complete: Record<string, unknown> | null = null;
  for (const [field, value] of notReportedEntries) {
    if (Object.hasOwn(properties, field)) continue;
    complete ??= { ...properties };
    complete[field] = Array.isArray(value) ? [] : value;
    filled.push(field);
  }
  let dateUnreported = false;
  if (!Object.hasOwn(properties, 'date')) {
    filled.push('date');
    dateUnreported = campaignDate === null;
    complete ??= { ...properties };
    complete.date = campaignDate ?? placeholderDate;
  }
  return { properties: complete ?? properties, filled, dateUnreported };
}

/** The warning for a field `withMissingFields` filled in. */
export function missingFieldMessage(field: string, campaignDate: string | null): string {
  if (field === 'date' && campaignDate !== null) return `is missing: read as the day of action, ${campaignDate}`;
  return 'is missing: read as not reported';
}

/**
 * Latin letters for Cyrillic ones (Russian, Ukrainian, Belarusian, Chechen),
 * after the common English-language romanisation (BGN/PCGN, simplified):
 * "Москва" gives "moskva", "Грозный" "groznyy". Soft and hard signs and the
 * palochka have no letter.
 */
// prettier-ignore
const cyrillicToLatin: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ӏ: '',
};

/**
 * A rally id made from a name, for features that have none: lowercase
 * letters and digits joined by single hyphens, accents dropped ("São
 * Paulo" gives "sao-paulo") and Cyrillic romanised ("Москва" gives
 * "moskva"); `rally` when nothing is left (a name in another script). Not
 * unique by itself: the parser appends "-2", "-3" … to repeats.
 */
export function slugFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (letter) => cyrillicToLatin[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{Mark}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'rally' : slug;
}
