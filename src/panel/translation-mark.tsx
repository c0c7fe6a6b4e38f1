import { useT } from '../state/use-t.ts';

/**
 * The mark after a text shown in our translation (a venue, a crowd, a
 * speaker's role): "(translated from English: <the English>)", the English
 * marked as such, so the translation is never taken for the source's words.
 */
export function TranslationMark({ english }: { english: string }) {
  const { t } = useT();
  return (
    <span className="translation-mark">
      ({t('content.translatedFrom')}: <span lang="en">{english}</span>)
    </span>
  );
}
