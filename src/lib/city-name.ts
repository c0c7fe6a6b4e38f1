import { translatedCityName, type ContentTranslation } from './content-translation.ts';
import type { Rally } from './rally-schema.ts';

/** How a city is named on screen: a main name and, where it adds something, the local one. */
export interface CityName {
  name: string;
  /** The local name, or `null` when it is the same name (ignoring accents, as Brasilia/Brasília). */
  localName: string | null;
  /** The language the local name is written in, when known, for `lang` attributes. */
  localLanguage: string | undefined;
}

// The main language of each country with a rally, so screen readers pronounce local names well.
const languageByCountry = new Map([
  ['BR', 'pt'],
  ['MX', 'es'],
  ['DE', 'de'],
  ['IT', 'it'],
  ['SE', 'sv'],
  ['RU', 'ru'],
  ['GB', 'en'],
]);

function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mark}/gu, '')
    .toLocaleLowerCase('en');
}

/**
 * Names a city for display. When the local name differs from the English one
 * only by accents, the local spelling is used alone, so "Brasília" is shown
 * once rather than as "Brasilia · Brasília". With a translation that has the
 * city's usual name in its language (an exonym: "Лондон", "Múnich"), that
 * name comes first and the local name ("London", "München") second, unless
 * they are the same name.
 */
export function cityName(
  rally: Pick<Rally, 'id' | 'name' | 'localName' | 'country'>,
  translation: ContentTranslation | null = null,
): CityName {
  const localLanguage = languageByCountry.get(rally.country);
  const exonym = translatedCityName(translation, rally);
  if (exonym !== null) {
    const local = rally.localName ?? rally.name;
    return { name: exonym, localName: withoutAccents(local) === withoutAccents(exonym) ? null : local, localLanguage };
  }
  const { name, localName } = rally;
  if (localName === undefined || localName === name) return { name, localName: null, localLanguage };
  if (withoutAccents(localName) === withoutAccents(name)) return { name: localName, localName: null, localLanguage };
  return { name, localName, localLanguage };
}
