import { useRef, type MouseEvent } from 'react';
import { languageNames, supportedLanguages, type Language } from '../lib/i18n.ts';
import { formatRoute, overviewRoute } from '../lib/address.ts';
import { selectPresentation, selectRoute } from '../state/selectors.ts';
import { switchLanguage } from '../state/url-sync.ts';
import { useRallyStore } from '../state/use-rally-store.ts';
import { useT } from '../state/use-t.ts';

/**
 * The page's language, and plain links to the same page in the six others
 * (the open city stays open), in a disclosure that works without
 * JavaScript. With the app running, a plain click switches in place: the
 * address changes and the page re-renders in the new language, no reload.
 */
export function LanguageSwitcher() {
  const { t, language } = useT();
  const route = useRallyStore(selectRoute);
  const presentation = useRallyStore(selectPresentation);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  // A page that does not exist has no address of its own: its language links lead to the overview.
  const target = route.kind === 'not-found' ? overviewRoute : route;

  const follow = (event: MouseEvent<HTMLAnchorElement>, chosen: Language) => {
    // New tabs, windows and downloads are the browser's to handle.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (detailsRef.current) detailsRef.current.open = false;
    void switchLanguage(chosen);
  };

  return (
    <details className="language-switcher" ref={detailsRef}>
      <summary>
        <span className="visually-hidden">{t('app.language')}: </span>
        <span lang={language}>{languageNames[language]}</span>
      </summary>
      <ul className="language-list">
        {supportedLanguages.map((option) => (
          <li key={option}>
            <a
              href={formatRoute(target, import.meta.env.BASE_URL, presentation, option)}
              hrefLang={option}
              lang={option}
              aria-current={option === language ? 'true' : undefined}
              onClick={(event) => follow(event, option)}
            >
              {languageNames[option]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
