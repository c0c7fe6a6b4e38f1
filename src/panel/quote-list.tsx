import { quoteTextId, translatedRole, translatedText } from '../lib/content-translation.ts';
import { imagePath, quoteAnchor, quotePagePath } from '../lib/address.ts';
import { formatCalendarDate } from '../lib/format-date.ts';
import { groupQuotesBySpeaker } from '../lib/group-quotes.ts';
import { citationLine } from '../lib/quote-pages.ts';
import type { Quote, Source } from '../lib/rally-schema.ts';
import { ShareMenu } from '../share/share-menu.tsx';
import { TranslationMark } from './translation-mark.tsx';
import { siteRoot } from '../state/url-sync.ts';
import { useT } from '../state/use-t.ts';
import { languageName } from '../lib/intl-formats.ts';

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/** Where a list of quotes was said: a city's rally, or the campaign as a whole (`cityId: null`). */
export interface QuoteContext {
  cityId: string | null;
  /** The date they were said, YYYY-MM-DD. */
  date: string;
  source: Source | null;
}

/**
 * Verbatim quotes in source order, each passage its own `<blockquote>` in
 * its own language, with the speaker named once per run of passages, and
 * their role as the source gives it, or in our translation marked as one
 * with the English beside it. A
 * quote is never replaced by a translation: when the page is in another
 * language, a small note says which language the quotes are in, and our
 * translation follows each passage outside its `<blockquote>`, labelled
 * "Translation:" so it is never taken for the speaker's words. Each passage
 * has a stable anchor (`#quote-2`, its number in the file) and a "Share this
 * quote" action for its own page in the page's language, which is a plain link to that page
 * without JavaScript.
 */
export function QuoteList({ quotes, context }: { quotes: readonly Quote[]; context: QuoteContext }) {
  const { t, language, locale, translation } = useT();
  // The translations' ids name the quote's owner: the rally's id, or `campaign`.
  const ownerId = context.cityId ?? 'campaign';
  const basePath = import.meta.env.BASE_URL;
  const groups = groupQuotesBySpeaker(quotes);
  // Each quote's number is its place in the file, counted across the groups.
  const firstNumbers: number[] = [];
  let next = 1;
  for (const group of groups) {
    firstNumbers.push(next);
    next += group.quotes.length;
  }
  return (
    <div className="quote-list">
      {groups.map((group, groupIndex) => {
        const first = group.quotes[0];
        const quoteLanguage = first?.lang ?? 'en';
        const foreign = primaryLanguage(quoteLanguage) !== primaryLanguage(language);
        const role =
          first === undefined ? null : translatedRole(translation, ownerId, quotes.indexOf(first), group.role);
        return (
          <figure className="quote-group" key={groupIndex}>
            <figcaption>
              <cite>{group.speaker}</cite>
              {role === null ? (
                <span className="quote-role" lang={quoteLanguage}>
                  {group.role}
                </span>
              ) : (
                <span className="quote-role">
                  {role} <TranslationMark english={group.role} />
                </span>
              )}
              {foreign ? (
                <span className="quote-language">
                  {t('quote.quotedIn', { language: languageName(locale, quoteLanguage) })}
                </span>
              ) : null}
            </figcaption>
            {group.quotes.map((quote, quoteIndex) => {
              const number = (firstNumbers[groupIndex] ?? 1) + quoteIndex;
              const address = { cityId: context.cityId, number };
              const path = quotePagePath(address, basePath, language);
              const subject = { kind: 'quote' as const, quote: address };
              const translated = translatedText(translation, quoteTextId(ownerId, quotes.indexOf(quote)), quote.text);
              return (
                <div className="quote-item" id={quoteAnchor(number)} key={number}>
                  <blockquote className="quote" lang={quote.lang}>
                    <p>{quote.text}</p>
                  </blockquote>
                  {translated === null ? null : (
                    <p className="quote-translation">
                      <span className="translation-label">{t('content.translation')}</span> {translated}
                    </p>
                  )}
                  <ShareMenu
                    route={context.cityId === null ? { kind: 'overview' } : { kind: 'city', cityId: context.cityId }}
                    path={path}
                    label={t('tools.shareQuote')}
                    text={`“${quote.text}” — ${quote.speaker}`}
                    tools={{
                      citation: citationLine(
                        { quote, source: context.source },
                        formatCalendarDate(context.date, locale),
                        quoteUrl(path),
                      ),
                      images: {
                        wide: imagePath(subject, 'wide', basePath, language),
                        square: imagePath(subject, 'square', basePath, language),
                      },
                    }}
                  />
                </div>
              );
            })}
          </figure>
        );
      })}
    </div>
  );
}

/** A quote page's absolute address; at build time (no window) on `SITE_URL` or the local preview's origin. */
function quoteUrl(path: string): string {
  if (import.meta.env.SITE_URL || typeof window !== 'undefined') return new URL(path, siteRoot().origin).href;
  return path;
}
