import type { ContentTranslation } from '../lib/content-translation.ts';
import type { Catalogue, Language, LanguagePack } from '../lib/i18n.ts';
import { rallyStore, setLanguage } from './rally-store.ts';

// Each language but English is two small files, fetched only when the
// reader switches to it: a page in that language carries them already
// (see `applyEmbeddedLanguage`). vite.config.ts names their chunks
// `assets/language-*`, which the service worker stores only once used.
const catalogues = import.meta.glob<Catalogue>(['../i18n/messages/*.json', '!../i18n/messages/en.json'], {
  import: 'default',
});
const translations = import.meta.glob<ContentTranslation>('../../data/translations/*.json', { import: 'default' });

let latestRequest: Language = 'en';

/**
 * Loads a language's catalogue and translation, and switches the page to it.
 * English is built in. If the files cannot be loaded the page stays as it
 * is; if another language is chosen meanwhile, only the newest choice
 * applies. Resolves once the language has applied (or failed to).
 */
export async function loadLanguage(language: Language): Promise<void> {
  latestRequest = language;
  if (language === 'en') {
    const { catalogue } = rallyStore.getInitialState();
    setLanguage({ language: 'en', catalogue, translation: null });
    return;
  }
  const loadCatalogue = catalogues[`../i18n/messages/${language}.json`];
  const loadTranslation = translations[`../../data/translations/${language}.json`];
  if (!loadCatalogue || !loadTranslation) return;
  try {
    const [catalogue, translation] = await Promise.all([loadCatalogue(), loadTranslation()]);
    if (latestRequest === language) setLanguage({ language, catalogue, translation });
  } catch {
    // Offline or a stale deploy: the interface stays in its current language.
  }
}

/**
 * The language pack a generated page carries in `<script id="rally-language">`
 * (every page but an English one: see build/page-meta.ts), applied to the
 * store so the page is taken over in the language it was rendered in.
 * Returns the language, or `null` when the page carries none or it is
 * unreadable (the page then stays English until `loadLanguage`).
 */
export function applyEmbeddedLanguage(json: string | null | undefined): Language | null {
  if (!json) return null;
  try {
    const pack = JSON.parse(json) as LanguagePack;
    latestRequest = pack.language;
    setLanguage(pack);
    return pack.language;
  } catch {
    return null;
  }
}
