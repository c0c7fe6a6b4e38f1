import { useId } from 'react';
import { useT } from '../state/use-t.ts';
import { languageNames, matchLanguage, supportedLanguages } from '../lib/i18n.ts';
import { switchLanguage } from '../state/url-sync.ts';

/** The interface language, chosen from the seven; the choice is kept in the address only (`?lang=`). */
export function LanguageSwitcher() {
  const { t, language } = useT();
  const id = useId();
  return (
    <div className="language-switcher needs-script">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const chosen = matchLanguage(event.target.value);
          if (chosen) switchLanguage(chosen);
        }}
      >
        {supportedLanguages.map((option) => (
          <option key={option} value={option} lang={option}>
            {languageNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
