import { groupQuotesBySpeaker } from '../lib/group-quotes.ts';
import type { Quote } from '../lib/rally-schema.ts';
import { useT } from '../state/use-t.ts';

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/**
 * Verbatim quotes in source order, each passage its own `<blockquote>` in
 * its own language, with the speaker named once per run of passages. Quotes
 * are never translated: when the interface is in another language, a small
 * note says which language they are in.
 */
export function QuoteList({ quotes }: { quotes: readonly Quote[] }) {
  const { t, language, locale } = useT();
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
            {group.quotes.map((quote, quoteIndex) => (
              <blockquote className="quote" lang={quote.lang} key={quoteIndex}>
                <p>{quote.text}</p>
              </blockquote>
            ))}
          </figure>
        );
      })}
    </div>
  );
}
