import { useCallback, useMemo } from 'react';
import type { ContentTranslation } from '../lib/content-translation.ts';
import { formatMessage, intlLocale, type Catalogue, type Language, type MessageParams } from '../lib/i18n.ts';
import type { TitleWords } from '../lib/page-title.ts';
import { rallyStore } from './rally-store.ts';
import { selectCatalogue, selectLanguage, selectTranslation } from './selectors.ts';
import { useRallyStore } from './use-rally-store.ts';

/** A function that formats a message of the current language. */
export type Translate = (key: string, params?: MessageParams) => string;

/**
 * The words page titles are made of, in a language: from its catalogue
 * (English where it lacks one) and its translation of the rally file.
 */
export function titleWords(
  language: Language,
  catalogue: Catalogue,
  translation: ContentTranslation | null,
): TitleWords {
  const english = rallyStore.getInitialState().catalogue;
  return {
    locale: intlLocale(language),
    notFound: formatMessage(catalogue, english, language, 'notFound.title'),
    siteName: formatMessage(catalogue, english, language, 'app.siteName'),
    translation,
  };
}

/**
 * The current language, its message formatter, its `Intl` locale, its
 * translation of the rally file's texts (`null` in English) and the words
 * of page titles, for components. Messages missing from a catalogue fall
 * back to English.
 */
export function useT(): {
  t: Translate;
  language: Language;
  locale: string;
  translation: ContentTranslation | null;
  titles: TitleWords;
} {
  const language = useRallyStore(selectLanguage);
  const catalogue = useRallyStore(selectCatalogue);
  const translation = useRallyStore(selectTranslation);
  const t = useCallback<Translate>(
    (key, params) => formatMessage(catalogue, rallyStore.getInitialState().catalogue, language, key, params),
    [catalogue, language],
  );
  const titles = useMemo(() => titleWords(language, catalogue, translation), [language, catalogue, translation]);
  return { t, language, locale: intlLocale(language), translation, titles };
}
