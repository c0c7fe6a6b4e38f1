import { quoteTextId, translatedText } from '../lib/content-translation.ts';
import { groupQuotesBySpeaker } from '../lib/group-quotes.ts';
import type { Quote } from '../lib/rally-schema.ts';
import { useT } from '../state/use-t.ts';

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/**
 * Verbatim quotes in source order, each passage its own `<blockquote>` in
 * its own language, with the speaker named once per run of passages. A
 * quote is never replaced by a translation: when the page is in another
 * language, a small note says which language the quotes are in, and our
 * translation follows each passage outside its `<blockquote>`, labelled
 * "Translation:" so it is never taken for the speaker's words. `ownerId`
 * is `campaign` or the rally's id, for the translations' ids.
 */
export function QuoteList({ quotes, ownerId }: { quotes: readonly Quote[]; ownerId: string }) {
  const { t, language, locale, translation } = useT();
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  return (
    <div className="quote-list">
      {groupQuotesBySpeaker(quotes).map((group, groupIndex) => {
        const quoteLanguage = group.quotes[0]?.lang ?? 'en';
        const foreign = primaryLanguage(quoteLanguage) !== primaryLanguage(language);
        return (
          <figure className="quote-group" key={groupIndex}>
            <figcaption>
              <cite>{group.speaker}</cite>
              <span className="quote-role" lang={quoteLanguage}>
                {group.role}
              </span>
              {foreign ? (
                <span className="quote-language">
                  {t('quote.quotedIn', { language: languageNames.of(quoteLanguage) ?? quoteLanguage })}
                </span>
              ) : null}
            </figcaption>
            {group.quotes.map((quote, quoteIndex) => {
              const translated = translatedText(translation, quoteTextId(ownerId, quotes.indexOf(quote)), quote.text);
              return (
                <div className="quote-passage" key={quoteIndex}>
                  <blockquote className="quote" lang={quote.lang}>
                    <p>{quote.text}</p>
                  </blockquote>
                  {translated === null ? null : (
                    <p className="quote-translation">
                      <span className="translation-label">{t('content.translation')}</span> {translated}
                    </p>
                  )}
                </div>
              );
            })}
          </figure>
        );
      })}
    </div>
  );
}
