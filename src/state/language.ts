import type { Catalogue, Language } from '../lib/i18n.ts';
import { rallyStore, setLanguage } from './rally-store.ts';

// Each catalogue but English is its own small file, fetched only when that language is chosen.
const catalogues = import.meta.glob<Catalogue>(['../i18n/messages/*.json', '!../i18n/messages/en.json'], {
  import: 'default',
});

let latestRequest: Language = 'en';

/**
 * Loads a language's catalogue and switches the interface to it. English is
 * built in. If the file cannot be loaded the interface stays as it is; if
 * another language is chosen meanwhile, only the newest choice applies.
 */
export async function loadLanguage(language: Language): Promise<void> {
  latestRequest = language;
  if (language === 'en') {
    const english = rallyStore.getInitialState().catalogue;
    setLanguage('en', english);
    return;
  }
  const load = catalogues[`../i18n/messages/${language}.json`];
  if (!load) return;
  try {
    const catalogue = await load();
    if (latestRequest === language) setLanguage(language, catalogue);
  } catch {
    // Offline or a stale deploy: the interface stays in its current language.
  }
}
