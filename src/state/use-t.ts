import { useCallback } from 'react';
import { formatMessage, type Language, type MessageParams } from '../lib/i18n.ts';
import { rallyStore } from './rally-store.ts';
import { selectCatalogue, selectLanguage } from './selectors.ts';
import { useRallyStore } from './use-rally-store.ts';

/** The locale for `Intl` formatting: British English for "en", so dates read "7 April 2018". */
export function intlLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}

/** A function that formats a message of the current language. */
export type Translate = (key: string, params?: MessageParams) => string;

/**
 * The current language and its message formatter, for components. Messages
 * missing from a catalogue fall back to English.
 */
export function useT(): { t: Translate; language: Language; locale: string } {
  const language = useRallyStore(selectLanguage);
  const catalogue = useRallyStore(selectCatalogue);
  const t = useCallback<Translate>(
    (key, params) => formatMessage(catalogue, rallyStore.getInitialState().catalogue, language, key, params),
    [catalogue, language],
  );
  return { t, language, locale: intlLocale(language) };
}
